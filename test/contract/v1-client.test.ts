import { expect } from '@open-wc/testing';
import type { SubmitResult } from '../../src/contract/result.js';
import { v1Api } from '../../src/contract/v1-client.js';
import { NOTHING_TO_STORE } from '../../src/contract/token-changes.js';
import { BASE, fakeServer, json, SESSION_KEY, type Reply } from './fake-server.js';
import { fakeWire } from './fake-wire.js';
import { config, content, MASK } from './save-content.js';

const TOKEN = 'ghp_typed_token_123';
const ENV_SECRET = 'typed-env-secret-456';
const signal = new AbortController().signal;

function api(routes: Record<string, Reply | Reply[]>, options: { bearer?: boolean } = {}) {
  const server = fakeServer(routes);
  const client = v1Api(
    () => ({
      baseUrl: BASE,
      sessionKey: SESSION_KEY,
      fetch: server.fetch,
      ...(options.bearer ? { authScheme: 'bearer' as const } : {}),
    }),
    () => ['github', 'gitlab'],
    fakeWire,
  );
  return { client, server };
}

/** No secret of the request in any text of a result. */
function expectNoSecret(result: unknown) {
  const text = JSON.stringify(result);
  for (const secret of [TOKEN, ENV_SECRET, SESSION_KEY]) expect(text).to.not.contain(secret);
}

const settings = (mcp: unknown, extra: Record<string, unknown> = {}) => ({
  provider_tokens_set: { github: null, gitlab: 'gitlab.example.com' },
  llm_api_key_set: true,
  agent_settings: { llm: { model: 'x', api_key: null }, mcp_config: mcp },
  ...extra,
});

describe('contract/v1-client: load', () => {
  it('GETs api/v1/settings and reads the tokens and the MCP servers, flat or wrapped', async () => {
    const flat = { fs: { command: 'npx', args: ['-y'], env: { KEY: MASK } } };
    for (const mcp of [flat, { mcpServers: flat }]) {
      const { client, server } = api({ 'GET api/v1/settings': json(200, settings(mcp)) });
      const result = await client.load(signal);
      expect(server.routes()).to.deep.equal(['GET api/v1/settings']);
      expect(server.calls[0]?.headers.get('X-Session-API-Key')).to.equal(SESSION_KEY);
      if (result.kind !== 'loaded') throw new Error(result.kind);
      expect(result.settings).to.deep.equal({
        provider_tokens_set: { github: null, gitlab: 'gitlab.example.com' },
        mcp_config: config({ stdio_servers: [{ name: 'fs', command: 'npx', args: ['-y'], env: { KEY: MASK } }] }),
      });
    }
  });

  it('sends the key as a bearer token when the connection says so', async () => {
    const { client, server } = api({ 'GET api/v1/settings': json(200, settings(null)) }, { bearer: true });
    expect((await client.load(signal)).kind).to.equal('loaded');
    expect(server.calls[0]?.headers.get('Authorization')).to.equal(`Bearer ${SESSION_KEY}`);
    expect(server.calls[0]?.headers.get('X-Session-API-Key')).to.equal(null);
  });

  it('no MCP configuration: null', async () => {
    const { client } = api({ 'GET api/v1/settings': json(200, { provider_tokens_set: {} }) });
    const result = await client.load(signal);
    expect(result.kind === 'loaded' && result.settings).to.deep.equal({ provider_tokens_set: {}, mcp_config: null });
  });

  it('404 {"error"} -> not-found; another 404, or a 200 that is not the settings -> server', async () => {
    expect(
      await api({ 'GET api/v1/settings': json(404, { error: 'Settings not found' }) }).client.load(signal),
    ).to.deep.equal({
      kind: 'not-found',
    });
    expect((await api({}).client.load(signal)).kind).to.equal('server');
    const other = await api({ 'GET api/v1/settings': json(200, { hello: 1 }) }).client.load(signal);
    expect(other).to.deep.include({ kind: 'server', status: 200 });
    expect(other.kind === 'server' && other.message).to.contain('check the base URL');
  });

  it('both 401 shapes are the session key', async () => {
    for (const body of [{ error: 'Invalid token' }, { detail: 'Unauthorized' }]) {
      const result = await api({ 'GET api/v1/settings': json(401, body) }).client.load(signal);
      expect(result.kind).to.equal('unauthorized');
      expectNoSecret(result);
    }
  });
});

describe('contract/v1-client: saveTokens', () => {
  const typed = () =>
    content({
      tokens: { github: { token: TOKEN }, gitlab: { host: 'gitlab.example.com' } },
      storedProviders: { gitlab: 'gitlab.example.com' },
    });

  it('POSTs exactly {provider_tokens} to api/v1/secrets/git-providers; 200 {message} is saved', async () => {
    const { client, server } = api({
      'POST api/v1/secrets/git-providers': json(200, { message: 'Git providers stored' }),
    });
    expect(await client.saveTokens(typed(), signal)).to.deep.equal({
      kind: 'saved',
      status: 200,
      message: 'Git providers stored',
    });
    expect(server.calls[0]?.body).to.deep.equal({
      provider_tokens: { github: { token: TOKEN, host: null }, gitlab: { token: null, host: 'gitlab.example.com' } },
    });
  });

  it('only 200 with a message is saved', async () => {
    for (const reply of [json(201, { message: 'ok' }), json(200, { ok: true }), new Response(null, { status: 204 })]) {
      const result = await api({ 'POST api/v1/secrets/git-providers': reply }).client.saveTokens(typed(), signal);
      expect(result.kind).to.equal('unknown');
    }
  });

  it('401 {"error"} and 401 {"detail"} naming a token -> token-rejected on its field; {"detail":"Unauthorized"} -> unauthorized', async () => {
    const text = `Invalid token. Please make sure it is a valid github token.`;
    for (const body of [{ error: text }, { detail: text }]) {
      const result = await api({ 'POST api/v1/secrets/git-providers': json(401, body) }).client.saveTokens(
        typed(),
        signal,
      );
      expect(result).to.deep.equal({
        kind: 'token-rejected',
        status: 401,
        provider: 'github',
        pointer: '/provider_tokens/github/token',
        message: text,
      });
    }
    const session = await api({
      'POST api/v1/secrets/git-providers': json(401, { detail: 'Unauthorized' }),
    }).client.saveTokens(typed(), signal);
    expect(session.kind).to.equal('unauthorized');
  });

  it('a server that echoes the typed token or the key: neither is in the message', async () => {
    const result = await api({
      'POST api/v1/secrets/git-providers': json(500, { error: `failed for ${TOKEN} with ${SESSION_KEY}` }),
    }).client.saveTokens(typed(), signal);
    expect(result.kind).to.equal('server');
    expectNoSecret(result);
    const rejected = await api({
      'POST api/v1/secrets/git-providers': json(401, { detail: `Invalid token ${TOKEN}. Not a valid github token.` }),
    }).client.saveTokens(typed(), signal);
    expect(rejected.kind).to.equal('token-rejected');
    expectNoSecret(rejected);
  });

  it('a 422 list lands on its field as on V0', async () => {
    const result = await api({
      'POST api/v1/secrets/git-providers': json(422, {
        detail: [
          {
            type: 'string_type',
            loc: ['body', 'provider_tokens', 'github', 'host'],
            msg: 'Input should be a valid string',
          },
        ],
      }),
    }).client.saveTokens(typed(), signal);
    expect(result.kind === 'validation' && result.errors[0]?.pointer).to.equal('/provider_tokens/github/host');
  });

  it('every stored provider removed -> DELETE api/v1/secrets/git-providers', async () => {
    const { client, server } = api({
      'DELETE api/v1/secrets/git-providers': json(200, { message: 'Unset Git provider tokens' }),
    });
    const result = await client.saveTokens(content({ storedProviders: { github: null } }), signal);
    expect(result).to.deep.equal({ kind: 'saved', status: 200, message: 'Unset Git provider tokens' });
    expect(server.routes()).to.deep.equal(['DELETE api/v1/secrets/git-providers']);
    expect(server.calls[0]?.body).to.equal(undefined);
  });

  it('an older server (404 or 405 on the new path) -> DELETE .../git-providers/tokens', async () => {
    for (const status of [404, 405]) {
      const { client, server } = api({
        'DELETE api/v1/secrets/git-providers': json(status, { detail: 'Not Found' }),
        'DELETE api/v1/secrets/git-providers/tokens': json(200, { message: 'Unset Git provider tokens' }),
      });
      expect((await client.saveTokens(content({ storedProviders: { github: null } }), signal)).kind).to.equal('saved');
      expect(server.routes()).to.deep.equal([
        'DELETE api/v1/secrets/git-providers',
        'DELETE api/v1/secrets/git-providers/tokens',
      ]);
    }
    const failed = await api({
      'DELETE api/v1/secrets/git-providers': json(500, { error: 'Something went wrong unsetting tokens' }),
    }).client.saveTokens(content({ storedProviders: { github: null } }), signal);
    expect(failed).to.deep.include({ kind: 'server', status: 500 });
  });

  it('an empty map with the stored set not known is POSTed, not a DELETE; with nothing stored, nothing is sent', async () => {
    const { client, server } = api({
      'POST api/v1/secrets/git-providers': json(200, { message: 'Git providers stored' }),
    });
    await client.saveTokens(content({ storedProviders: null }), signal);
    expect(server.routes()).to.deep.equal(['POST api/v1/secrets/git-providers']);
    expect(server.calls[0]?.body).to.deep.equal({ provider_tokens: {} });
    const nothing = api({});
    expect(await nothing.client.saveTokens(content({ storedProviders: {} }), signal)).to.deep.equal({
      kind: 'saved',
      status: 0,
      message: NOTHING_TO_STORE,
    });
    expect(nothing.server.routes()).to.deep.equal([]);
  });

  it('tokens as stored (no token typed, the same hosts) are not sent again; a changed host is', async () => {
    const stored = { gitlab: 'gitlab.example.com' };
    const same = api({});
    const result = await same.client.saveTokens(
      content({ tokens: { gitlab: { host: 'gitlab.example.com' } }, storedProviders: stored }),
      signal,
    );
    expect(result).to.deep.include({ kind: 'saved', status: 0 });
    expect(same.server.routes()).to.deep.equal([]);
    const moved = api({ 'POST api/v1/secrets/git-providers': json(200, { message: 'Git providers stored' }) });
    await moved.client.saveTokens(
      content({ tokens: { gitlab: { host: 'gitlab.other.com' } }, storedProviders: stored }),
      signal,
    );
    expect(moved.server.routes()).to.deep.equal(['POST api/v1/secrets/git-providers']);
  });
});

describe('contract/v1-client: saveMcp (read, merge, write, verify)', () => {
  const fs = (env: Record<string, string>) => ({ name: 'fs', command: 'npx', args: ['-y'], env });
  const stored = config({
    stdio_servers: [fs({ API_KEY: MASK })],
    sse_servers: [{ url: 'https://old.example/sse', x: { name: 'old' } }],
  });
  // The person removed "old", added "docs", kept fs's secret as it was.
  const desired = config({
    stdio_servers: [fs({ API_KEY: MASK, PLAIN: 'v' })],
    shttp_servers: [{ url: 'https://docs.example/mcp', x: { name: 'docs', headers: { 'X-Key': ENV_SECRET } } }],
  });
  const storedMap = {
    fs: { command: 'npx', args: ['-y'], env: { API_KEY: MASK } },
    old: { transport: 'sse', url: 'https://old.example/sse' },
    // Added by someone else since the form loaded.
    other: { transport: 'http', url: 'https://other.example/mcp', headers: { Authorization: MASK } },
  };
  const sentMap = {
    fs: { command: 'npx', args: ['-y'], env: { API_KEY: MASK, PLAIN: 'v' } },
    other: { transport: 'http', url: 'https://other.example/mcp', headers: { Authorization: MASK } },
    docs: { transport: 'http', url: 'https://docs.example/mcp', headers: { 'X-Key': ENV_SECRET } },
  };
  const save = (routes: Record<string, Reply | Reply[]>) => {
    const { client, server } = api(routes);
    return { server, done: client.saveMcp(content({ servers: desired, storedServers: stored }), signal) };
  };

  it('keeps a server added since the form loaded, sends the wrapped map with masks, and reads back', async () => {
    const { server, done } = save({
      'GET api/v1/settings': [json(200, settings(storedMap)), json(200, settings(sentMap))],
      'POST api/v1/settings': json(200, { message: 'Settings stored' }),
    });
    expect(await done).to.deep.equal({ kind: 'saved', status: 200, message: 'Settings stored' });
    expect(server.routes()).to.deep.equal(['GET api/v1/settings', 'POST api/v1/settings', 'GET api/v1/settings']);
    expect(server.calls[1]?.body).to.deep.equal({ agent_settings_diff: { mcp_config: { mcpServers: sentMap } } });
  });

  it('what the form cannot show, or does not model, is sent back exactly as stored', async () => {
    const odd = {
      fs: { command: 'npx', args: ['-y'], env: { API_KEY: MASK }, cwd: '/w', transport: 'stdio' },
      old: { transport: 'sse', url: 'https://old.example/sse' },
      weird: 42,
    };
    const { server, done } = save({
      'GET api/v1/settings': [json(200, settings(odd)), json(200, settings(odd))],
      'POST api/v1/settings': json(200, { message: 'Settings stored' }),
    });
    await done;
    const sent = server.calls[1]?.body as {
      agent_settings_diff: { mcp_config: { mcpServers: Record<string, unknown> } };
    };
    expect(sent.agent_settings_diff.mcp_config.mcpServers['weird']).to.equal(42);
    expect(sent.agent_settings_diff.mcp_config.mcpServers['fs']).to.deep.equal({
      command: 'npx',
      args: ['-y'],
      env: { API_KEY: MASK, PLAIN: 'v' },
      cwd: '/w',
      transport: 'stdio',
    });
  });

  it('an app server that stores the map wrapped (older than the restore): masked secrets are refused before anything is sent', async () => {
    const { done, server } = save({ 'GET api/v1/settings': json(200, settings({ mcpServers: storedMap })) });
    const result = await done;
    expect(result.kind).to.equal('validation');
    if (result.kind !== 'validation') return;
    expect(result.status).to.equal(0);
    expect(result.errors.map((e) => e.type)).to.include('secret_would_be_erased');
    expect(result.errors.map((e) => e.pointer)).to.include('/mcp_config/stdio_servers/0/env/API_KEY');
    expect(server.routes()).to.deep.equal(['GET api/v1/settings']);
    expectNoSecret(result);
  });

  it('the newest app server restores `**********` and `Bearer **********`: both go back masked; another mask (`<redacted>`) is refused, nothing sent', async () => {
    const bearer = { ...storedMap, other: { ...storedMap.other, headers: { Authorization: 'Bearer **********' } } };
    const sent = { ...sentMap, other: bearer.other };
    const kept = save({
      'GET api/v1/settings': [json(200, settings(bearer)), json(200, settings(sent))],
      'POST api/v1/settings': json(200, { message: 'Settings stored' }),
    });
    expect((await kept.done).kind).to.equal('saved');
    expect(kept.server.calls[1]?.body).to.deep.equal({ agent_settings_diff: { mcp_config: { mcpServers: sent } } });

    // Not restored: another mask, a mask outside env / headers / auth, one in an array.
    for (const [other, pointer] of [
      [{ headers: { Authorization: '<redacted>' } }, '/mcp_config/other/headers/Authorization'],
      [{ description: MASK }, '/mcp_config/other/description'],
      [
        { headers: { Authorization: 'x' }, auth: { strategy: 'header', list: [MASK] } },
        '/mcp_config/other/auth/list/0',
      ],
    ] as const) {
      const stored = { ...storedMap, other: { ...storedMap.other, ...other } };
      const refused = save({ 'GET api/v1/settings': json(200, settings(stored)) });
      const result = await refused.done;
      expect(result.kind === 'validation' && result.status).to.equal(0);
      expect(result.kind === 'validation' && result.errors.map((e) => [e.pointer, e.type])).to.deep.equal([
        [pointer, 'secret_would_be_erased'],
      ]);
      expect(refused.server.routes()).to.deep.equal(['GET api/v1/settings']);
    }
  });

  it('a secret sent back masked and not kept -> validation on its field, saying which (no value)', async () => {
    const lost = {
      fs: { command: 'npx', args: ['-y'], env: { PLAIN: 'v' } },
      other: { transport: 'http', url: 'https://other.example/mcp', headers: { Authorization: null } },
      docs: sentMap.docs,
    };
    const { done } = save({
      'GET api/v1/settings': [json(200, settings(storedMap)), json(200, settings({ mcpServers: lost }))],
      'POST api/v1/settings': json(200, { message: 'Settings stored' }),
    });
    const result = await done;
    expect(result).to.deep.equal({
      kind: 'validation',
      status: 200,
      errors: [
        {
          pointer: '/mcp_config/stdio_servers/0/env/API_KEY',
          type: 'secret_lost',
          message:
            'The server did not keep this stored secret when the MCP servers were saved: type it again and save.',
          own: true,
        },
        {
          pointer: '/mcp_config/other/headers/Authorization',
          type: 'secret_lost',
          message:
            'The server did not keep this stored secret when the MCP servers were saved: type it again and save.',
          own: true,
        },
      ],
      message:
        'The MCP servers were stored, but this server did not keep 2 stored secrets shown masked (/mcp_config/stdio_servers/0/env/API_KEY, “other”: headers.Authorization): type them again and save.',
    });
    expectNoSecret(result);
  });

  it('no masked secret sent: no read-back', async () => {
    const { client, server } = api({
      'GET api/v1/settings': json(200, settings({})),
      'POST api/v1/settings': json(200, { message: 'Settings stored' }),
    });
    const only = config({ shttp_servers: [{ url: 'https://docs.example/mcp', x: { name: 'docs' } }] });
    expect((await client.saveMcp(content({ servers: only, storedServers: null }), signal)).kind).to.equal('saved');
    expect(server.routes()).to.deep.equal(['GET api/v1/settings', 'POST api/v1/settings']);
    expect(server.calls[1]?.body).to.deep.equal({
      agent_settings_diff: {
        mcp_config: { mcpServers: { docs: { transport: 'http', url: 'https://docs.example/mcp' } } },
      },
    });
  });

  it('reading back fails -> unknown (stored, but whether the secrets were kept is not known)', async () => {
    const { done } = save({
      'GET api/v1/settings': [json(200, settings(storedMap)), json(503, { error: 'down' })],
      'POST api/v1/settings': json(200, { message: 'Settings stored' }),
    });
    const result = await done;
    expect(result.kind).to.equal('unknown');
    expect(result.message).to.contain('reading them back');
  });

  it('no settings yet (404): the POST creates them with the servers', async () => {
    const { client, server } = api({
      'GET api/v1/settings': [json(404, { error: 'Settings not found' }), json(200, settings(sentMap))],
      'POST api/v1/settings': json(200, { message: 'Settings stored' }),
    });
    const plain = config({
      stdio_servers: [{ name: 'fs', command: 'npx', args: ['-y'], env: { PLAIN: 'v' } }],
      shttp_servers: [{ url: 'https://docs.example/mcp', api_key: null, x: { name: 'docs' } }],
    });
    await client.saveMcp(content({ servers: plain, storedServers: null }), signal);
    const sent = server.calls[1]?.body as {
      agent_settings_diff: { mcp_config: { mcpServers: Record<string, unknown> } };
    };
    expect(Object.keys(sent.agent_settings_diff.mcp_config.mcpServers)).to.deep.equal(['fs', 'docs']);
  });

  it('500 (what V1 says for invalid MCP content) -> server; 422 {error, keys} -> validation on the body', async () => {
    const failed = save({
      'GET api/v1/settings': json(200, settings(storedMap)),
      'POST api/v1/settings': json(500, { error: 'Something went wrong storing settings' }),
    });
    expect(await failed.done).to.deep.include({
      kind: 'server',
      status: 500,
      serverText: 'Something went wrong storing settings',
    });
    expect(failed.server.routes()).to.have.length(2);
    const legacy = save({
      'GET api/v1/settings': json(200, settings(storedMap)),
      'POST api/v1/settings': json(422, {
        error: 'Use *_diff nested settings payloads instead of legacy keys',
        keys: ['agent_settings'],
      }),
    });
    const text = 'Use *_diff nested settings payloads instead of legacy keys (agent_settings)';
    expect(await legacy.done).to.deep.equal({
      kind: 'validation',
      status: 422,
      errors: [{ pointer: '', type: '', message: text }],
      message: text,
    });
  });

  it('the first read fails (401, network): nothing is written', async () => {
    const { server, done } = save({ 'GET api/v1/settings': json(401, { detail: 'Unauthorized' }) });
    expect((await done).kind).to.equal('unauthorized');
    expect(server.routes()).to.deep.equal(['GET api/v1/settings']);
  });

  it('a stored configuration that cannot be read is not replaced', async () => {
    const { server, done } = save({ 'GET api/v1/settings': json(200, settings('not a map')) });
    const result: SubmitResult = await done;
    expect(result.kind).to.equal('server');
    expect(server.routes()).to.deep.equal(['GET api/v1/settings']);
  });

  it('a conversion that throws is a refusal, never a rejection', async () => {
    const server = fakeServer({ 'GET api/v1/settings': json(200, settings({})) });
    const throwing = {
      ...fakeWire,
      patch: () => {
        throw new Error('boom');
      },
    };
    const client = v1Api(
      () => ({ baseUrl: BASE, fetch: server.fetch }),
      () => [],
      throwing,
    );
    const result = await client.saveMcp(content({ servers: desired }), signal);
    expect(result.kind).to.equal('refused');
    expect(server.routes()).to.deep.equal(['GET api/v1/settings']);
  });
});
