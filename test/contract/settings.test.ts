import { expect } from '@open-wc/testing';
import { parseStoredSettings } from '../../src/contract/settings.js';

describe('contract/settings: parseStoredSettings', () => {
  it('keeps the well-formed parts of a GET /api/settings answer', () => {
    expect(
      parseStoredSettings({
        language: 'en',
        llm_api_key: '**********',
        provider_tokens_set: { github: null, gitlab: 'gitlab.example.com', azure_devops: 'dev.azure.com' },
        mcp_config: {
          sse_servers: [{ url: 'https://sse.example.com', api_key: 'k' }, 'https://bare.example.com'],
          stdio_servers: [{ name: 'fetch', command: 'uvx', args: ['mcp-server-fetch'], env: { A: 'b' } }],
          shttp_servers: [{ url: 'https://h.example.com/mcp', api_key: null }],
        },
      }),
    ).to.deep.equal({
      provider_tokens_set: { github: null, gitlab: 'gitlab.example.com', azure_devops: 'dev.azure.com' },
      mcp_config: {
        sse_servers: [{ url: 'https://sse.example.com', api_key: 'k' }, { url: 'https://bare.example.com' }],
        stdio_servers: [{ name: 'fetch', command: 'uvx', args: ['mcp-server-fetch'], env: { A: 'b' } }],
        shttp_servers: [{ url: 'https://h.example.com/mcp' }],
      },
    });
  });

  it('absent or malformed top-level fields become null', () => {
    const none = { provider_tokens_set: null, mcp_config: null };
    for (const json of [
      null,
      undefined,
      5,
      'x',
      [],
      {},
      { provider_tokens_set: [], mcp_config: [] },
      { provider_tokens_set: 'github', mcp_config: 'x' },
    ]) {
      expect(parseStoredSettings(json), JSON.stringify(json)).to.deep.equal(none);
    }
  });

  it('a provider with a malformed host is kept without a host (dropping it would delete its token on the next save)', () => {
    expect(
      parseStoredSettings({ provider_tokens_set: { github: 5, gitlab: { h: 1 }, bitbucket: 'bb.example.com' } })
        .provider_tokens_set,
    ).to.deep.equal({
      github: null,
      gitlab: null,
      bitbucket: 'bb.example.com',
    });
  });

  it('drops malformed servers and malformed parts of servers', () => {
    const parsed = parseStoredSettings({
      mcp_config: {
        sse_servers: [null, 5, {}, { url: 7 }, { url: 'https://ok', api_key: 9 }],
        stdio_servers: [
          { name: 'a' },
          { command: 'b' },
          { name: 1, command: 'b' },
          { name: 'ok', command: 'c', args: ['x', 1, null, 'y'], env: { A: 'a', B: 2, C: null } },
          { name: 'str-args', command: 'c', args: 'x y', env: ['nope'] },
        ],
        shttp_servers: 'not a list',
        extra: true,
      },
    });
    expect(parsed.mcp_config).to.deep.equal({
      sse_servers: [{ url: 'https://ok' }],
      stdio_servers: [
        { name: 'ok', command: 'c', args: ['x', 'y'], env: { A: 'a' } },
        { name: 'str-args', command: 'c', args: [], env: {} },
      ],
      shttp_servers: [],
    });
  });

  it('keeps __proto__ keys as own data without touching prototypes', () => {
    const parsed = parseStoredSettings(
      JSON.parse(
        '{"provider_tokens_set":{"__proto__":"h","github":null},"mcp_config":{"stdio_servers":[{"name":"a","command":"b","env":{"__proto__":"v"}}],"__proto__":{"sse_servers":["https://inherited"]}}}',
      ),
    );
    const set = parsed.provider_tokens_set!;
    expect(Object.keys(set)).to.deep.equal(['__proto__', 'github']);
    expect(Object.getOwnPropertyDescriptor(set, '__proto__')?.value).to.equal('h');
    expect(Object.getPrototypeOf(set)).to.equal(Object.prototype);
    const env = parsed.mcp_config!.stdio_servers![0]!.env;
    expect(Object.getOwnPropertyDescriptor(env, '__proto__')?.value).to.equal('v');
    expect(parsed.mcp_config!.sse_servers).to.deep.equal([]);
    expect(({} as Record<string, unknown>)['github']).to.equal(undefined);
  });

  it('ignores inherited properties', () => {
    const inherited = Object.create({ provider_tokens_set: { github: null } }) as unknown;
    expect(parseStoredSettings(inherited)).to.deep.equal({ provider_tokens_set: null, mcp_config: null });
  });

  it('never throws, even on an object whose reads throw', () => {
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
      },
    );
    expect(parseStoredSettings(hostile)).to.deep.equal({ provider_tokens_set: null, mcp_config: null });
  });
});
