import { expect } from '@open-wc/testing';
import type { NamedStdioServer, NamedUrlServer } from '../../src/contract/mcp-server.js';
import type { McpTestResult } from '../../src/contract/mcp-test.js';
import { v1Tester, v1TestPath, v1TestRunPath, type V1TesterOptions } from '../../src/contract/v1-mcp-test.js';
import { BASE, fakeServer, json, SESSION_KEY, type Reply } from './fake-server.js';
import { MASK } from './save-content.js';

const ENV_SECRET = 'typed-env-secret-456';
const AUTH_SECRET = 'typed-auth-secret-012';
const ID = '3f2b6c1e-0000-4000-8000-000000000001';
const START = 'POST api/v1/settings/mcp/servers/fs/test';
const RUN = `GET api/v1/settings/mcp/test-runs/${ID}`;
const signal = new AbortController().signal;
const FAST: V1TesterOptions = { pollMs: 1, maxWaitMs: 5_000 };

function tester(routes: Record<string, Reply | Reply[]>, options: V1TesterOptions = FAST, extra = {}) {
  const server = fakeServer(routes);
  const urls: string[] = [];
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(String(input));
    return server.fetch(input, init);
  }) as typeof globalThis.fetch;
  const client = v1Tester(() => ({ baseUrl: BASE, sessionKey: SESSION_KEY, fetch, ...extra }), options);
  return { client, server, urls };
}

function expectNoSecret(result: McpTestResult) {
  const text = JSON.stringify(result);
  for (const secret of [ENV_SECRET, AUTH_SECRET, SESSION_KEY]) expect(text).to.not.contain(secret);
}

const stdio = (part: Partial<NamedStdioServer> = {}): NamedStdioServer => ({
  name: 'fs',
  command: 'npx',
  args: [],
  env: { API_KEY: ENV_SECRET },
  ...part,
});
const started = (status = 'running') => json(202, { test_id: ID, status });
const run = (fields: Record<string, unknown>) =>
  json(200, {
    id: ID,
    created_by_user_id: null,
    server_id: 'fs',
    transport: 'stdio',
    status: 'running',
    category: null,
    message: null,
    tool_count: null,
    latency_ms: null,
    sandbox_id: null,
    started_at: '2025-01-01T00:00:00Z',
    finished_at: null,
    created_at: '2025-01-01T00:00:00Z',
    ...fields,
  });
const running = run({});
const succeeded = (toolCount: unknown = 2) =>
  run({ status: 'succeeded', tool_count: toolCount, message: 'Connected; 2 tools' });

describe('contract/v1-mcp-test: what can be tested', () => {
  it('a card that is not what is stored, or a server without a name: needs-save, nothing sent', async () => {
    const { client, server } = tester({});
    expect((await client.test('stdio', stdio(), false, signal)).kind).to.equal('needs-save');
    expect((await client.test('stdio', stdio({ name: '' }), true, signal)).kind).to.equal('needs-save');
    expect((await client.test('sse', { url: 'https://a.example.com/sse', api_key: null }, true, signal)).kind).to.equal(
      'needs-save',
    );
    expect(server.calls).to.have.length(0);
  });

  it('a stored server is tested by its name, encoded in the path; masks are fine (the server has the secrets)', async () => {
    const name = 'my docs/../x?y#z';
    const { client, server, urls } = tester({
      [`POST api/v1/settings/mcp/servers/${name}/test`]: started(),
      [RUN]: succeeded(),
    });
    const docs: NamedUrlServer = {
      url: 'https://docs.example.com/mcp',
      api_key: null,
      x: { name, auth: { strategy: 'bearer', value: MASK } },
    };
    const result = await client.test('shttp', docs, true, signal);
    expect(result).to.deep.equal({ kind: 'ok', tools: [], toolCount: 2, message: 'Connected: 2 tools.' });
    expect(urls[0]).to.equal(`${BASE}/api/v1/settings/mcp/servers/my%20docs%2F..%2Fx%3Fy%23z/test`);
    expect(urls[0]).to.equal(`${BASE}/${v1TestPath(name)}`);
    expect(server.calls[0]!.body).to.equal(undefined);
    expect(server.calls[0]!.headers.get('X-Session-API-Key')).to.equal(SESSION_KEY);
  });

  it('the key as a bearer token when the connection says so', async () => {
    const { client, server } = tester({ [START]: started(), [RUN]: succeeded() }, FAST, { authScheme: 'bearer' });
    expect((await client.test('stdio', stdio(), true, signal)).kind).to.equal('ok');
    for (const call of server.calls) expect(call.headers.get('Authorization')).to.equal(`Bearer ${SESSION_KEY}`);
  });
});

describe('contract/v1-mcp-test: polling', () => {
  it('202 running: reads the run until it is no longer running', async () => {
    const { client, server } = tester({ [START]: started(), [RUN]: [running, running, succeeded(3)] });
    const result = await client.test('stdio', stdio(), true, signal);
    expect(result).to.deep.equal({ kind: 'ok', tools: [], toolCount: 3, message: 'Connected: 3 tools.' });
    expect(server.routes()).to.deep.equal([START, RUN, RUN, RUN]);
  });

  it('waits pollMs between reads, none before a run that is already over', async () => {
    const slow = tester({ [START]: started(), [RUN]: [running, succeeded()] }, { pollMs: 60 });
    const t0 = performance.now();
    expect((await slow.client.test('stdio', stdio(), true, signal)).kind).to.equal('ok');
    expect(performance.now() - t0).to.be.at.least(110);

    const over = tester({ [START]: started('succeeded'), [RUN]: succeeded() }, { pollMs: 60_000 });
    const t1 = performance.now();
    expect((await over.client.test('stdio', stdio(), true, signal)).kind).to.equal('ok');
    expect(performance.now() - t1).to.be.below(5_000);
  });

  it('past maxWaitMs: timeout (the run may still finish)', async () => {
    const { client, server } = tester({ [START]: started(), [RUN]: running }, { pollMs: 10, maxWaitMs: 60 });
    const result = await client.test('stdio', stdio(), true, signal);
    expect(result).to.deep.include({ kind: 'timeout', timeoutMs: 60 });
    expect(result.message).to.equal(
      'The test did not finish within 60 ms. It may still be running on the server: test again to see its result.',
    );
    const reads = server.routes().filter((route) => route === RUN).length;
    expect(reads).to.be.within(2, 8);
  });

  it('maxWaitMs 0: timeout before any read; invalid options fall back to the defaults', async () => {
    const once = tester({ [START]: started(), [RUN]: running }, { pollMs: 1, maxWaitMs: 0 });
    expect((await once.client.test('stdio', stdio(), true, signal)).kind).to.equal('timeout');
    expect(once.server.routes()).to.deep.equal([START]);
    const defaults = tester(
      { [START]: started(), [RUN]: [running, succeeded()] },
      {
        pollMs: -1,
        maxWaitMs: Number.NaN,
      },
    );
    const t0 = performance.now();
    expect((await defaults.client.test('stdio', stdio(), true, signal)).kind).to.equal('ok');
    expect(performance.now() - t0).to.be.at.least(450);
  });

  it('aborting stops at once, while waiting or while reading; nothing is read after', async () => {
    const waiting = new AbortController();
    const a = tester({ [START]: started(), [RUN]: running }, { pollMs: 10_000 });
    const pending = a.client.test('stdio', stdio(), true, waiting.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    waiting.abort();
    expect(await pending).to.deep.equal({ kind: 'aborted', message: 'The request was cancelled.' });
    expect(a.server.routes()).to.deep.equal([START]);

    const reading = new AbortController();
    let reads = 0;
    const b = tester({
      [START]: started(),
      [RUN]: () => {
        reads++;
        if (reads === 2) reading.abort();
        return running.clone();
      },
    });
    expect((await b.client.test('stdio', stdio(), true, reading.signal)).kind).to.equal('aborted');
    expect(reads).to.equal(2);

    const before = new AbortController();
    before.abort();
    const c = tester({ [START]: started() });
    expect((await c.client.test('stdio', stdio(), true, before.signal)).kind).to.equal('aborted');
    expect(c.server.calls).to.have.length(0);
  });
});

describe('contract/v1-mcp-test: run results', () => {
  it('failed: the run category and message, redacted of the server secrets and the key', async () => {
    const message = `401 from MCP server: key ${ENV_SECRET} rejected (session ${SESSION_KEY})\n\u202e`;
    const { client } = tester({
      [START]: started(),
      [RUN]: run({ status: 'failed', category: 'authentication', message }),
    });
    const result = await client.test('stdio', stdio(), true, signal);
    expect(result).to.deep.equal({
      kind: 'failed',
      category: 'authentication',
      message: 'Could not connect (authentication): 401 from MCP server: key ••• rejected (session •••).',
      serverText: '401 from MCP server: key ••• rejected (session •••)',
    });
    expectNoSecret(result);
  });

  it('the categories past connecting, cancelled, no category, a hostile category', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { status: 'failed', category: 'tool_discovery', message: 'no tools' },
        'tool_discovery',
        'The test failed (tool_discovery): no tools.',
      ],
      [{ status: 'failed', category: 'sandbox', message: null }, 'sandbox', 'The test failed (sandbox).'],
      [
        { status: 'failed', category: 'timeout', message: 'took too long' },
        'timeout',
        'Could not connect (timeout): took too long.',
      ],
      [{ status: 'cancelled' }, 'cancelled', 'The test failed (cancelled).'],
      [
        { status: 'cancelled', category: 'internal', message: 'stopped' },
        'internal',
        'The test failed (internal): stopped.',
      ],
      [{ status: 'failed' }, 'unknown', 'Could not connect (unknown).'],
      [{ status: 'failed', category: 'Robert"); DROP', message: 7 }, 'unknown', 'Could not connect (unknown).'],
    ];
    for (const [fields, category, message] of cases) {
      const { client } = tester({ [START]: started(), [RUN]: run(fields) });
      expect(await client.test('stdio', stdio(), true, signal)).to.deep.include({ kind: 'failed', category, message });
    }
  });

  it('succeeded with a tool count that is not a count: Connected.', async () => {
    for (const count of [null, -1, 1.5, '2', Number.MAX_VALUE, { n: 1 }]) {
      const { client } = tester({ [START]: started(), [RUN]: succeeded(count) });
      expect(await client.test('stdio', stdio(), true, signal)).to.deep.equal({
        kind: 'ok',
        tools: [],
        toolCount: 0,
        message: 'Connected.',
      });
    }
    const none = tester({ [START]: started(), [RUN]: succeeded(0) });
    expect((await none.client.test('stdio', stdio(), true, signal)).message).to.equal(
      'Connected: the server lists no tools.',
    );
    const one = tester({ [START]: started(), [RUN]: succeeded(1) });
    expect((await one.client.test('stdio', stdio(), true, signal)).message).to.equal('Connected: 1 tool.');
  });

  it('hostile run answers: huge message capped, unknown status, not JSON, prototype keys: never a success', async () => {
    const huge = tester({
      [START]: started(),
      [RUN]: run({ status: 'failed', category: 'connection', message: 'x'.repeat(1e6) }),
    });
    const result = await huge.client.test('stdio', stdio(), true, signal);
    expect(result.kind).to.equal('failed');
    expect(result.message.length).to.be.below(400);

    const cases: Reply[] = [
      run({ status: 'healthy' }),
      run({ status: null }),
      new Response('nope', { status: 200 }),
      new Response('<html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      json(200, []),
      new Response('{"__proto__": {"status": "succeeded", "tool_count": 2}}', { status: 200 }),
    ];
    for (const reply of cases) {
      const { client } = tester({ [START]: started(), [RUN]: reply });
      expect((await client.test('stdio', stdio(), true, signal)).kind).to.equal('unknown');
    }
  });

  it('a polluted Object.prototype cannot finish a run', async () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto['status'] = 'succeeded';
    proto['test_id'] = ID;
    try {
      const { client } = tester({ [START]: json(202, {}), [RUN]: succeeded() });
      expect((await client.test('stdio', stdio(), true, signal)).kind).to.equal('unknown');
    } finally {
      delete proto['status'];
      delete proto['test_id'];
    }
  });
});

describe('contract/v1-mcp-test: answers to the start', () => {
  it('404: settings or server not stored -> needs-save; another 404, or 405 -> no test endpoint', async () => {
    const cases: [Reply, string, string][] = [
      [json(404, { detail: 'Settings not found' }), 'needs-save', 'no settings stored'],
      [json(404, { detail: "MCP server 'fs' not found" }), 'needs-save', 'no MCP server of this name'],
      [json(404, { detail: 'Not Found' }), 'server', 'does not offer MCP connection tests (HTTP 404)'],
      [new Response('', { status: 404 }), 'server', 'does not offer MCP connection tests (HTTP 404)'],
      [json(405, { detail: 'Method Not Allowed' }), 'server', 'does not offer MCP connection tests (HTTP 405)'],
    ];
    for (const [reply, kind, words] of cases) {
      const { client, server } = tester({ [START]: reply });
      const result = await client.test('stdio', stdio(), true, signal);
      expect(result.kind).to.equal(kind);
      expect(result.message).to.contain(words);
      expect(server.routes()).to.deep.equal([START]);
    }
  });

  it('400: failed, configuration, the detail redacted', async () => {
    const { client } = tester({
      [START]: json(400, { detail: `MCP server 'fs' has neither a command nor a url ${ENV_SECRET}` }),
    });
    const result = await client.test('stdio', stdio(), true, signal);
    expect(result).to.deep.include({
      kind: 'failed',
      category: 'configuration',
      message:
        "The server would not test this configuration (HTTP 400): MCP server 'fs' has neither a command nor a url •••.",
    });
  });

  it('401, 403, 429, 500, a 2xx without a usable test_id', async () => {
    const cases: [Reply, string][] = [
      [json(401, { detail: 'Unauthorized' }), 'unauthorized'],
      [json(401, { error: 'Invalid token' }), 'unauthorized'],
      [json(403, {}), 'unauthorized'],
      [json(429, {}), 'rate-limited'],
      [json(500, { detail: `boom ${AUTH_SECRET}` }), 'server'],
      [json(422, { detail: [{ loc: ['path', 'server_id'], msg: 'bad' }] }), 'failed'],
      [json(202, { status: 'running' }), 'unknown'],
      [json(202, { test_id: 7 }), 'unknown'],
      [json(202, { test_id: '' }), 'unknown'],
      [json(202, { test_id: 'x'.repeat(201) }), 'unknown'],
      [new Response('accepted', { status: 202 }), 'unknown'],
    ];
    for (const [reply, kind] of cases) {
      const { client, server } = tester({ [START]: reply });
      const result = await client.test(
        'sse',
        { url: 'https://a.example.com/sse', api_key: AUTH_SECRET, x: { name: 'fs' } },
        true,
        signal,
      );
      expect(result.kind, JSON.stringify(result)).to.equal(kind);
      expect(server.routes()).to.deep.equal([START]);
      expectNoSecret(result);
    }
  });

  it('a hostile test id is encoded into the run path, never followed elsewhere', async () => {
    const id = '../../settings?x=1';
    const { client, urls } = tester({
      [START]: json(202, { test_id: id, status: 'running' }),
      [`GET api/v1/settings/mcp/test-runs/${id}`]: succeeded(),
    });
    expect((await client.test('stdio', stdio(), true, signal)).kind).to.equal('ok');
    expect(urls[1]).to.equal(`${BASE}/${v1TestRunPath(id)}`);
    expect(urls[1]).to.equal(`${BASE}/api/v1/settings/mcp/test-runs/..%2F..%2Fsettings%3Fx%3D1`);
  });
});

describe('contract/v1-mcp-test: answers while polling', () => {
  it('404: the run is gone; another failure: said to be after the start', async () => {
    const gone = await tester({ [START]: started(), [RUN]: json(404, { detail: 'Test run not found' }) }).client.test(
      'stdio',
      stdio(),
      true,
      signal,
    );
    expect(gone).to.deep.equal({
      kind: 'server',
      status: 404,
      message: 'The server no longer knows this test run (HTTP 404): test again.',
    });

    const cases: [Reply, string][] = [
      [json(500, { detail: `boom ${ENV_SECRET}` }), 'server'],
      [json(401, { detail: 'Unauthorized' }), 'unauthorized'],
    ];
    for (const [reply, kind] of cases) {
      const result = await tester({ [START]: started(), [RUN]: [running, reply] }).client.test(
        'stdio',
        stdio(),
        true,
        signal,
      );
      expect(result.kind).to.equal(kind);
      expect(result.message).to.match(/^The test was started, but its result could not be read: /);
      expectNoSecret(result);
    }
  });

  it('a network failure while polling: network, said to be after the start', async () => {
    let calls = 0;
    const client = v1Tester(
      () => ({
        baseUrl: BASE,
        fetch: () => (++calls === 1 ? Promise.resolve(started()) : Promise.reject(new TypeError('down'))),
      }),
      FAST,
    );
    const result = await client.test('stdio', stdio(), true, signal);
    expect(result.kind).to.equal('network');
    expect(result.message).to.match(
      /^The test was started, but its result could not be read: The server could not be reached/,
    );
  });
});

describe('contract/v1-mcp-test: never rejects', () => {
  it('a connection that throws, a refused base URL, a network failure', async () => {
    const throwing = v1Tester(() => {
      throw new Error('oops');
    });
    expect(await throwing.test('stdio', stdio(), true, signal)).to.deep.equal({
      kind: 'network',
      message: 'The request could not be made.',
    });
    const insecure = v1Tester(() => ({ baseUrl: 'http://oh.example.com', fetch: () => Promise.resolve(started()) }));
    expect((await insecure.test('stdio', stdio(), true, signal)).kind).to.equal('refused');
    const down = v1Tester(() => ({ baseUrl: BASE, fetch: () => Promise.reject(new TypeError('down')) }));
    expect((await down.test('stdio', stdio(), true, signal)).kind).to.equal('network');
  });
});
