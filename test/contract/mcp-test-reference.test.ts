/**
 * Both MCP testers against the reference server (server/README.md, "MCP connection tests: the
 * convention"): the requests they make are the ones its V1 and agent-server modes take, in every
 * version, and its answers read as meant.
 */
import { expect } from '@open-wc/testing';
import { agentServerTester } from '../../src/contract/agent-mcp-test.js';
import type { NamedStdioServer, NamedUrlServer } from '../../src/contract/mcp-server.js';
import type { McpTestKind, McpTestResult } from '../../src/contract/mcp-test.js';
import { v1Tester } from '../../src/contract/v1-mcp-test.js';
import { createTenant, deleteTenant, requestsOf, SESSION_KEY, type Tenant } from '../helpers/reference-server.js';

const MASK = '**********';
const signal = new AbortController().signal;
const OK_TOOLS = {
  kind: 'ok',
  tools: ['echo', 'get_time'],
  toolCount: 2,
  message: 'Connected: 2 tools (echo, get_time).',
};

type Card = [McpTestKind, NamedUrlServer | NamedStdioServer];
const stdio = (name: string, command: string, env: Record<string, string> = {}): Card => [
  'stdio',
  { name, command, args: [], env },
];
const remote = (kind: 'sse' | 'shttp', name: string, url: string, x: NamedUrlServer['x'] = {}): Card => [
  kind,
  { url, api_key: null, x: { name, ...x } },
];

function expectNoSecret(result: McpTestResult, ...secrets: string[]) {
  const text = JSON.stringify(result);
  for (const secret of [...secrets, SESSION_KEY]) expect(text).to.not.contain(secret);
}

describe('contract/mcp-test on the reference server: V1', () => {
  let tenant: Tenant;
  before(async () => {
    tenant = await createTenant({
      api: 'v1',
      mcpTestMs: 40,
      settings: {
        mcp_config: {
          files: { command: 'npx', args: ['-y', 'files'], env: { FILES_TOKEN: 'files-secret-1' } },
          crash: { command: 'false' },
          slow: { command: 'sleep' },
          down: { transport: 'http', url: 'https://down.invalid/mcp' },
          late: { transport: 'sse', url: 'https://x.timeout.invalid/sse' },
          'bad key': {
            transport: 'http',
            url: 'https://docs.example.com/mcp',
            auth: { strategy: 'bearer', value: 'bad-secret-1' },
          },
        },
      },
    });
  });
  after(() => deleteTenant(tenant.id));

  const tester = () => v1Tester(() => ({ baseUrl: tenant.baseUrl, sessionKey: SESSION_KEY }), { pollMs: 10 });

  it('a stored server (its secrets masked on the card): its run read until it is over', async () => {
    const result = await tester().test(...stdio('files', 'npx', { FILES_TOKEN: MASK }), true, signal);
    expect(result).to.deep.equal({ kind: 'ok', tools: [], toolCount: 2, message: 'Connected: 2 tools.' });
  });

  it('failures by the convention: connection, timeout, authentication', async () => {
    const cases: [Card, string, string][] = [
      [stdio('crash', 'false'), 'connection', 'Could not connect: false: process exited with status 1.'],
      [stdio('slow', 'sleep'), 'timeout', 'Could not connect (timeout): MCP server did not answer in time.'],
      [
        remote('shttp', 'down', 'https://down.invalid/mcp'),
        'connection',
        'Could not connect: Cannot connect to https://down.invalid/mcp.',
      ],
      [
        remote('sse', 'late', 'https://x.timeout.invalid/sse'),
        'timeout',
        'Could not connect (timeout): https://x.timeout.invalid/sse did not answer in time.',
      ],
      [
        remote('shttp', 'bad key', 'https://docs.example.com/mcp', { auth: { strategy: 'bearer', value: MASK } }),
        'authentication',
        'Could not connect (authentication): The MCP server answered 401 Unauthorized.',
      ],
    ];
    for (const [card, category, message] of cases) {
      const result = await tester().test(...card, true, signal);
      expect(result).to.deep.include({ kind: 'failed', category, message });
    }
  });

  it('a server not stored: needs-save, from the card or from the server', async () => {
    expect((await tester().test(...stdio('files', 'npx'), false, signal)).kind).to.equal('needs-save');
    const result = await tester().test(...stdio('nobody', 'npx'), true, signal);
    expect(result.kind).to.equal('needs-save');
  });

  it('the wrong session key: unauthorized; an app server without test runs: said so', async () => {
    const wrong = v1Tester(() => ({ baseUrl: tenant.baseUrl, sessionKey: 'wrong-key-123' }));
    const result = await wrong.test(...stdio('files', 'npx'), true, signal);
    expect(result.kind).to.equal('unauthorized');
    expectNoSecret(result, 'wrong-key-123');

    const old = await createTenant({
      api: 'v1',
      variant: 'fastmcp',
      settings: { mcp_config: { files: { command: 'npx' } } },
    });
    try {
      const answer = await v1Tester(() => ({ baseUrl: old.baseUrl, sessionKey: SESSION_KEY })).test(
        ...stdio('files', 'npx'),
        true,
        signal,
      );
      expect(answer.kind).to.equal('server');
      expect(answer.message).to.contain('does not offer MCP connection tests');
    } finally {
      await deleteTenant(old.id);
    }
  });
});

for (const variant of ['merge-patch', 'nested-delete', 'deep-merge']) {
  describe(`contract/mcp-test on the reference server: agent-server ${variant}`, () => {
    let tenant: Tenant;
    before(async () => {
      tenant = await createTenant({ api: 'agent-server', variant, mcpTestMs: 10 });
    });
    after(() => deleteTenant(tenant.id));

    const tester = () => agentServerTester(() => ({ baseUrl: tenant.baseUrl, sessionKey: SESSION_KEY }));

    it('servers as typed, every transport, tagged by type: tools listed', async () => {
      const cards: Card[] = [
        stdio('files', 'npx', { FILES_TOKEN: 'files-secret-2' }),
        remote('shttp', 'docs', 'https://docs.example.com/mcp', {
          headers: { 'X-Key': 'header-secret-2' },
          auth: { strategy: 'bearer', value: 'docs-secret-2' },
          enabled: false,
          rest: { description: 'not sent' },
        }),
        remote('sse', 'events', 'https://events.example.com/sse', {
          auth: { strategy: 'basic', username: 'u', password: 'pw-secret-2' },
        }),
        ['shttp', { url: 'https://v0.example.com/mcp', api_key: 'v0-api-key-2' }],
      ];
      for (const card of cards) expect(await tester().test(...card, false, signal)).to.deep.equal(OK_TOOLS);
      const logged = await requestsOf(tenant.id, 'POST', '/api/mcp/test');
      expect(logged.map((r) => (r.body as { server: { type: string } }).server.type)).to.deep.equal([
        'stdio',
        'http',
        'sse',
        'http',
      ]);
    });

    it('failures: connection and timeout (a refused secret is a connection failure here), redacted', async () => {
      const cases: [Card, string][] = [
        [stdio('crash', 'false'), 'connection'],
        [stdio('slow', 'sleep'), 'timeout'],
        [remote('sse', 'down', 'https://down.invalid/sse?token=query-secret-3'), 'connection'],
        [remote('shttp', 'late', 'https://a.timeout.invalid/mcp'), 'timeout'],
        [stdio('files', 'npx', { FILES_TOKEN: 'bad-secret-3' }), 'connection'],
      ];
      for (const [card, category] of cases) {
        const result = await tester().test(...card, false, signal);
        expect(result).to.deep.include({ kind: 'failed', category });
        expectNoSecret(result, 'query-secret-3', 'bad-secret-3');
      }
    });

    it('masked secrets: needs-secrets, nothing sent; a configuration the server refuses: failed, configuration', async () => {
      const before = (await requestsOf(tenant.id, 'POST', '/api/mcp/test')).length;
      const masked = await tester().test(...stdio('files', 'npx', { FILES_TOKEN: MASK }), true, signal);
      expect(masked).to.deep.include({ kind: 'needs-secrets', fields: ['/env/FILES_TOKEN'] });
      expect(await requestsOf(tenant.id, 'POST', '/api/mcp/test')).to.have.length(before);

      const conflict = await tester().test(
        ...remote('shttp', 'docs', 'https://docs.example.com/mcp', {
          headers: { Authorization: 'Bearer header-secret-4' },
          auth: { strategy: 'bearer', value: 'auth-secret-4' },
        }),
        false,
        signal,
      );
      expect(conflict).to.deep.include({ kind: 'failed', category: 'configuration' });
      expect(conflict.message).to.contain(
        "'auth' cannot be combined with an explicit top-level 'Authorization' header",
      );
      expectNoSecret(conflict, 'header-secret-4', 'auth-secret-4');
    });
  });
}
