import { expect } from '@open-wc/testing';
import {
  leafPointer,
  leafValue,
  maskedLeaves,
  namesList,
  serverMap,
  serverPointer,
  storedPointer,
} from '../../src/contract/mcp-secrets.js';
import { config, MASK } from './save-content.js';

const servers = config({
  sse_servers: [{ url: 'https://a.example/sse', api_key: 'typed-api-key', x: { name: 'a' } }],
  shttp_servers: [
    {
      url: 'https://b.example/mcp',
      x: {
        name: 'b',
        headers: { 'X-K': MASK, Plain: 'p' },
        auth: { strategy: 'basic', username: 'me', password: 'typed-password' },
      },
    },
  ],
  stdio_servers: [{ name: 'fs', command: 'npx', args: [], env: { A: MASK, B: 'typed-env' } }],
});

const wireMap = {
  a: { transport: 'sse', url: 'https://a.example/sse', auth: { strategy: 'bearer', value: MASK } },
  b: { transport: 'http', url: 'https://b.example/mcp', headers: { 'X-K': '<redacted>' }, list: [MASK] },
  fs: { command: 'npx', env: { A: MASK, B: 'x' } },
  opaque: 42,
};

describe('contract/mcp-secrets', () => {
  it('the map inside mcp_config, wrapped or flat', () => {
    expect(serverMap({ mcpServers: { a: {} } })).to.deep.equal({ a: {} });
    expect(serverMap({ a: {} })).to.deep.equal({ a: {} });
    expect(serverMap(null)).to.deep.equal({});
    expect(serverMap('x')).to.deep.equal({});
  });

  it('finds every masked value of a wire map, by server name and path in its entry', () => {
    expect(maskedLeaves(wireMap)).to.deep.equal([
      { server: 'a', path: ['auth', 'value'] },
      { server: 'b', path: ['headers', 'X-K'] },
      { server: 'b', path: ['list', '0'] },
      { server: 'fs', path: ['env', 'A'] },
    ]);
    expect(maskedLeaves(null)).to.deep.equal([]);
    expect(leafValue(wireMap, { server: 'fs', path: ['env', 'A'] })).to.equal(MASK);
    expect(leafValue(wireMap, { server: 'b', path: ['list', '0'] })).to.equal(MASK);
    expect(leafValue(wireMap, { server: 'fs', path: ['env', 'gone'] })).to.equal(undefined);
    expect(leafValue(wireMap, { server: 'gone', path: ['env'] })).to.equal(undefined);
  });

  it('places a leaf on the form: V0 pointers, extras by their wire names, a V0 API key as /api_key', () => {
    expect(serverPointer(servers, 'fs')).to.equal('/mcp_config/stdio_servers/0');
    expect(serverPointer(servers, 'b')).to.equal('/mcp_config/shttp_servers/0');
    expect(serverPointer(servers, 'nope')).to.equal(null);
    expect(leafPointer(servers, { server: 'fs', path: ['env', 'A'] })).to.equal('/mcp_config/stdio_servers/0/env/A');
    expect(leafPointer(servers, { server: 'b', path: ['headers', 'X/K'] })).to.equal(
      '/mcp_config/shttp_servers/0/headers/X~1K',
    );
    expect(leafPointer(servers, { server: 'a', path: ['auth', 'value'] })).to.equal(
      '/mcp_config/sse_servers/0/api_key',
    );
    expect(leafPointer(servers, { server: 'b', path: ['auth', 'password'] })).to.equal(
      '/mcp_config/shttp_servers/0/auth/password',
    );
    expect(leafPointer(servers, { server: 'gone', path: ['env', 'A'] })).to.equal('');
  });

  it('a hostile map: deep nesting and huge maps end quickly', () => {
    let deep: Record<string, unknown> = { v: MASK };
    for (let i = 0; i < 100; i++) deep = { d: deep };
    const env: Record<string, string> = {};
    for (let i = 0; i < 50_000; i++) env[`K${i}`] = MASK;
    const leaves = maskedLeaves({ h: { command: 'x', env, deep } });
    expect(leaves.length).to.be.within(9_000, 10_000);
    expect(leaves.some((leaf) => leaf.path[0] === 'deep')).to.equal(false);
    // One budget for the whole map, not one per server.
    const many: Record<string, unknown> = {};
    for (let s = 0; s < 5; s++) {
      const vars: Record<string, string> = {};
      for (let i = 0; i < 6_000; i++) vars[`K${i}`] = MASK;
      many[`s${s}`] = { command: 'x', env: vars };
    }
    expect(maskedLeaves(many).length).to.be.at.most(10_000);
  });

  it('a server the form does not show is placed by its name in the stored map, unless it is named like a list of the form', () => {
    expect(storedPointer('theirs', ['env', 'A/B'])).to.equal('/mcp_config/theirs/env/A~1B');
    expect(storedPointer('theirs')).to.equal('/mcp_config/theirs');
    for (const list of ['sse_servers', 'shttp_servers', 'stdio_servers'])
      expect(storedPointer(list, ['env'])).to.equal('');
  });

  it('a sentence names at most ten places, and how many more', () => {
    const names = Array.from({ length: 12 }, (_, i) => `p${i}`);
    expect(namesList(names.slice(0, 10))).to.equal('p0, p1, p2, p3, p4, p5, p6, p7, p8, p9');
    expect(namesList(names)).to.equal('p0, p1, p2, p3, p4, p5, p6, p7, p8, p9 and 2 more');
  });
});
