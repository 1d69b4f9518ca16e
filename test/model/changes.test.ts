import { expect } from '@open-wc/testing';
import type { McpConfig, ProviderSettingsBody } from '../../src/contract/schema.js';
import { describeChanges, type StoredState } from '../../src/model/changes.js';

const MCP: McpConfig = {
  sse_servers: [{ url: 'https://a.example.com/sse', api_key: 'k1' }],
  shttp_servers: [],
  stdio_servers: [
    { name: 'fs', command: 'npx', args: ['-y', 'fs'], env: { A: '1' } },
    { name: 'git', command: 'uvx', args: [], env: {} },
  ],
};

const STORED: StoredState = {
  providers: new Map([
    ['github', null],
    ['gitlab', 'gitlab.example.com'],
  ]),
  mcp: MCP,
};

function body(
  provider_tokens: ProviderSettingsBody['provider_tokens'],
  mcp_config: McpConfig | null = MCP,
): ProviderSettingsBody {
  return { provider_tokens, mcp_config };
}

describe('model/changes: what a save will change', () => {
  it('nothing, when the stored providers are sent back unchanged and the servers are the same', () => {
    const b = body({ github: { token: null, host: null }, gitlab: { token: null, host: 'gitlab.example.com' } });
    expect(describeChanges(STORED, b)).to.deep.equal([]);
  });

  it('tokens added, replaced and removed, hosts changed, a host the server would drop', () => {
    const b = body({
      github: { token: 'ghp_new', host: 'github.example.com' },
      bitbucket: { token: 'user:pw', host: null },
      azure_devops: { token: null, host: 'dev.azure.com' },
    });
    expect(describeChanges(STORED, b)).to.deep.equal([
      { kind: 'token-replaced', provider: 'github' },
      { kind: 'host-changed', provider: 'github', from: null, to: 'github.example.com' },
      { kind: 'token-added', provider: 'bitbucket' },
      { kind: 'host-dropped', provider: 'azure_devops' },
      { kind: 'token-removed', provider: 'gitlab' },
    ]);
  });

  it('an empty host and no host are the same to the server', () => {
    const b = body({ github: { token: null, host: '' }, gitlab: { token: null, host: 'gitlab.example.com' } });
    expect(describeChanges(STORED, b)).to.deep.equal([]);
  });

  it('servers added, removed and changed, matched by URL or name, not by position', () => {
    const b = body(
      { github: { token: null, host: null }, gitlab: { token: null, host: 'gitlab.example.com' } },
      {
        sse_servers: [{ url: 'https://a.example.com/sse', api_key: 'k2' }],
        shttp_servers: [{ url: 'https://b.example.com/mcp', api_key: null }],
        stdio_servers: [
          { name: 'git', command: 'uvx', args: [], env: {} },
          { name: 'fs', command: 'npx', args: ['-y', 'fs'], env: { A: '2' } },
        ],
      },
    );
    expect(describeChanges(STORED, b)).to.deep.equal([
      { kind: 'server-changed', list: 'sse', label: 'https://a.example.com/sse', fields: ['api_key'] },
      { kind: 'server-added', list: 'shttp', label: 'https://b.example.com/mcp' },
      { kind: 'server-changed', list: 'stdio', label: 'fs', fields: ['env'] },
    ]);
  });

  it('a body without mcp_config counts as no servers', () => {
    const b = body({ github: { token: null, host: null }, gitlab: { token: null, host: 'gitlab.example.com' } }, null);
    expect(describeChanges(STORED, b).map((c) => c.kind)).to.deep.equal([
      'server-removed',
      'server-removed',
      'server-removed',
    ]);
    expect(describeChanges({ providers: new Map(), mcp: null }, body({}, null))).to.deep.equal([]);
  });

  it('duplicates are counted, not merged', () => {
    const twice = { ...MCP, stdio_servers: [MCP.stdio_servers[1]!, MCP.stdio_servers[1]!] };
    const b = body({ github: { token: null, host: null }, gitlab: { token: null, host: 'gitlab.example.com' } }, twice);
    expect(describeChanges(STORED, b)).to.deep.equal([
      { kind: 'server-added', list: 'stdio', label: 'git' },
      { kind: 'server-removed', list: 'stdio', label: 'fs' },
    ]);
  });

  it('names no secret', () => {
    const b = body({ github: { token: 'ghp_supersecret', host: null } });
    expect(JSON.stringify(describeChanges(STORED, b))).to.not.contain('ghp_supersecret');
  });
});
