/**
 * Secrets (issue 4, item 5; DESIGN.md "Secrets"): the session key, tokens and API keys live in
 * properties and password inputs only. Every test here runs a full cycle (type, reveal, fail with
 * answers that echo every secret, save) and then looks everywhere a secret could have leaked.
 */
import { expect } from '@open-wc/testing';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { harness, mount } from '../helpers/element.js';
import {
  createTenant,
  requestsOf,
  scriptResponses,
  tenantState,
  type ScriptedResponse,
} from '../helpers/reference-server.js';
import { fillForm, formValues, NOTHING_STORED, otherOrigin, TYPED_SECRETS } from '../helpers/scenario.js';

const SESSION = 'sess-UniqueSessionKeyForSecretsTest-3e8a1f';
const SECRETS = [SESSION, ...Object.values(TYPED_SECRETS)];

/** Every answer the server can give that repeats what it got: in messages, locs, types, inputs. */
function echoes(): ScriptedResponse[] {
  const all = SECRETS.join(' and ');
  return [
    {
      status: 422,
      body: {
        detail: [
          {
            type: 'string_type',
            loc: ['body', 'provider_tokens', 'github', 'token'],
            msg: `Bad token ${TYPED_SECRETS.github}`,
            input: TYPED_SECRETS.github,
          },
          {
            type: 'value_error',
            loc: ['body', 'mcp_config', 'sse_servers', 0, 'api_key'],
            msg: `Value error, key ${TYPED_SECRETS.sseApiKey}`,
            input: { api_key: TYPED_SECRETS.sseApiKey },
          },
          { type: 'value_error', loc: ['body', 'provider_tokens', TYPED_SECRETS.gitlab], msg: 'A secret as a key' },
          { type: `type_${SESSION}`, loc: ['body', 'mcp_config', SESSION], input: SESSION },
          {
            type: 'x',
            loc: ['header', 'X-Session-API-Key'],
            msg: `Session ${SESSION} (${encodeURIComponent(SESSION)})`,
          },
        ],
      },
    },
    { status: 500, body: { error: `Could not store ${all}` } },
    { status: 500, body: `Traceback: ${all}`, contentType: 'text/plain' },
    {
      status: 401,
      body: { error: `Invalid token ${TYPED_SECRETS.gitlab}. Please make sure it is a valid gitlab token.` },
    },
    { status: 401, body: { detail: `Unauthorized: ${SESSION}` } },
    { status: 403, body: { message: `Forbidden for ${SESSION}` } },
  ];
}

/** Every node of the document, shadow roots included. */
function* allNodes(root: Node = document): Generator<Node> {
  yield root;
  if (root instanceof Element && root.shadowRoot) yield* allNodes(root.shadowRoot);
  for (const child of root.childNodes) yield* allNodes(child);
}

function leaksIn(text: string): string[] {
  return SECRETS.filter((secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)));
}

/** Every attribute of every node (light and shadow DOM), and every text outside inputs. */
function domLeaks(): string[] {
  const found: string[] = [];
  for (const node of allNodes()) {
    if (node instanceof Element) {
      for (const attribute of node.attributes) {
        for (const secret of leaksIn(`${attribute.name}=${attribute.value}`))
          found.push(`${node.tagName}[${attribute.name}] has ${secret}`);
      }
    } else if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE) {
      for (const secret of leaksIn(node.textContent ?? ''))
        found.push(`text "${(node.textContent ?? '').slice(0, 60)}" has ${secret}`);
    }
  }
  return found;
}

function storageLeaks(): string[] {
  const found: string[] = [];
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)!;
      found.push(...leaksIn(`${key}=${storage.getItem(key)}`));
    }
  }
  found.push(...leaksIn(decodeURIComponent(document.cookie)), ...leaksIn(location.href), ...leaksIn(document.title));
  return found;
}

/** Whatever an event carries: its own properties, `detail`, and the getters of its class. */
function eventText(event: Event): string {
  const parts: string[] = [event.type];
  const seen = new Set<string>();
  for (let proto: object | null = event; proto && proto !== Event.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (seen.has(key) || key === 'constructor') continue;
      seen.add(key);
      try {
        const value = (event as unknown as Record<string, unknown>)[key];
        if (typeof value !== 'function') parts.push(`${key}=${JSON.stringify(value)}`);
      } catch {
        // a getter that throws carries nothing
      }
    }
  }
  if (event instanceof CustomEvent) parts.push(JSON.stringify(event.detail));
  return parts.join(' ');
}

interface Watch {
  console: string[];
  events: string[];
  urls: string[];
  stop(): void;
}

/** Records console output, every event dispatched by script, and every URL the page requests. */
function watch(): Watch {
  const record: Watch = { console: [], events: [], urls: [], stop: () => {} };
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;
  const originals = methods.map((m) => console[m]);
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      record.console.push(args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' '));
      (originals[i] as (...a: unknown[]) => void).apply(console, args);
    };
  });
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (event: Event) {
    record.events.push(eventText(event));
    return dispatch.call(this, event);
  };
  const fetchOriginal = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    record.urls.push(input instanceof Request ? input.url : String(input));
    return fetchOriginal(input, init);
  };
  const observer = new PerformanceObserver((list) => record.urls.push(...list.getEntries().map((e) => e.name)));
  observer.observe({ type: 'resource' });
  // Events the element's own listeners see (native ones too): any of the element's events bubbles here.
  const names = [
    'provider-settings-submit',
    'provider-settings-saved',
    'provider-settings-failed',
    'provider-settings-change',
    'input',
    'change',
  ];
  const onEvent = (e: Event) => record.events.push(eventText(e));
  for (const name of names) document.addEventListener(name, onEvent, true);
  record.stop = () => {
    methods.forEach((m, i) => ((console as unknown as Record<string, unknown>)[m] = originals[i]));
    EventTarget.prototype.dispatchEvent = dispatch;
    window.fetch = fetchOriginal;
    record.urls.push(...observer.takeRecords().map((e) => e.name));
    observer.disconnect();
    for (const name of names) document.removeEventListener(name, onEvent, true);
  };
  return record;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

async function secretsSetup(configure: (el: OpenHandsProviderSettings) => void = () => {}) {
  const tenant = await createTenant({ sessionKey: SESSION });
  const el = await mount((e) => {
    e.baseUrl = tenant.baseUrl;
    e.sessionKey = SESSION;
    e.settings = NOTHING_STORED;
    configure(e);
  });
  return { tenant, el };
}

describe('secrets: a full save cycle leaks nothing', () => {
  it('through attributes, text, events, console, storage, cookies, URLs or messages', async () => {
    const { tenant, el } = await secretsSetup();
    const ui = harness(el);
    const seen = watch();
    const outcomes: string[] = [];
    try {
      await fillForm(el);
      // Reveal and hide a token: the value is shown as text in an input, still never as an attribute.
      for (const button of ui.revealButtons()) button.click();
      await el.updateComplete;
      expect(domLeaks(), 'revealed').to.deep.equal([]);
      for (const button of ui.revealButtons()) button.click();
      await el.updateComplete;

      for (const response of echoes()) {
        await scriptResponses(tenant.id, [response]);
        const outcome = await el.submit();
        await el.updateComplete;
        outcomes.push(safeJson(outcome));
        expect(outcome.kind).not.to.equal('saved');
        expect(domLeaks(), `after ${response.status}`).to.deep.equal([]);
        for (const entry of ui.messages()) {
          expect(leaksIn(entry.textContent ?? ''), entry.textContent ?? '').to.deep.equal([]);
        }
      }
      // Redacted, not dropped: the echoed message is still shown, with the secret replaced.
      expect(outcomes.join('\n')).to.contain('•••');
      expect(formValues(el).map(([, value]) => value)).to.include.members(Object.values(TYPED_SECRETS));

      expect((await el.submit()).kind).to.equal('saved');
      await el.updateComplete;
    } finally {
      seen.stop();
    }
    expect(domLeaks(), 'after saving').to.deep.equal([]);
    expect(leaksIn(outcomes.join('\n')), 'in the outcomes submit() resolved to').to.deep.equal([]);
    expect(leaksIn(seen.events.join('\n')), 'in events').to.deep.equal([]);
    expect(seen.events.some((e) => e.startsWith('provider-settings-failed'))).to.equal(true);
    expect(seen.events.some((e) => e.startsWith('provider-settings-saved'))).to.equal(true);
    expect(leaksIn(seen.console.join('\n')), 'in console output').to.deep.equal([]);
    expect(storageLeaks(), 'in storage, cookies, the page URL').to.deep.equal([]);
    expect(leaksIn(seen.urls.join('\n')), 'in a URL').to.deep.equal([]);
    // What was saved did arrive, by the header and the body only.
    const requests = await requestsOf(tenant.id);
    expect(requests.at(-1)!.sessionKey).to.equal(SESSION);
    expect(leaksIn(requests.map((r) => r.path).join('\n')), 'in a request path').to.deep.equal([]);
    expect((await tenantState(tenant.id)).provider_tokens.github!.token).to.equal(TYPED_SECRETS.github);
  });

  it('typed tokens are gone from the form after a successful save, and the providers show as stored', async () => {
    const { el } = await secretsSetup();
    await fillForm(el);
    expect((await el.submit()).kind).to.equal('saved');
    await el.updateComplete;
    const ui = harness(el);
    for (const input of ui.inputs()) {
      expect([TYPED_SECRETS.github, TYPED_SECRETS.gitlab], input.dataset.path).not.to.include(input.value);
    }
    expect(harness(el).provider('github').token.value).to.equal('');
    expect(harness(el).provider('github').token.type).to.equal('password');
    expect(el.value.provider_tokens.github).to.deep.equal({ token: null, host: null });
    expect(el.value.provider_tokens.gitlab).to.deep.equal({ token: null, host: 'gitlab.example.com' });
    expect(ui.storedProviders()).to.deep.equal(['github', 'gitlab']);
  });

  it('the session key is a property only: never reflected, never read from an attribute, a session-key attribute removed', async () => {
    const { el } = await secretsSetup();
    expect(el.getAttributeNames().filter((n) => /session/i.test(n))).to.deep.equal([]);
    const warn = console.warn;
    console.warn = () => {};
    try {
      el.setAttribute('session-key', 'from-an-attribute');
      el.setAttribute('sessionkey', 'from-an-attribute');
    } finally {
      console.warn = warn;
    }
    expect(el.sessionKey).to.equal(SESSION);
    // `session-key` (a kebab-case framework binding) and `sessionkey` (a camelCase one the HTML
    // parser lower-cased) are taken out of the DOM at once, and not used.
    expect(el.hasAttribute('session-key')).to.equal(false);
    expect(el.hasAttribute('sessionkey')).to.equal(false);
    // No other secret-named attribute is observed, so none is ever read.
    const observed = (el.constructor as typeof OpenHandsProviderSettings).observedAttributes;
    expect(observed.filter((n) => /session|token|key/i.test(n))).to.deep.equal(['session-key', 'sessionkey']);
  });

  it('a sessionKey="…" written in HTML (lower-cased by the parser) is removed when the element upgrades, with a warning', async () => {
    const host = document.createElement('div');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      host.innerHTML =
        '<openhands-provider-settings sessionKey="sk-in-html-attribute" Session-Key="sk-other"></openhands-provider-settings>';
      document.body.append(host);
      const el = host.firstElementChild as OpenHandsProviderSettings;
      await el.updateComplete;
      expect(el.getAttributeNames().filter((n) => /session/i.test(n))).to.deep.equal([]);
      expect(host.innerHTML).not.to.include('sk-in-html-attribute');
      expect(host.innerHTML).not.to.include('sk-other');
      expect(el.sessionKey).to.equal(null);
      expect(warnings.join('\n')).to.include('sessionkey').and.not.include('sk-in-html-attribute');
    } finally {
      console.warn = warn;
      host.remove();
    }
  });
});

describe('secrets: where requests go', () => {
  /** A fetch that answers 200 without any network, recording what it was asked. */
  function fakeFetch(): { calls: { url: string; init: RequestInit }[]; restore: () => void } {
    const original = window.fetch;
    const calls: { url: string; init: RequestInit }[] = [];
    window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
      calls.push({ url: String(input), init });
      // Settings for a read, OpenHands' success answer for a write.
      const body = init.method === 'GET' ? '{"provider_tokens_set":{},"mcp_config":null}' : '{"message":"Stored"}';
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    return { calls, restore: () => (window.fetch = original) };
  }

  for (const baseUrl of [
    'http://openhands.example.com',
    'http://192.168.1.10:3000',
    'http://localhost.example.com',
    'http://127.0.0.1.nip.io',
    'http://[::2]',
    'http://10.0.0.1/openhands',
  ]) {
    it(`refuses plain http to ${baseUrl} unless the page opts in (attribute and property)`, async () => {
      const fake = fakeFetch();
      try {
        const el = await mount((e) => {
          e.baseUrl = baseUrl;
          e.sessionKey = SESSION;
          e.settings = NOTHING_STORED;
        });
        await fillForm(el);
        const refused = await el.submit();
        expect(refused.kind).to.equal('refused');
        expect(leaksIn(refused.message)).to.deep.equal([]);
        expect(fake.calls, 'nothing was sent').to.deep.equal([]);

        el.setAttribute('allow-insecure-http', '');
        expect(el.allowInsecureHttp).to.equal(true);
        expect((await el.submit()).kind).to.equal('saved');
        // The tokens, then the MCP servers: the settings read, then written.
        expect(fake.calls).to.have.length(3);
        for (const call of fake.calls) expect(new URL(call.url).origin).to.equal(new URL(baseUrl).origin);

        el.removeAttribute('allow-insecure-http');
        expect((await el.submit()).kind).to.equal('refused');
        el.allowInsecureHttp = true;
        expect((await el.submit()).kind).to.equal('saved');
        expect(fake.calls).to.have.length(4);
      } finally {
        fake.restore();
      }
    });
  }

  for (const baseUrl of [
    'http://localhost:1',
    'http://127.0.0.1:1',
    'http://[::1]:1',
    'http://app.localhost:1',
    'https://openhands.example.com',
  ]) {
    it(`sends to ${baseUrl} without opting in (loopback or https)`, async () => {
      const fake = fakeFetch();
      try {
        const el = await mount((e) => {
          e.baseUrl = baseUrl;
          e.sessionKey = SESSION;
          e.settings = NOTHING_STORED;
        });
        expect((await el.submit()).kind).to.equal('saved');
        expect(fake.calls).to.have.length(1);
      } finally {
        fake.restore();
      }
    });
  }

  it('sends with redirect: "manual", the key in a header only, to the configured endpoint only', async () => {
    const fake = fakeFetch();
    try {
      const el = await mount((e) => {
        e.baseUrl = 'https://openhands.example.com/prefix/';
        e.sessionKey = SESSION;
        e.settings = NOTHING_STORED;
      });
      await fillForm(el);
      await el.submit();
      expect(fake.calls.map((c) => `${c.init.method} ${c.url}`)).to.deep.equal([
        'POST https://openhands.example.com/prefix/api/add-git-providers',
        'GET https://openhands.example.com/prefix/api/settings',
        'POST https://openhands.example.com/prefix/api/settings',
      ]);
      for (const { url, init } of fake.calls) {
        expect(init.redirect).to.equal('manual');
        expect(new Headers(init.headers).get('X-Session-API-Key')).to.equal(SESSION);
        expect(leaksIn(url)).to.deep.equal([]);
      }
    } finally {
      fake.restore();
    }
  });

  for (const status of [301, 302, 303, 307, 308]) {
    it(`a ${status} redirect is not followed: nothing reaches the other origin or path, with or without secrets`, async () => {
      const { tenant, el } = await secretsSetup();
      const elsewhere = await createTenant({ sessionKey: null });
      const sameOrigin = await createTenant({ sessionKey: null });
      await fillForm(el);
      // The code a save runs is loaded before the watch starts: the page's own modules are not requests of the save.
      expect(await el.validate()).to.equal(true);
      const seen = watch();
      try {
        await scriptResponses(tenant.id, [
          { status, redirectTo: `${otherOrigin()}${elsewhere.baseUrl}/api/add-git-providers` },
          { status, redirectTo: `${location.origin}${sameOrigin.baseUrl}/api/add-git-providers` },
        ]);
        const first = await el.submit();
        const second = await el.submit();
        expect([first.kind, second.kind]).to.deep.equal(['server', 'server']);
        expect(first.message).to.contain('redirect');
      } finally {
        seen.stop();
      }
      expect(await requestsOf(elsewhere.id, 'POST')).to.deep.equal([]);
      expect(await requestsOf(sameOrigin.id, 'POST')).to.deep.equal([]);
      expect(await requestsOf(tenant.id)).to.have.length(2);
      const endpoint = `${location.origin}${tenant.baseUrl}/api/add-git-providers`;
      expect(
        seen.urls.filter((u) => !u.includes('/__control/')),
        'requests went to the configured endpoint only',
      ).to.deep.equal([endpoint, endpoint, endpoint, endpoint]);
    });
  }
});

describe('secrets: the contract layer redacts what a 422 echoes outside msg', () => {
  it('a secret as an error type or a loc key reaches neither the message nor the pointer', async () => {
    const { interpretResponse } = await import('../../src/contract/response.js');
    const result = interpretResponse(
      {
        status: 422,
        contentType: 'application/json',
        bodyText: JSON.stringify({
          detail: [
            { type: `x_${SESSION}`, loc: ['body', 'mcp_config'] },
            { type: 'value_error', loc: ['body', 'provider_tokens', TYPED_SECRETS.github, 'token'], msg: 'm' },
          ],
        }),
      },
      { secrets: SECRETS },
    );
    expect(leaksIn(JSON.stringify(result))).to.deep.equal([]);
    expect(result.kind === 'validation' && result.errors.map((e) => e.pointer)).to.deep.equal([
      '/mcp_config',
      '/provider_tokens/•••/token',
    ]);
  });
});

describe('a session key given as an attribute', () => {
  it('is removed at once and not used (a kebab-case framework binding): the page is told why', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    const el = document.createElement('openhands-provider-settings');
    try {
      document.body.append(el);
      el.setAttribute('session-key', 'sk-attribute-secret');
      expect(el.hasAttribute('session-key')).to.equal(false);
      expect(el.sessionKey).to.equal(null);
      expect(warnings).to.have.length(1);
      expect(JSON.stringify(warnings)).not.to.contain('sk-attribute-secret');
    } finally {
      console.warn = original;
      el.remove();
    }
  });
});
