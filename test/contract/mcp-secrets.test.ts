import { expect } from '@open-wc/testing';
import { leafPointer, leafValue, maskedLeaves, serverPointer, typedSecrets } from '../../src/contract/mcp-secrets.js';
import { config, MASK } from './save-content.js';

const servers = config({
  sse_servers: [
    { url: 'https://a.example/sse', api_key: MASK, x: { name: 'a', headers: { 'X-K': '<redacted>', Plain: 'p' } } },
  ],
  shttp_servers: [
    {
      url: 'https://b.example/mcp',
      x: { name: 'b', auth: { strategy: 'basic', username: 'me', password: 'typed-password' }, rest: { token: MASK } },
    },
  ],
  stdio_servers: [{ name: 'fs', command: 'npx', args: [], env: { A: MASK, B: 'typed-env' } }],
});

describe('contract/mcp-secrets', () => {
  it('finds every masked value, by server name and place', () => {
    expect(maskedLeaves(servers)).to.deep.equal([
      { server: 'a', path: ['api_key'] },
      { server: 'a', path: ['headers', 'X-K'] },
      { server: 'b', path: ['token'] },
      { server: 'fs', path: ['env', 'A'] },
    ]);
    expect(maskedLeaves(null)).to.deep.equal([]);
  });

  it('places a leaf on the form: V0 pointers, extras by their wire names', () => {
    expect(serverPointer(servers, 'fs')).to.equal('/mcp_config/stdio_servers/0');
    expect(serverPointer(servers, 'b')).to.equal('/mcp_config/shttp_servers/0');
    expect(serverPointer(servers, 'nope')).to.equal(null);
    expect(leafPointer(servers, { server: 'fs', path: ['env', 'A'] })).to.equal('/mcp_config/stdio_servers/0/env/A');
    expect(leafPointer(servers, { server: 'a', path: ['headers', 'X/K'] })).to.equal(
      '/mcp_config/sse_servers/0/headers/X~1K',
    );
    expect(leafPointer(servers, { server: 'gone', path: ['env', 'A'] })).to.equal('');
    expect(leafValue(servers, { server: 'b', path: ['auth', 'username'] })).to.equal('me');
    expect(leafValue(servers, { server: 'b', path: ['auth', 'nope'] })).to.equal(undefined);
  });

  it('typed secrets: values, never masks, strategies, header names or user names', () => {
    expect(typedSecrets(servers).sort()).to.deep.equal(['p', 'typed-env', 'typed-password']);
  });

  it('a hostile configuration: deep nesting and huge maps end quickly', () => {
    let deep: Record<string, unknown> = { v: MASK };
    for (let i = 0; i < 100; i++) deep = { d: deep };
    const env: Record<string, string> = {};
    for (let i = 0; i < 50_000; i++) env[`K${i}`] = MASK;
    const hostile = config({
      stdio_servers: [{ name: 'h', command: 'x', args: [], env, x: { rest: { deep } } }],
    });
    const leaves = maskedLeaves(hostile);
    expect(leaves.length).to.be.within(9_000, 10_000);
    expect(leaves.some((leaf) => leaf.path[0] === 'deep')).to.equal(false);
  });
});
