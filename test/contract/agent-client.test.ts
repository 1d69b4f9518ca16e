import { expect } from '@open-wc/testing';
import { agentServerApi, MCP_STORED, NOTHING_TO_STORE, TOKENS_STORED } from '../../src/contract/agent-client.js';
import { BASE, fakeServer, json, SESSION_KEY, type Reply } from './fake-server.js';
import { fakeWire } from './fake-wire.js';
import { config, content, MASK } from './save-content.js';

const TOKEN = 'ghp_typed_token_123';
const ENV_SECRET = 'typed-env-secret-456';
const signal = new AbortController().signal;

function api(routes: Record<string, Reply | Reply[]>) {
  const server = fakeServer(routes);
  const client = agentServerApi(
    // The page asked for a bearer token: the agent-server reads only the header, so the header it is.
    () => ({ baseUrl: BASE, sessionKey: SESSION_KEY, authScheme: 'bearer', fetch: server.fetch }),
    () => ['github', 'gitlab', 'bitbucket'],
    fakeWire,
  );
  return { client, server };
}

function expectNoSecret(result: unknown) {
  const text = JSON.stringify(result);
  for (const secret of [TOKEN, ENV_SECRET, SESSION_KEY]) expect(text).to.not.contain(secret);
}

const agentSettings = (mcp: unknown) => ({
  agent_settings: { llm: { model: 'm', api_key: MASK }, mcp_config: mcp },
  conversation_settings: {},
  llm_api_key_is_set: true,
});
const secretsList = (...names: [string, string?][]) => ({
  secrets: names.map(([name, description]) => ({ name, description: description ?? null })),
});

describe('contract/agent-client: load', () => {
  it('GETs the settings and the secrets, with the key in X-Session-API-Key only', async () => {
    const { client, server } = api({
      'GET api/settings': json(200, agentSettings({ fs: { command: 'npx', args: [], env: { K: MASK } } })),
      'GET api/settings/secrets': json(
        200,
        secretsList(
          ['github_token', 'Git provider token for github (ghe.example.com)'],
          ['GIT_PROVIDER_GITLAB_TOKEN', 'Git provider token for gitlab'],
          ['GITHUB_TOKEN'],
          ['OPENAI_KEY'],
        ),
      ),
    });
    const result = await client.load(signal);
    expect(server.routes()).to.deep.equal(['GET api/settings', 'GET api/settings/secrets']);
    for (const call of server.calls) {
      expect(call.headers.get('X-Session-API-Key')).to.equal(SESSION_KEY);
      expect(call.headers.get('Authorization')).to.equal(null);
    }
    if (result.kind !== 'loaded') throw new Error(result.kind);
    expect(result.settings).to.deep.equal({
      provider_tokens_set: { github: 'ghe.example.com', gitlab: null },
      mcp_config: config({ stdio_servers: [{ name: 'fs', command: 'npx', args: [], env: { K: MASK } }] }),
    });
  });

  it('401 on either read -> unauthorized; answers that are not the agent-server -> server', async () => {
    expect(
      (await api({ 'GET api/settings': json(401, { detail: 'Unauthorized' }) }).client.load(signal)).kind,
    ).to.equal('unauthorized');
    const secrets401 = await api({
      'GET api/settings': json(200, agentSettings({})),
      'GET api/settings/secrets': json(401, { detail: 'Unauthorized' }),
    }).client.load(signal);
    expect(secrets401.kind).to.equal('unauthorized');
    const v0 = await api({ 'GET api/settings': json(200, { provider_tokens_set: {}, mcp_config: null }) }).client.load(
      signal,
    );
    expect(v0).to.deep.include({ kind: 'server', status: 200 });
    const noList = await api({
      'GET api/settings': json(200, agentSettings({})),
      'GET api/settings/secrets': json(200, { items: [] }),
    }).client.load(signal);
    expect(noList.kind).to.equal('server');
  });
});

describe('contract/agent-client: saveTokens', () => {
  it('PUTs each typed token as <provider>_token with its host in the description', async () => {
    const { client, server } = api({ 'PUT api/settings/secrets': json(200, { name: 'x', description: 'y' }) });
    const result = await client.saveTokens(
      content({
        tokens: { github: { token: TOKEN, host: 'ghe.example.com' }, gitlab: { token: 'glpat-typed-2' } },
        storedProviders: {},
      }),
      signal,
    );
    expect(result).to.deep.equal({ kind: 'saved', status: 200, message: TOKENS_STORED });
    expect(server.calls.map((c) => c.body)).to.deep.equal([
      { name: 'github_token', value: TOKEN, description: 'Git provider token for github (ghe.example.com)' },
      { name: 'gitlab_token', value: 'glpat-typed-2', description: 'Git provider token for gitlab' },
    ]);
  });

  it('a removed provider: every name of it that exists is DELETEd (404: already gone)', async () => {
    const { client, server } = api({
      'GET api/settings/secrets': json(
        200,
        secretsList(['github_token'], ['gitlab_token'], ['GIT_PROVIDER_GITLAB_TOKEN'], ['GITLAB_TOKEN']),
      ),
      'DELETE api/settings/secrets/gitlab_token': json(200, { deleted: true }),
      'DELETE api/settings/secrets/GIT_PROVIDER_GITLAB_TOKEN': json(404, { detail: 'Secret not found' }),
    });
    const result = await client.saveTokens(
      content({ tokens: { github: {} }, storedProviders: { github: null, gitlab: null } }),
      signal,
    );
    expect(result).to.deep.equal({ kind: 'saved', status: 200, message: TOKENS_STORED });
    expect(server.routes()).to.deep.equal([
      'GET api/settings/secrets',
      'DELETE api/settings/secrets/gitlab_token',
      'DELETE api/settings/secrets/GIT_PROVIDER_GITLAB_TOKEN',
    ]);
  });

  it('kept tokens with their hosts unchanged: nothing to send', async () => {
    const { client, server } = api({});
    const result = await client.saveTokens(
      content({
        tokens: { gitlab: { host: 'gitlab.example.com' } },
        storedProviders: { gitlab: 'gitlab.example.com' },
      }),
      signal,
    );
    expect(result).to.deep.equal({ kind: 'saved', status: 0, message: NOTHING_TO_STORE });
    expect(server.calls).to.have.length(0);
  });

  it("a kept token's host changed: refused on the host field, nothing sent", async () => {
    const { client, server } = api({});
    const result = await client.saveTokens(
      content({
        tokens: { github: { token: TOKEN }, gitlab: { host: 'new.example.com' } },
        storedProviders: { gitlab: 'gitlab.example.com' },
      }),
      signal,
    );
    expect(result.kind).to.equal('validation');
    expect(result.kind === 'validation' && result.status).to.equal(0);
    expect(result.kind === 'validation' && result.errors.map((e) => [e.pointer, e.type])).to.deep.equal([
      ['/provider_tokens/gitlab/host', 'host_needs_token'],
    ]);
    expect(server.calls).to.have.length(0);
    expectNoSecret(result);
  });

  it('422 with a string detail (a name the server refuses) -> on that provider token field', async () => {
    const { client } = api({
      'PUT api/settings/secrets': json(422, { detail: `Invalid secret name for value ${TOKEN}` }),
    });
    const result = await client.saveTokens(content({ tokens: { 'my-git': { token: TOKEN } } }), signal);
    expect(result).to.deep.equal({
      kind: 'validation',
      status: 422,
      errors: [{ pointer: '/provider_tokens/my-git/token', type: '', message: 'Invalid secret name for value •••' }],
      message: 'Invalid secret name for value •••',
    });
  });

  it('a partial failure says what was stored and what was not', async () => {
    const { client } = api({
      'PUT api/settings/secrets': [
        json(200, { name: 'github_token', description: '' }),
        json(500, { detail: `Secrets file is corrupted ${TOKEN}` }),
      ],
    });
    const result = await client.saveTokens(
      content({ tokens: { github: { token: TOKEN }, gitlab: { token: 'glpat-typed-2' } } }),
      signal,
    );
    expect(result.kind).to.equal('server');
    expect(result.message).to.match(
      /^Done: the github token stored; not done: the gitlab token not stored\. The server answered HTTP 500/,
    );
    expectNoSecret(result);
  });

  it('401 -> unauthorized, never token-rejected (the agent-server checks no token)', async () => {
    const { client } = api({ 'PUT api/settings/secrets': json(401, { error: 'x' }) });
    expect((await client.saveTokens(content({ tokens: { github: { token: TOKEN } } }), signal)).kind).to.equal(
      'unauthorized',
    );
  });
});

describe('contract/agent-client: saveMcp', () => {
  const fs = (env: Record<string, string>) => ({ name: 'fs', command: 'npx', args: [], env });
  const stored = config({
    stdio_servers: [fs({ K: MASK })],
    sse_servers: [{ url: 'https://old.example/sse', x: { name: 'old' } }],
  });
  const removeOld = config({ stdio_servers: [fs({ K: MASK, NEW: ENV_SECRET })] });
  const addOnly = config({
    stdio_servers: [fs({ K: MASK })],
    sse_servers: [{ url: 'https://old.example/sse', x: { name: 'old' } }],
    shttp_servers: [{ url: 'https://docs.example/mcp', x: { name: 'docs' } }],
  });
  const flatStored = {
    fs: { command: 'npx', args: [], env: { K: MASK } },
    old: { transport: 'sse', url: 'https://old.example/sse' },
  };

  it('newest (flat): one PATCH with the merge patch (removed -> null, masked unchanged left out)', async () => {
    const { client, server } = api({
      'GET api/settings': json(200, agentSettings(flatStored)),
      'PATCH api/settings': json(200, agentSettings({ fs: flatStored.fs })),
    });
    const result = await client.saveMcp(content({ servers: removeOld, storedServers: stored }), signal);
    expect(result).to.deep.equal({ kind: 'saved', status: 200, message: MCP_STORED });
    expect(server.routes()).to.deep.equal(['GET api/settings', 'PATCH api/settings']);
    expect(server.calls[1]?.body).to.deep.equal({
      agent_settings_diff: { mcp_config: { old: null, fs: { env: { NEW: ENV_SECRET } } } },
    });
  });

  it('the changes meet what is stored now: a server added meanwhile under a name the person gives is refused, nothing sent', async () => {
    const { client, server } = api({
      'GET api/settings': json(
        200,
        agentSettings({ ...flatStored, docs: { transport: 'http', url: 'https://x.example/mcp' } }),
      ),
    });
    const result = await client.saveMcp(content({ servers: addOnly, storedServers: stored }), signal);
    expect(result.kind).to.equal('validation');
    if (result.kind !== 'validation') return;
    expect(result.errors.map((e) => [e.pointer, e.type])).to.deep.equal([
      ['/mcp_config/shttp_servers/0/name', 'name_stored_meanwhile'],
    ]);
    expect(server.routes()).to.deep.equal(['GET api/settings']);
  });

  it('the changes meet what is stored now: a server changed here and removed meanwhile is refused', async () => {
    const { client } = api({ 'GET api/settings': json(200, agentSettings({ fs: flatStored.fs })) });
    const moved = config({
      stdio_servers: [fs({ K: MASK })],
      sse_servers: [{ url: 'https://old.example/sse2', x: { name: 'old' } }],
    });
    const result = await client.saveMcp(content({ servers: moved, storedServers: stored }), signal);
    expect(result.kind).to.equal('validation');
    expect(result.message).to.contain('changed meanwhile');
  });

  it('older (wrapped), nothing removed: the patch wrapped, deep-merged by the server', async () => {
    const { client, server } = api({
      'GET api/settings': json(200, agentSettings({ mcpServers: flatStored })),
      'PATCH api/settings': json(
        200,
        agentSettings({ mcpServers: { ...flatStored, docs: { transport: 'http', url: 'https://docs.example/mcp' } } }),
      ),
    });
    expect((await client.saveMcp(content({ servers: addOnly, storedServers: stored }), signal)).kind).to.equal('saved');
    expect(server.calls[1]?.body).to.deep.equal({
      agent_settings_diff: {
        mcp_config: { mcpServers: { docs: { transport: 'http', url: 'https://docs.example/mcp' } } },
      },
    });
  });

  it('older, a server removed, no masked secret: cleared, then the whole map (a server added meanwhile kept)', async () => {
    const noSecrets = config({
      stdio_servers: [fs({ A: 'plain' })],
      sse_servers: [{ url: 'https://old.example/sse', x: { name: 'old' } }],
    });
    const now = {
      mcpServers: {
        fs: { command: 'npx', args: [], env: { A: 'plain' } },
        old: { transport: 'sse', url: 'https://old.example/sse' },
        other: { command: 'uvx', args: [], env: {} },
      },
    };
    const { client, server } = api({
      'GET api/settings': json(200, agentSettings(now)),
      'PATCH api/settings': [
        json(200, agentSettings({ mcpServers: {} })),
        json(200, agentSettings({ mcpServers: { fs: now.mcpServers.fs, other: now.mcpServers.other } })),
      ],
    });
    const desired = config({ stdio_servers: [fs({ A: 'plain' })] });
    const result = await client.saveMcp(content({ servers: desired, storedServers: noSecrets }), signal);
    expect(result.kind).to.equal('saved');
    expect(server.routes()).to.deep.equal([
      'GET api/settings',
      'GET api/settings',
      'PATCH api/settings',
      'PATCH api/settings',
    ]);
    expect(server.calls[2]?.body).to.deep.equal({ agent_settings_diff: { mcp_config: null } });
    expect(server.calls[3]?.body).to.deep.equal({
      agent_settings_diff: {
        mcp_config: {
          mcpServers: {
            fs: { command: 'npx', args: [], env: { A: 'plain' } },
            other: { command: 'uvx', args: [], env: {} },
          },
        },
      },
    });
  });

  it('a PATCH answered with settings that do not show the servers sent is no success', async () => {
    const { client } = api({
      'GET api/settings': json(200, agentSettings(flatStored)),
      'PATCH api/settings': json(200, agentSettings(flatStored)),
    });
    const result = await client.saveMcp(content({ servers: removeOld, storedServers: stored }), signal);
    expect(result.kind).to.equal('unknown');
    expect(result.message).to.contain('“old”');
  });

  it('an older server whose empty map reads `{}` drops the flat patch; its wrapped answer says so, and the patch goes again wrapped', async () => {
    const docs = { transport: 'http', url: 'https://docs.example/mcp' };
    const { client, server } = api({
      'GET api/settings': json(200, agentSettings({})),
      'PATCH api/settings': [
        json(200, agentSettings({ mcpServers: {} })),
        json(200, agentSettings({ mcpServers: { docs } })),
      ],
    });
    const only = config({ shttp_servers: [{ url: 'https://docs.example/mcp', x: { name: 'docs' } }] });
    const result = await client.saveMcp(content({ servers: only, storedServers: config({}) }), signal);
    expect(result.kind).to.equal('saved');
    expect(server.calls.slice(1).map((c) => c.body)).to.deep.equal([
      { agent_settings_diff: { mcp_config: { docs } } },
      { agent_settings_diff: { mcp_config: { mcpServers: { docs } } } },
    ]);
  });

  it('older, a server removed, masked secrets kept: refused before sending, on the fields to type again', async () => {
    const { client, server } = api({ 'GET api/settings': json(200, agentSettings({ mcpServers: flatStored })) });
    const result = await client.saveMcp(content({ servers: removeOld, storedServers: stored }), signal);
    expect(result.kind).to.equal('validation');
    if (result.kind !== 'validation') return;
    expect(result.status).to.equal(0);
    expect(result.errors.map((e) => [e.pointer, e.type])).to.deep.equal([
      ['/mcp_config/stdio_servers/0/env/K', 'secret_would_be_erased'],
    ]);
    expect(result.errors.every((e) => e.own)).to.equal(true);
    expect(result.message).to.contain('Nothing was sent');
    expect(server.routes().filter((r) => r.startsWith('PATCH'))).to.deep.equal([]);
    expectNoSecret(result);
  });

  it('older: storing the map again after clearing it fails -> says the servers were cleared', async () => {
    const plain = config({
      stdio_servers: [fs({ A: 'p' })],
      sse_servers: [{ url: 'https://old.example/sse', x: { name: 'old' } }],
    });
    const { client } = api({
      'GET api/settings': json(200, agentSettings({ mcpServers: {} })),
      'PATCH api/settings': [
        json(200, agentSettings({ mcpServers: {} })),
        json(500, { detail: 'Failed to update settings' }),
      ],
    });
    const result = await client.saveMcp(
      content({ servers: config({ stdio_servers: [fs({ A: 'p' })] }), storedServers: plain }),
      signal,
    );
    expect(result.kind).to.equal('server');
    expect(result.message).to.match(/^The stored MCP servers were cleared .* Load the stored servers again/);
  });

  it("422 with pydantic's text: each problem on its server's field", async () => {
    const detail = [
      '1 validation error for OpenHandsAgentSettings',
      'mcp_config.fs.env.NEW',
      `  Input should be a valid string [type=string_type, input_value='${ENV_SECRET}', input_type=str]`,
    ].join('\n');
    const { client } = api({
      'GET api/settings': json(200, agentSettings(flatStored)),
      'PATCH api/settings': json(422, { detail }),
    });
    const result = await client.saveMcp(content({ servers: removeOld, storedServers: stored }), signal);
    expect(result).to.deep.equal({
      kind: 'validation',
      status: 422,
      errors: [
        {
          pointer: '/mcp_config/stdio_servers/0/env/NEW',
          type: 'string_type',
          message: 'Input should be a valid string',
        },
      ],
      message: 'The server found 1 problem in the MCP servers.',
    });
  });

  it('422 "Settings validation failed" -> the summary; the list form placed by its location', async () => {
    const once = async (reply: Response) => {
      const { client } = api({ 'GET api/settings': json(200, agentSettings(flatStored)), 'PATCH api/settings': reply });
      return client.saveMcp(content({ servers: removeOld, storedServers: stored }), signal);
    };
    expect(await once(json(422, { detail: 'Settings validation failed' }))).to.deep.equal({
      kind: 'validation',
      status: 422,
      errors: [{ pointer: '', type: '', message: 'Settings validation failed' }],
      message: 'Settings validation failed',
    });
    const list = await once(
      json(422, {
        detail: [
          {
            type: 'missing',
            loc: ['body', 'agent_settings_diff', 'mcp_config', 'fs', 'command'],
            msg: 'Field required',
          },
          { type: 'missing', loc: ['body', 'other'], msg: 'Field required' },
        ],
      }),
    );
    expect(list.kind === 'validation' && list.errors.map((e) => e.pointer)).to.deep.equal([
      '/mcp_config/stdio_servers/0/command',
      '/other',
    ]);
  });

  it('400, 409, 500, 503 -> server failures with their text', async () => {
    for (const [status, detail] of [
      [400, 'At least one of agent_settings_diff or conversation_settings_diff must be provided'],
      [409, 'Settings file is corrupted or encrypted with a different key'],
      [500, 'Failed to update settings'],
      [503, 'Server not fully initialized'],
    ] as const) {
      const { client } = api({
        'GET api/settings': json(200, agentSettings(flatStored)),
        'PATCH api/settings': json(status, { detail }),
      });
      const result = await client.saveMcp(content({ servers: removeOld, storedServers: stored }), signal);
      expect(result).to.deep.include({ kind: 'server', status, serverText: detail });
    }
  });

  it('a patch that would carry a mask is never sent: the secret is to be typed again, on its field', async () => {
    const server = fakeServer({ 'GET api/settings': json(200, agentSettings(flatStored)) });
    const badWire = { ...fakeWire, patch: () => ({ fs: { env: { K: MASK } }, ghost: { env: { X: MASK } } }) };
    const c = agentServerApi(
      () => ({ baseUrl: BASE, fetch: server.fetch }),
      () => [],
      badWire,
    );
    const result = await c.saveMcp(content({ servers: removeOld, storedServers: stored }), signal);
    expect(result.kind === 'validation' && result.status).to.equal(0);
    expect(result.kind === 'validation' && result.errors.map((e) => [e.pointer, e.type])).to.deep.equal([
      ['/mcp_config/stdio_servers/0/env/K', 'secret_not_stored'],
      // A server the form does not show: named by its place in the stored map.
      ['/mcp_config/ghost/env/X', 'secret_not_stored'],
    ]);
    expect(result.message).to.contain('“ghost”: env.X');
    expect(server.routes()).to.deep.equal(['GET api/settings']);
  });

  it('older: a server nobody touched that the form cannot show is written back as it was', async () => {
    const now = {
      mcpServers: {
        fs: { command: 'npx', args: [], env: { A: 'plain' }, transport: 'stdio' },
        old: { transport: 'sse', url: 'https://old.example/sse' },
        weird: 42,
      },
    };
    const { client, server } = api({
      'GET api/settings': json(200, agentSettings(now)),
      'PATCH api/settings': json(200, agentSettings({ mcpServers: {} })),
    });
    const storedPlain = config({
      stdio_servers: [fs({ A: 'plain' })],
      sse_servers: [{ url: 'https://old.example/sse', x: { name: 'old' } }],
    });
    await client.saveMcp(
      content({ servers: config({ stdio_servers: [fs({ A: 'plain' })] }), storedServers: storedPlain }),
      signal,
    );
    expect(server.calls[3]?.body).to.deep.equal({
      agent_settings_diff: {
        mcp_config: {
          mcpServers: { fs: { command: 'npx', args: [], env: { A: 'plain' }, transport: 'stdio' }, weird: 42 },
        },
      },
    });
  });
});
