/**
 * Hostile and malformed answers (issue 4, item 3), each played by the reference server to the
 * real element: submit() settles without throwing, nothing from the answer is rendered as markup,
 * a clear, bounded message is shown, nothing is polluted, and the page stays responsive.
 */
import { expect } from '@open-wc/testing';
import { harness, nextEvent } from '../helpers/element.js';
import { scriptResponses, type ScriptedResponse } from '../helpers/reference-server.js';
import { fillForm, responsive, setup } from '../helpers/scenario.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

/** Sets `window.__pwned` if it ever runs as script or markup. */
const XSS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '<svg onload="window.__pwned=3"></svg>',
  '<a href="javascript:window.__pwned=4">click</a>',
  '<iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
  '"><b onmouseover="window.__pwned=6">bold</b>',
].join(' ');
const MEGABYTE = 'A'.repeat(1_000_000);
const item = (loc: unknown, msg: unknown = 'Bad value', type: unknown = 'value_error') => ({ type, loc, msg });
const detail = (...items: unknown[]) => ({ status: 422, body: { detail: items } });
const json = (status: number, text: string): ScriptedResponse => ({
  status,
  body: text,
  contentType: 'application/json',
});

/** Every tag the element renders itself; anything else came from an answer. */
const OWN_TAGS = new Set([
  'FORM',
  'FIELDSET',
  'LEGEND',
  'DIV',
  'P',
  'SECTION',
  'H2',
  'H3',
  'H4',
  'LABEL',
  'INPUT',
  'BUTTON',
  'UL',
  'OL',
  'LI',
  'SPAN',
  'STRONG',
  'HEADER',
  'SMALL',
]);

const MANY = Array.from({ length: 10_000 }, (_, i) =>
  item(['body', 'mcp_config', 'stdio_servers', i % 3, ['name', 'command', 'args'][i % 3]!], `Problem ${i}`),
);

const CASES: [string, ScriptedResponse][] = [
  ['a 422 that is not JSON', { status: 422, body: 'this is not json {', contentType: 'application/json' }],
  [
    'a 422 HTML error page with a script',
    { status: 422, body: `<!doctype html><html><body>${XSS}</body></html>`, contentType: 'text/html' },
  ],
  [
    'a 500 HTML error page',
    { status: 500, body: `<html><head><title>Oops</title></head><body>${XSS}</body></html>`, contentType: 'text/html' },
  ],
  ['an HTML page labelled as JSON', { status: 422, body: `<html>${XSS}</html>`, contentType: 'application/json' }],
  ['a 422 with an empty body', { status: 422, body: '' }],
  ['a 422 with null', json(422, 'null')],
  ['a 422 with a list', json(422, '[1, 2, 3]')],
  ['a 422 with a JSON string', json(422, `"${XSS.replace(/"/g, '\\"')}"`)],
  ['a 422 with a number', json(422, '1e400')],
  ['detail a string with markup', { status: 422, body: { detail: XSS } }],
  ['detail an object', { status: 422, body: { detail: { loc: ['body', 'provider_tokens'], msg: 'x' } } }],
  ['detail null', { status: 422, body: { detail: null } }],
  ['detail an empty list', { status: 422, body: { detail: [] } }],
  ['detail a number', { status: 422, body: { detail: 42 } }],
  ['items without loc', detail({ msg: 'No loc here', type: 'value_error' })],
  ['items without msg', detail({ loc: ['body', 'provider_tokens', 'github', 'token'], type: 'string_type' })],
  ['items that are null, numbers, strings, lists', detail(null, 7, XSS, [1, 2], true)],
  ['loc a string', detail(item('body.provider_tokens.github.token'))],
  ['loc an object', detail(item({ 0: 'body', 1: 'provider_tokens', length: 2 }))],
  [
    'loc holding objects',
    detail(item(['body', { a: 1 }, 'provider_tokens']), item(['body', 'mcp_config', ['nested'], 'x'])),
  ],
  [
    'loc holding null, booleans and floats',
    detail(item(['body', null]), item(['body', true]), item(['body', 'mcp_config', 'stdio_servers', 1.5])),
  ],
  ['a negative index', detail(item(['body', 'mcp_config', 'stdio_servers', -1, 'name']))],
  [
    'a huge index',
    detail(
      item(['body', 'mcp_config', 'stdio_servers', 1e21, 'name']),
      item(['body', 'mcp_config', 'sse_servers', 99_999_999, 'url']),
    ),
  ],
  [
    'an unsafe integer index',
    json(422, '{"detail":[{"loc":["body","mcp_config","stdio_servers",9007199254740993,"name"],"msg":"x"}]}'),
  ],
  ['10,000 items', { status: 422, body: { detail: MANY } }],
  [
    'messages with markup and script',
    detail(item(['body', 'provider_tokens', 'github', 'token'], XSS), item(['body'], XSS, XSS)),
  ],
  [
    '__proto__ in loc',
    detail(item(['body', '__proto__', 'polluted']), item(['body', 'provider_tokens', '__proto__', 'token'])),
  ],
  [
    'constructor and prototype in loc',
    detail(item(['body', 'constructor', 'prototype', 'polluted']), item(['body', 'mcp_config', 'constructor'])),
  ],
  [
    '__proto__ as a key of the body',
    json(
      422,
      '{"__proto__":{"detail":[{"loc":["body"],"msg":"from the prototype"}]},"detail":[{"loc":["body"],"msg":"own","__proto__":{"polluted":true}}]}',
    ),
  ],
  ['a megabyte-long message', detail(item(['body', 'provider_tokens', 'github', 'token'], MEGABYTE))],
  ['a megabyte-long loc segment', detail(item(['body', 'mcp_config', MEGABYTE]))],
  ['a megabyte-long type and no message', detail({ loc: ['body'], type: MEGABYTE })],
  ['msg a number, an object, a list', detail(item(['body'], 42), item(['body'], { text: 'x' }), item(['body'], ['x']))],
  ['type an object', detail(item(['body'], undefined, { evil: XSS }))],
  ['a loc of 100,000 segments', detail(item(['body', ...Array.from({ length: 100_000 }, () => 'x')]))],
  ['control and direction characters in a message', detail(item(['body'], 'a\u0000b\u202Ec\u2066d\r\ne\u0007'))],
  ['deeply nested JSON', json(422, '{"detail":' + '['.repeat(5000) + ']'.repeat(5000) + '}')],
  ['a 401 whose error is an object', { status: 401, body: { error: { message: XSS } } }],
  ['a 401 whose error is markup', { status: 401, body: { error: XSS } }],
  ['a 401 whose error is a megabyte long', { status: 401, body: { error: MEGABYTE } }],
  ['a 401 whose detail is a list', { status: 401, body: { detail: [item(['body'])] } }],
  ['a 500 whose error is an object', { status: 500, body: { error: { nested: [1, 2] } } }],
  ['a 500 with markup in every text field', { status: 500, body: { error: XSS, message: XSS, detail: XSS } }],
  [
    'a 500 with a 422-shaped body',
    { status: 500, body: { detail: [item(['body', 'provider_tokens', 'github', 'token'], XSS)] } },
  ],
  ['a 429 HTML page', { status: 429, body: `<html>${XSS}</html>`, contentType: 'text/html' }],
  ['a 404 with a JSON null', json(404, 'null')],
  ['a 418 plain text with markup', { status: 418, body: XSS, contentType: 'text/plain' }],
  ['a 200 with markup in the message', { status: 200, body: { message: XSS } }],
  ['a 200 with null', json(200, 'null')],
  ['a 200 that is not JSON', { status: 200, body: 'OK!', contentType: 'text/plain' }],
  ['a 200 with a megabyte-long message', { status: 200, body: { message: MEGABYTE } }],
  [
    'wrong types everywhere',
    {
      status: 422,
      body: {
        detail: [
          { type: 1, loc: 2, msg: 3, input: 4, ctx: 5, url: 6 },
          { type: [], loc: [[]], msg: {}, ctx: [] },
        ],
      },
    },
  ],
];

/** What a page sees when it looks for markup that did not come from the element. */
function foreignMarkup(root: ShadowRoot): string[] {
  const found: string[] = [];
  for (const node of root.querySelectorAll('*')) {
    if (!OWN_TAGS.has(node.tagName)) found.push(node.tagName);
    for (const attribute of node.attributes)
      if (/^on/i.test(attribute.name)) found.push(`${node.tagName}[${attribute.name}]`);
  }
  return found;
}

/**
 * Plays one answer to a filled-in form's save and checks what the person sees. `response` may be
 * scripted for one request of the save (`method` and `path`); a failure after the tokens were
 * stored must then say so, and keep the MCP edits.
 */
async function playHostile(response: ScriptedResponse): Promise<void> {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  const { tenant, el } = await setup();
  await fillForm(el);
  await scriptResponses(tenant.id, [response]);
  const events: Event[] = [];
  el.addEventListener('provider-settings-failed', (e) => events.push(e));
  el.addEventListener('provider-settings-saved', (e) => events.push(e));
  const lightChildren = el.childNodes.length;

  const started = performance.now();
  let outcome;
  try {
    outcome = await el.submit();
  } catch (error) {
    expect.fail(`submit() threw ${String(error)}`);
  }
  await el.updateComplete;
  const took = performance.now() - started;
  await responsive(1000);
  expect(took, 'submit and render time').to.be.below(5000);

  const root = el.shadowRoot!;
  expect(window.__pwned, 'nothing from the answer ran').to.equal(undefined);
  expect(foreignMarkup(root), 'no markup from the answer').to.deep.equal([]);
  expect(el.childNodes.length, 'nothing added to the light DOM').to.equal(lightChildren);
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), 'Object.prototype untouched').to.deep.equal(
    prototypeKeys,
  );
  expect(({} as Record<string, unknown>).polluted).to.equal(undefined);

  expect(events, 'exactly one outcome event').to.have.length(1);
  const message = (events[0] as Event & { message: string }).message;
  expect(message.trim().length, 'the event has a message').to.be.greaterThan(0);
  expect(message.length, 'a bounded message').to.be.at.most(600);
  // Markup in a message is fine as long as it stays text: shown literally, never parsed (checked above).

  const ui = harness(el);
  if (outcome.kind === 'saved') {
    expect(ui.status.text).to.equal('Saved.');
    return;
  }
  expect(ui.summary.shown, 'the error summary is shown').to.equal(true);
  const summary = ui.summary.element;
  expect(summary.textContent!.trim().length).to.be.greaterThan(0);
  const entries = ui.summary.items();
  const formError = ui.formError.shown ? ui.formError.text : '';
  expect(entries.length + (formError ? 1 : 0), 'at least one message').to.be.greaterThan(0);
  for (const text of [...entries.slice(0, 50), formError]) {
    expect(text.length, 'each message is bounded').to.be.at.most(1200);
    expect(text).not.to.match(/[\u0000-\u0008\u202a-\u202e\u2066-\u2069]/);
  }
  if (response.path === '/api/settings') {
    // The tokens were stored before the answer came: the form says which part is where.
    expect([outcome.stored, outcome.notStored]).to.deep.equal([['tokens'], ['mcp']]);
    expect(summary.textContent).to.contain('The git tokens were saved; the MCP servers were not');
    expect(el.dirty, 'the MCP edits are kept, unsaved').to.equal(true);
    expect(el.value.mcp_config!.sse_servers.map((s) => s.url)).to.deep.equal(['https://mcp.example.com/sse']);
  }
}

describe('hostile and malformed answers', () => {
  it(`there are at least 40 of them (${CASES.length})`, () => {
    expect(CASES.length).to.be.at.least(40);
  });

  for (const [what, response] of CASES) {
    it(`${what}: settles, renders no markup, shows a clear message, stays responsive`, () => playHostile(response));
  }

  // The same answers to the two requests of the MCP servers' save, after the tokens were stored:
  // the settings read (GET) and the settings write (POST).
  for (const method of ['GET', 'POST'] as const) {
    for (const [what, response] of CASES) {
      it(`${what}, to the MCP save's ${method} /api/settings: the tokens stay saved, the MCP edits kept, the same guarantees`, () =>
        playHostile({ ...response, method, path: '/api/settings' }));
    }
  }

  it('markup in a message is shown literally, as text', async () => {
    const { tenant, el } = await setup();
    await fillForm(el);
    await scriptResponses(tenant.id, [detail(item(['body', 'provider_tokens', 'github', 'token'], XSS))]);
    await el.submit();
    await el.updateComplete;
    expect(harness(el).summary.element.textContent).to.contain('<script>window.__pwned=2</script>');
    expect(foreignMarkup(el.shadowRoot!)).to.deep.equal([]);
  });

  it('after all that, a normal answer still saves', async () => {
    const { tenant, el } = await setup();
    await fillForm(el);
    await scriptResponses(tenant.id, [{ status: 422, body: { detail: MANY } }]);
    expect((await el.submit()).kind).to.equal('validation');
    const saved = nextEvent(el, 'provider-settings-saved');
    expect((await el.submit()).kind).to.equal('saved');
    await saved;
  });
});
