/**
 * Faults (issue 4, item 2): timeouts, removal mid-save, a real double click, and every kind of
 * failure, each of which must keep every typed value and let the next save work.
 * test/element/save.test.ts already covers the basics (a short timeout, submit() twice, removal
 * -> aborted without events); this file adds what those do not prove.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import type { SaveOutcome } from '../../src/contract/result.js';
import { harness, mount, nextEvent } from '../helpers/element.js';
import { createTenant, requestsOf, scriptResponses, type ScriptedResponse } from '../helpers/reference-server.js';
import { fillForm, formValues, otherOrigin, setup } from '../helpers/scenario.js';

const STORED = { status: 200, body: { message: 'Git providers stored' } } as const;

/** Replaces window.fetch for one test, recording every call. */
function spyFetch(): { calls: { url: string; init: RequestInit }[]; restore: () => void } {
  const original = window.fetch;
  const calls: { url: string; init: RequestInit }[] = [];
  window.fetch = (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input instanceof Request ? input.url : input), init });
    return original(input, init);
  };
  return { calls, restore: () => (window.fetch = original) };
}

describe('faults: the timeout', () => {
  it('defaults to 30 seconds (property and attribute), and a save that outlives it is reported as a timeout', async () => {
    const el = await mount();
    expect(el.timeout).to.equal(30_000);
    el.setAttribute('timeout', '1234');
    expect(el.timeout).to.equal(1234);
    el.removeAttribute('timeout');

    // The default deadline really is armed: the one 30,000 ms timer of the save is fired early.
    const { tenant, el: fresh, ui } = await setup();
    await scriptResponses(tenant.id, [{ hang: true }]);
    const original = window.setTimeout;
    const armed: number[] = [];
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
      armed.push(delay ?? 0);
      return original(handler, delay === 30_000 ? 50 : delay, ...args);
    }) as typeof window.setTimeout;
    let outcome: SaveOutcome;
    try {
      outcome = await fresh.submit();
    } finally {
      window.setTimeout = original;
    }
    expect(armed).to.include(30_000);
    expect(outcome.kind).to.equal('timeout');
    expect(outcome.kind === 'timeout' && outcome.timeoutMs).to.equal(30_000);
    await fresh.updateComplete;
    expect(ui.formError.element.textContent).to.contain('30 seconds');
  });

  it('a configured timeout aborts the request, says so, keeps every value, and the next save works', async () => {
    const { tenant, el, ui } = await setup({}, (e) => (e.timeout = 250));
    await fillForm(el);
    const before = formValues(el);
    await scriptResponses(tenant.id, [{ hang: true }]);
    const spy = spyFetch();
    const failed = nextEvent(el, 'provider-settings-failed');
    let outcome: SaveOutcome;
    try {
      outcome = await el.submit();
    } finally {
      spy.restore();
    }
    expect(outcome.kind).to.equal('timeout');
    expect((await failed).kind).to.equal('timeout');
    expect(spy.calls).to.have.length(1);
    expect(spy.calls[0]!.init.signal!.aborted, 'the fetch was aborted').to.equal(true);
    await el.updateComplete;
    expect(ui.formError.element.textContent).to.match(/did not answer within 250 ms/);
    expect(formValues(el)).to.deep.equal(before);
    expect((await el.submit()).kind).to.equal('saved');
  });
});

describe('faults: the element leaves the page', () => {
  for (const [what, response] of [
    ['an answer that would never come', { hang: true }],
    ['an answer that comes late', { ...STORED, delayMs: 300 }],
  ] as const) {
    it(`aborts its request at once (${what}), and nothing runs afterwards`, async () => {
      const { tenant, el } = await setup({}, (e) => (e.timeout = 0));
      await fillForm(el);
      await scriptResponses(tenant.id, [response]);
      const spy = spyFetch();
      let events = 0;
      for (const name of ['provider-settings-saved', 'provider-settings-failed', 'provider-settings-change'] as const) {
        el.addEventListener(name, () => events++);
      }
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onError);
      try {
        const pending = el.submit();
        await waitUntil(() => spy.calls.length > 0, 'the request never started');
        expect(el.saving).to.equal(true);
        el.remove();
        const outcome = await pending;
        expect(outcome.kind).to.equal('aborted');
        expect(spy.calls[0]!.init.signal!.aborted, 'the fetch was aborted').to.equal(true);
        // The abort itself settles the busy state; after that, nothing may change: no late
        // answer is read, no render, no event, no error.
        await el.updateComplete;
        expect(el.saving).to.equal(false);
        const mutations: MutationRecord[] = [];
        const observer = new MutationObserver((records) => mutations.push(...records));
        observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
        await new Promise((resolve) => setTimeout(resolve, 500));
        observer.disconnect();
        expect(mutations.length, 'no render after removal').to.equal(0);
        expect(events).to.equal(0);
        expect(errors).to.deep.equal([]);
        expect(harness(el).status.element.textContent).to.equal('');
      } finally {
        spy.restore();
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onError);
      }
      // Put back on the page, it saves again.
      document.body.append(el);
      try {
        await el.updateComplete;
        expect((await el.submit()).kind).to.equal('saved');
        // The aborted one, then this save's tokens and its MCP servers' settings write.
        expect((await requestsOf(tenant.id)).map((r) => r.path.replace(/^\/t\/[^/]+/, ''))).to.deep.equal([
          '/api/add-git-providers',
          '/api/add-git-providers',
          '/api/settings',
        ]);
      } finally {
        // Outside the fixture now: taken out here, pass or fail, not left for the next test.
        el.remove();
      }
    });
  }
});

describe('faults: a real double click on Save', () => {
  afterEach(() => resetMouse());

  it('sends one request', async () => {
    const { tenant, el, ui } = await setup();
    await fillForm(el);
    await scriptResponses(tenant.id, [{ ...STORED, delayMs: 300 }]);
    const button = ui.saveButton;
    button.scrollIntoView({ block: 'center' });
    const box = button.getBoundingClientRect();
    const position: [number, number] = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
    const saved = nextEvent(el, 'provider-settings-saved');
    await sendMouse({ type: 'click', position });
    await sendMouse({ type: 'click', position });
    await saved;
    await new Promise((resolve) => setTimeout(resolve, 100));
    // One save: the tokens once, then the MCP servers once (the settings read, then written).
    expect(
      (await requestsOf(tenant.id, '')).map((r) => `${r.method} ${r.path.replace(/^\/t\/[^/]+/, '')}`),
    ).to.deep.equal(['POST /api/add-git-providers', 'GET /api/settings', 'POST /api/settings']);
  });
});

/** Builds one failure: the scripted answer(s), the element's base URL, and the kind it must report. */
interface FailureCase {
  what: string;
  kind: string;
  /** The answers for the failing save (the next save gets the real logic). */
  responses: (target: string) => ScriptedResponse[];
  crossOrigin?: boolean;
  timeout?: number;
}

const FAILURES: FailureCase[] = [
  { what: 'a timeout', kind: 'timeout', responses: () => [{ hang: true }], timeout: 250 },
  { what: 'a dropped connection', kind: 'network', responses: () => [{ drop: true }] },
  {
    what: 'a 500 with JSON',
    kind: 'server',
    responses: () => [{ status: 500, body: { error: 'Something went wrong storing git providers' } }],
  },
  { what: 'a 500 as plain text', kind: 'server', responses: () => [{ status: 500, body: 'Internal Server Error' }] },
  { what: 'a 429', kind: 'rate-limited', responses: () => [{ status: 429, body: { message: 'Too many requests' } }] },
  {
    what: 'a 500 without CORS headers, cross-origin',
    kind: 'network',
    responses: () => [{ status: 500, body: 'Internal Server Error', cors: false }],
    crossOrigin: true,
  },
  {
    what: 'a 429 without CORS headers, cross-origin',
    kind: 'network',
    responses: () => [{ status: 429, body: { message: 'Too many requests' }, cors: false }],
    crossOrigin: true,
  },
  {
    what: 'a 422',
    kind: 'validation',
    responses: () => [
      {
        status: 422,
        body: {
          detail: [
            {
              type: 'string_type',
              loc: ['body', 'provider_tokens', 'github', 'token'],
              msg: 'Input should be a valid string',
            },
          ],
        },
      },
    ],
  },
  {
    what: 'a 401 about the session key',
    kind: 'unauthorized',
    responses: () => [{ status: 401, body: { detail: 'Unauthorized' } }],
  },
  {
    what: 'a 401 rejecting a token',
    kind: 'token-rejected',
    responses: () => [{ status: 401, body: { error: 'Invalid token. Please make sure it is a valid gitlab token.' } }],
  },
  { what: 'a 307 to another origin', kind: 'server', responses: (target) => [{ status: 307, redirectTo: target }] },
  { what: 'a 308 to another origin', kind: 'server', responses: (target) => [{ status: 308, redirectTo: target }] },
  {
    what: 'a 200 HTML page',
    kind: 'unknown',
    responses: () => [{ status: 200, body: '<!doctype html><h1>Sign in</h1>', contentType: 'text/html' }],
  },
  {
    what: 'a 200 after a long delay, cross-origin',
    kind: 'timeout',
    responses: () => [{ ...STORED, delayMs: 1000 }],
    crossOrigin: true,
    timeout: 250,
  },
];

describe('faults: every failure keeps every typed value, and saving again works', () => {
  for (const failure of FAILURES) {
    it(`${failure.what} -> ${failure.kind}`, async () => {
      const elsewhere = await createTenant();
      const target = `${otherOrigin()}${elsewhere.baseUrl}/api/add-git-providers`;
      const { tenant, el, ui } = await setup({}, (e) => {
        if (failure.timeout !== undefined) e.timeout = failure.timeout;
      });
      if (failure.crossOrigin) el.baseUrl = `${otherOrigin()}${tenant.baseUrl}`;
      await fillForm(el);
      const before = formValues(el);
      const sent = el.value;
      await scriptResponses(tenant.id, failure.responses(target));

      const failed = nextEvent(el, 'provider-settings-failed');
      const outcome = await el.submit();
      await el.updateComplete;
      expect(outcome.kind).to.equal(failure.kind);
      const event = await failed;
      expect(event.kind).to.equal(failure.kind);
      expect(event.message.length, 'a message').to.be.greaterThan(10);
      if (failure.kind === 'network') expect(event.message).to.contain('CORS');
      expect(formValues(el), 'every typed value is still there').to.deep.equal(before);
      expect(el.value).to.deep.equal(sent);
      expect(el.dirty).to.equal(true);
      // Nothing reached the other origin: a redirect is never followed.
      expect(await requestsOf(elsewhere.id)).to.deep.equal([]);

      // The timeout case must not hit the server's answer of the failed attempt.
      el.timeout = 30_000;
      const retry = await el.submit();
      expect(retry.kind, 'saving again works').to.equal('saved');
      await el.updateComplete;
      expect(ui.formError.shown).to.equal(false);
      expect(el.dirty).to.equal(false);
    });
  }

  it('a refused configuration (http: to another host) keeps every value; with https it is sent', async () => {
    const { tenant, el } = await setup({}, (e) => (e.baseUrl = 'http://openhands.example.com'));
    await fillForm(el);
    const before = formValues(el);
    expect((await el.submit()).kind).to.equal('refused');
    await el.updateComplete;
    expect(formValues(el)).to.deep.equal(before);
    el.baseUrl = tenant.baseUrl;
    expect((await el.submit()).kind).to.equal('saved');
  });
});

export type { OpenHandsProviderSettings };
