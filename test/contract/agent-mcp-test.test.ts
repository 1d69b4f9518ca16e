import { expect } from '@open-wc/testing';
import { agentServerTester, type AgentTesterOptions } from '../../src/contract/agent-mcp-test.js';
import type { NamedStdioServer, NamedUrlServer } from '../../src/contract/mcp-server.js';
import { MAX_TOOL_NAME, MAX_TOOLS, type McpTestKind, type McpTestResult } from '../../src/contract/mcp-test.js';
import { BASE, fakeServer, json, SESSION_KEY, type Reply } from './fake-server.js';
import { MASK } from './save-content.js';

const ENV_SECRET = 'typed-env-secret-456';
const HEADER_SECRET = 'typed-header-secret-789';
const AUTH_SECRET = 'typed-auth-secret-012';
const QUERY_SECRET = 'query-secret-345';
const ROUTE = 'POST api/mcp/test';
const signal = new AbortController().signal;

function tester(routes: Record<string, Reply | Reply[]>, options?: AgentTesterOptions, extra = {}) {
  const server = fakeServer(routes);
  const client = agentServerTester(
    // The page asked for a bearer token: the agent-server reads only the header, so the header it is.
    () => ({ baseUrl: BASE, sessionKey: SESSION_KEY, authScheme: 'bearer', fetch: server.fetch, ...extra }),
    options,
  );
  return { client, server };
}

function expectNoSecret(result: McpTestResult) {
  const text = JSON.stringify(result);
  for (const secret of [ENV_SECRET, HEADER_SECRET, AUTH_SECRET, QUERY_SECRET, SESSION_KEY])
    expect(text).to.not.contain(secret);
}

const stdio = (part: Partial<NamedStdioServer> = {}): NamedStdioServer => ({
  name: 'fs',
  command: 'npx',
  args: ['-y', 'files'],
  env: { API_KEY: ENV_SECRET },
  ...part,
});
const remote = (part: Partial<NamedUrlServer> = {}): NamedUrlServer => ({
  url: `https://docs.example.com/mcp?key=${QUERY_SECRET}`,
  api_key: null,
  x: { name: 'docs', headers: { 'X-Key': HEADER_SECRET }, auth: { strategy: 'bearer', value: AUTH_SECRET } },
  ...part,
});
const OK = json(200, { ok: true, tools: ['echo', 'get_time'] });

describe('contract/agent-mcp-test: the request', () => {
  it('stdio: POST api/mcp/test {name, server: {type: stdio, command, args, env}, timeout}, the key in its header', async () => {
    const { client, server } = tester({ [ROUTE]: OK });
    const result = await client.test(
      'stdio',
      stdio({ x: { enabled: false, rest: { cwd: '/srv', description: 'files', timeout: 9 } } }),
      false,
      signal,
    );
    expect(result).to.deep.equal({
      kind: 'ok',
      tools: ['echo', 'get_time'],
      toolCount: 2,
      message: 'Connected: 2 tools (echo, get_time).',
    });
    expect(server.routes()).to.deep.equal([ROUTE]);
    const call = server.calls[0]!;
    expect(call.headers.get('X-Session-API-Key')).to.equal(SESSION_KEY);
    expect(call.headers.get('Authorization')).to.equal(null);
    expect(call.body).to.deep.equal({
      name: 'fs',
      server: { type: 'stdio', command: 'npx', args: ['-y', 'files'], env: { API_KEY: ENV_SECRET }, cwd: '/srv' },
      timeout: 15,
    });
  });

  it('remote: `type` sse or http (never `transport`), url, headers, auth; nothing the older servers forbid', async () => {
    for (const [kind, type] of [
      ['sse', 'sse'],
      ['shttp', 'http'],
    ] as const) {
      const { client, server } = tester({ [ROUTE]: OK });
      const x = { ...remote().x, enabled: true, rest: { description: 'd', timeout: 5, keep_alive: true } };
      expect((await client.test(kind, remote({ x }), true, signal)).kind).to.equal('ok');
      expect(server.calls[0]!.body).to.deep.equal({
        name: 'docs',
        server: {
          type,
          url: `https://docs.example.com/mcp?key=${QUERY_SECRET}`,
          headers: { 'X-Key': HEADER_SECRET },
          auth: { strategy: 'bearer', value: AUTH_SECRET },
        },
        timeout: 15,
      });
    }
  });

  it('a V0 API key goes as bearer auth; a server without a name is named after its host, a long name cut to 128', async () => {
    const { client, server } = tester({ [ROUTE]: OK });
    await client.test('shttp', { url: 'https://mcp.example.org/x', api_key: AUTH_SECRET }, false, signal);
    expect(server.calls[0]!.body).to.deep.equal({
      name: 'mcp-example-org',
      server: { type: 'http', url: 'https://mcp.example.org/x', auth: { strategy: 'bearer', value: AUTH_SECRET } },
      timeout: 15,
    });
    await client.test('stdio', stdio({ name: '😀'.repeat(200) }), false, signal);
    expect((server.calls[1]!.body as { name: string }).name).to.equal('😀'.repeat(128));
  });

  it('timeoutSeconds is sent when in (0, 120]; otherwise the default 15', async () => {
    for (const [given, sent] of [
      [60, 60],
      [120, 120],
      [0.5, 0.5],
      [0, 15],
      [121, 15],
      [-1, 15],
      [Number.NaN, 15],
    ] as const) {
      const { client, server } = tester({ [ROUTE]: OK }, { timeoutSeconds: given });
      await client.test('stdio', stdio(), false, signal);
      expect((server.calls[0]!.body as { timeout: number }).timeout).to.equal(sent);
    }
  });
});

describe('contract/agent-mcp-test: masked secrets', () => {
  it('any secret shown masked: needs-secrets with its fields, nothing sent', async () => {
    const cases: [McpTestKind, NamedUrlServer | NamedStdioServer, string[]][] = [
      ['stdio', stdio({ env: { API_KEY: MASK, OTHER: 'x', TOKEN: '<redacted>' } }), ['/env/API_KEY', '/env/TOKEN']],
      ['sse', remote({ x: { name: 'docs', headers: { 'X-Key': MASK } } }), ['/headers/X-Key']],
      ['shttp', remote({ x: { name: 'docs', auth: { strategy: 'bearer', value: MASK } } }), ['/auth/value']],
      [
        'shttp',
        remote({ x: { name: 'docs', auth: { strategy: 'basic', username: 'u', password: MASK } } }),
        ['/auth/password'],
      ],
      [
        'shttp',
        remote({ x: { name: 'docs', auth: { strategy: 'header', headers: { 'X-A': MASK } } } }),
        ['/auth/headers/X-A'],
      ],
      [
        'shttp',
        remote({ x: { name: 'docs', auth: { strategy: 'header', headers: { username: MASK, strategy: MASK } } } }),
        ['/auth/headers/username', '/auth/headers/strategy'],
      ],
      ['sse', { url: 'https://a.example.com/sse', api_key: MASK }, ['/api_key']],
      [
        'sse',
        remote({ x: { name: 'docs', headers: { Authorization: `Bearer ${MASK}` } } }),
        ['/headers/Authorization'],
      ],
    ];
    for (const [kind, srv, fields] of cases) {
      const { client, server } = tester({ [ROUTE]: OK });
      const result = await client.test(kind, srv, true, signal);
      expect(result.kind).to.equal('needs-secrets');
      expect(result.kind === 'needs-secrets' && result.fields).to.deep.equal(fields);
      expect(result.message).to.contain('Nothing was sent');
      expect(server.calls).to.have.length(0);
    }
    // The sentence names the places in words, not as pointers.
    const two = await tester({ [ROUTE]: OK }).client.test(
      'shttp',
      remote({ x: { name: 'docs', headers: { 'X-Key': MASK }, auth: { strategy: 'bearer', value: MASK } } }),
      true,
      signal,
    );
    expect(two.message).to.contain('(header X-Key, auth value)');
  });

  it('a mask outside the secret fields (an argument) is sent as it is', async () => {
    const { client, server } = tester({ [ROUTE]: OK });
    const result = await client.test('stdio', stdio({ args: [MASK] }), false, signal);
    expect(result.kind).to.equal('ok');
    expect(server.calls).to.have.length(1);
  });
});

describe('contract/agent-mcp-test: answers', () => {
  it('{ok: false}: failed with error_kind and the error, redacted of every secret of the server', async () => {
    const error = `Cannot connect to https://docs.example.com/mcp?key=${QUERY_SECRET} with ${HEADER_SECRET}, ${AUTH_SECRET}, ${encodeURIComponent(ENV_SECRET)} (${SESSION_KEY})`;
    const { client } = tester({ [ROUTE]: json(200, { ok: false, error, error_kind: 'connection' }) });
    const result = await client.test(
      'sse',
      remote({ x: { ...remote().x, rest: { env: { K: ENV_SECRET } } } }),
      false,
      signal,
    );
    expect(result.kind).to.equal('failed');
    if (result.kind !== 'failed') return;
    expect(result.category).to.equal('connection');
    expect(result.message).to.match(/^Could not connect: Cannot connect to https:\/\/docs\.example\.com/);
    expect(result.serverText).to.contain('•••');
    expectNoSecret(result);
  });

  it('{ok: false} with a timeout, without an error, with a hostile kind', async () => {
    const cases: [unknown, unknown, string, string][] = [
      [
        'timeout',
        'MCP server did not answer in time',
        'timeout',
        'Could not connect (timeout): MCP server did not answer in time.',
      ],
      ['connection', undefined, 'connection', 'Could not connect.'],
      ['unknown', 'Boom!', 'unknown', 'Could not connect (unknown): Boom!'],
      ['<img src=x>', 'x', 'unknown', 'Could not connect (unknown): x.'],
      [42, 'x', 'unknown', 'Could not connect (unknown): x.'],
      ['a'.repeat(64), 'x', 'unknown', 'Could not connect (unknown): x.'],
      ['tool_discovery', 'no tools', 'tool_discovery', 'The test failed (tool_discovery): no tools.'],
    ];
    for (const [kind, error, category, message] of cases) {
      const { client } = tester({ [ROUTE]: json(200, { ok: false, error, error_kind: kind }) });
      const result = await client.test('stdio', stdio(), false, signal);
      expect(result).to.deep.include({ kind: 'failed', category, message });
    }
  });

  it('tools: untrusted; at most 50 kept, each at most 100 characters, plain and redacted, non-strings left out', async () => {
    const tools = [
      'echo',
      42,
      null,
      { name: 'x' },
      'x'.repeat(10_000),
      `leak-${ENV_SECRET}`,
      'line\nbreak\u202e',
      '',
      ...Array.from({ length: 1000 }, (_, i) => `t${i}`),
    ];
    const { client } = tester({ [ROUTE]: json(200, { ok: true, tools }) });
    const result = await client.test('stdio', stdio(), false, signal);
    if (result.kind !== 'ok') throw new Error(result.kind);
    expect(result.tools).to.have.length(MAX_TOOLS);
    expect(result.toolCount).to.equal(tools.length);
    for (const tool of result.tools) expect(tool.length).to.be.at.most(MAX_TOOL_NAME);
    expect(result.tools.slice(0, 4)).to.deep.equal(['echo', 'x'.repeat(99) + '…', 'leak-•••', 'line break']);
    expect(result.message).to.match(
      /^Connected: 1008 tools \(echo, x+…, leak-•••, line break, t0, t1, t2, t3, t4, t5, and 998 more\)\.$/,
    );
    expect(result.message.length).to.be.at.most(500);
    expectNoSecret(result);
  });

  it('tools: none, one, absent, not a list', async () => {
    const cases: [unknown, number, string][] = [
      [[], 0, 'Connected: the server lists no tools.'],
      [['only'], 1, 'Connected: 1 tool (only).'],
      [undefined, 0, 'Connected: the server lists no tools.'],
      ['echo', 0, 'Connected: the server lists no tools.'],
      [[1, 2], 2, 'Connected: 2 tools.'],
    ];
    for (const [tools, toolCount, message] of cases) {
      const { client } = tester({ [ROUTE]: json(200, { ok: true, tools }) });
      const result = await client.test('stdio', stdio(), false, signal);
      expect(result).to.deep.include({ kind: 'ok', toolCount, message });
    }
  });

  it('422 (the request refused): failed, configuration, its places and messages, never its input', async () => {
    const detail = [
      {
        type: 'value_error',
        loc: ['body', 'server', 'http'],
        msg: "Value error, 'auth' cannot be combined with an explicit top-level 'Authorization' header; use auth.strategy='header' instead.",
        input: { headers: { Authorization: HEADER_SECRET }, auth: { value: AUTH_SECRET } },
      },
      { type: 'missing', loc: ['body', 'server', 'http', 'url'], msg: 'Field required', input: {} },
      { type: 'x', loc: ['body', 'name'], msg: `leaks ${HEADER_SECRET}` },
      { type: 'x', loc: ['body'], msg: 'four' },
      { type: 'x', loc: ['body'], msg: 'five' },
    ];
    const { client } = tester({ [ROUTE]: json(422, { detail }) });
    const result = await client.test('shttp', remote(), false, signal);
    expect(result).to.deep.include({ kind: 'failed', category: 'configuration' });
    expect(result.message).to.equal(
      "The server would not test this configuration (HTTP 422): server.http: 'auth' cannot be combined with an explicit top-level 'Authorization' header; use auth.strategy='header' instead.; server.http.url: Field required; name: leaks •••; 2 more.",
    );
    expectNoSecret(result);
    const text = await tester({ [ROUTE]: json(422, { detail: 'bad [type=x, input_value=secret]' }) }).client.test(
      'stdio',
      stdio(),
      false,
      signal,
    );
    expect(text.message).to.equal('The server would not test this configuration (HTTP 422): bad.');
    const none = await tester({ [ROUTE]: json(422, {}) }).client.test('stdio', stdio(), false, signal);
    expect(none.message).to.equal('The server would not test this configuration (HTTP 422).');
  });

  it('other statuses: 401 unauthorized, 403, 429, 404 and 500 server; a 2xx that is no test answer: unknown', async () => {
    const cases: [Reply, string][] = [
      [json(401, { detail: 'Unauthorized' }), 'unauthorized'],
      [json(403, { detail: 'Forbidden' }), 'unauthorized'],
      [json(429, {}), 'rate-limited'],
      [json(404, { detail: 'Not Found' }), 'server'],
      [json(500, { detail: `boom ${ENV_SECRET}` }), 'server'],
      [new Response('<html>login</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }), 'unknown'],
      [new Response('not json', { status: 200 }), 'unknown'],
      [json(200, null), 'unknown'],
      [json(200, [{ ok: true }]), 'unknown'],
      [json(200, { ok: 'true', tools: ['x'] }), 'unknown'],
      [new Response('{"__proto__": {"ok": true, "tools": ["x"]}}', { status: 200 }), 'unknown'],
      [new Response('{"constructor": {"ok": true}, "toString": 1}', { status: 200 }), 'unknown'],
      [json(201, { ok: true, tools: [] }), 'ok'],
    ];
    for (const [reply, kind] of cases) {
      const result = await tester({ [ROUTE]: reply }).client.test('stdio', stdio(), false, signal);
      expect(result.kind, JSON.stringify(result)).to.equal(kind);
      expectNoSecret(result);
    }
  });

  it('an answer larger than the body cap: unknown, not parsed', async () => {
    const huge = json(200, { ok: true, tools: Array.from({ length: 50_000 }, (_, i) => `tool-${i}`) });
    const { client } = tester({ [ROUTE]: huge }, {}, { maxBodyBytes: 64 * 1024 });
    expect((await client.test('stdio', stdio(), false, signal)).kind).to.equal('unknown');
  });

  it('a polluted Object.prototype cannot make an answer a success', async () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto['ok'] = true;
    proto['tools'] = ['fake'];
    try {
      const result = await tester({ [ROUTE]: json(200, {}) }).client.test('stdio', stdio(), false, signal);
      expect(result.kind).to.equal('unknown');
    } finally {
      delete proto['ok'];
      delete proto['tools'];
    }
  });
});

describe('contract/agent-mcp-test: never rejects', () => {
  it('network failure, cancel, a refused base URL, a connection that throws', async () => {
    const down = agentServerTester(() => ({ baseUrl: BASE, fetch: () => Promise.reject(new TypeError('down')) }));
    expect((await down.test('stdio', stdio(), false, signal)).kind).to.equal('network');

    const controller = new AbortController();
    const hanging = agentServerTester(() => ({ baseUrl: BASE, fetch: () => new Promise<Response>(() => {}) }));
    const pending = hanging.test('stdio', stdio(), false, controller.signal);
    controller.abort();
    expect((await pending).kind).to.equal('aborted');

    const insecure = agentServerTester(() => ({ baseUrl: 'http://oh.example.com', fetch: () => Promise.resolve(OK) }));
    expect((await insecure.test('stdio', stdio(), false, signal)).kind).to.equal('refused');

    const throwing = agentServerTester(() => {
      throw new Error(`oops ${ENV_SECRET}`);
    });
    const result = await throwing.test('stdio', stdio(), false, signal);
    expect(result).to.deep.equal({ kind: 'network', message: 'The request could not be made.' });
  });

  it('a short page deadline is lengthened to the test timeout plus ten seconds; "none" stays none', async () => {
    // A fetch that answers after 80 ms: a 20 ms page deadline would time out, the test's does not.
    const slow = () => new Promise<Response>((resolve) => setTimeout(() => resolve(OK.clone()), 80));
    const short = agentServerTester(() => ({ baseUrl: BASE, fetch: slow, timeoutMs: 20 }), { timeoutSeconds: 1 });
    expect((await short.test('stdio', stdio(), false, signal)).kind).to.equal('ok');
    const none = agentServerTester(() => ({ baseUrl: BASE, fetch: slow, timeoutMs: 0 }));
    expect((await none.test('stdio', stdio(), false, signal)).kind).to.equal('ok');
  });
});
