import { expect } from '@open-wc/testing';
import type { StoredSettings } from '../../src/contract/schema.js';
import { agreesWithStored } from '../../src/model/stored-agreement.js';
import { checkedModel } from '../helpers/model.js';

const SETTINGS = {
  provider_tokens_set: { github: null, gitlab: 'gitlab.example.com' },
  mcp_config: {
    sse_servers: [{ url: 'https://mcp.example.com/sse', api_key: 'sk-1' }],
    shttp_servers: [],
    stdio_servers: [{ name: 'fetch', command: 'uvx', args: ['mcp-server-fetch'], env: { LOG_LEVEL: 'info' } }],
  },
};

describe('agreesWithStored: a load that says what the form takes as stored', () => {
  const model = () => {
    const m = checkedModel();
    m.setSettings(structuredClone(SETTINGS));
    return m;
  };

  it('agrees with the same settings, in whatever order the server lists keys and lists', () => {
    const reordered = {
      mcp_config: {
        stdio_servers: SETTINGS.mcp_config.stdio_servers,
        shttp_servers: [],
        sse_servers: SETTINGS.mcp_config.sse_servers,
      },
      provider_tokens_set: { gitlab: 'gitlab.example.com', github: null },
    };
    expect(agreesWithStored(model(), reordered)).to.equal(true);
  });

  it('disagrees when a token, a host, a server or a variable differs', () => {
    const changed: StoredSettings[] = [
      { ...SETTINGS, provider_tokens_set: { ...SETTINGS.provider_tokens_set, bitbucket: null } },
      { ...SETTINGS, provider_tokens_set: { github: null } },
      { ...SETTINGS, provider_tokens_set: { github: null, gitlab: 'gitlab.other.com' } },
      { ...SETTINGS, mcp_config: { ...SETTINGS.mcp_config, sse_servers: [] } },
      {
        ...SETTINGS,
        mcp_config: { ...SETTINGS.mcp_config, stdio_servers: [{ ...SETTINGS.mcp_config.stdio_servers[0]!, env: {} }] },
      },
      { ...SETTINGS, mcp_config: null },
    ];
    for (const settings of changed)
      expect(agreesWithStored(model(), settings), JSON.stringify(settings)).to.equal(false);
  });

  it('a 404 (no settings record) agrees only with a form that takes no MCP servers as stored', () => {
    const none = checkedModel();
    none.setSettings({ provider_tokens_set: { github: null }, mcp_config: null });
    expect(agreesWithStored(none, null)).to.equal(true);
    expect(agreesWithStored(model(), null)).to.equal(false);
  });

  it('never agrees while the form does not know what is stored', () => {
    const m = checkedModel();
    expect(agreesWithStored(m, structuredClone(SETTINGS))).to.equal(false);
    m.setSettings({ mcp_config: SETTINGS.mcp_config });
    expect(agreesWithStored(m, structuredClone(SETTINGS)), 'tokens unknown').to.equal(false);
  });
});
