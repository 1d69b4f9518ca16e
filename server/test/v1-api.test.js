// @ts-check
// A V1 tenant (`api: 'v1'`): the app server's routes under /api/v1 (CURRENT-SERVERS §1), in its
// two variants: `native` (newest) and `fastmcp` (SDK <= 1.30).

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { control, createTenant, send, useServer } from '../testing/harness.js';

const server = useServer();
const KEY = 'v1-session-key';
const AUTH = { 'content-type': 'application/json', 'x-session-api-key': KEY };
const MASK = '**********';

/** @param {object} [options] */
async function v1(options = {}) {
  const created = await createTenant(server.url, { api: 'v1', sessionKey: KEY, ...options });
  const at = (/** @type {string} */ path) => `${created.base}${path}`;
  return {
    ...created,
    /** @param {string} path @param {Record<string, string>} [headers] */
    get: (path, headers = AUTH) => send(at(path), { headers }),
    /** @param {string} path @param {unknown} body @param {Record<string, string>} [headers] */
    post: (path, body, headers = AUTH) =>
      send(at(path), { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    /** @param {string} path */
    del: (path) => send(at(path), { method: 'DELETE', headers: AUTH }),
    /** @param {unknown} diff */
    saveMcp: (diff) =>
      send(at('/api/v1/settings'), {
        method: 'POST',
        headers: AUTH,
        body: JSON.stringify({ agent_settings_diff: { mcp_config: diff } }),
      }),
    /** @returns {Promise<any>} */
    state: () => control(server.url, 'GET', `/tenants/${created.id}`),
  };
}

const DOCS = {
  transport: 'http',
  url: 'https://docs.example/mcp',
  headers: { 'X-Env': 'prod' },
  auth: { strategy: 'bearer', value: 'docs-token' },
};
const FS = { command: 'npx', args: ['-y', 'server-fs'], env: { API_KEY: 'fs-secret' } };

describe('V1: paths and auth', () => {
  it('V0 paths are FastAPI 404s on a V1 tenant, and V1 paths on a V0 tenant', async () => {
    const t = await v1();
    for (const path of ['/api/settings', '/api/add-git-providers', '/api/unset-provider-tokens']) {
      const reply = await t.post(path, {});
      assert.deepEqual([reply.status, reply.json], [404, { detail: 'Not Found' }], path);
    }
    const { base } = await createTenant(server.url);
    const reply = await send(`${base}/api/v1/settings`);
    assert.deepEqual([reply.status, reply.json], [404, { detail: 'Not Found' }]);
  });

  it('takes the session key as X-Session-API-Key or as Authorization: Bearer', async () => {
    const t = await v1();
    assert.equal((await t.get('/api/v1/settings', { 'x-session-api-key': KEY })).status, 200);
    assert.equal((await t.get('/api/v1/settings', { authorization: `Bearer ${KEY}` })).status, 200);
  });

  for (const [what, headers] of /** @type {[string, Record<string, string>][]} */ ([
    ['missing', {}],
    ['wrong', { 'x-session-api-key': 'nope' }],
    ['a wrong Bearer', { authorization: 'Bearer nope' }],
    ['Basic instead of Bearer', { authorization: `Basic ${KEY}` }],
  ])) {
    it(`a ${what} key is 401 {"detail": "Unauthorized"} on every route`, async () => {
      const t = await v1();
      for (const reply of [
        await t.get('/api/v1/settings', headers),
        await t.post('/api/v1/settings', {}, { 'content-type': 'application/json', ...headers }),
        await t.post('/api/v1/secrets/git-providers', {}, { 'content-type': 'application/json', ...headers }),
        await t.post('/api/v1/settings/mcp/servers/x/test', '', headers),
      ]) {
        assert.deepEqual([reply.status, reply.json], [401, { detail: 'Unauthorized' }]);
      }
    });
  }

  it('a tenant without a session key checks none', async () => {
    const t = await v1({ sessionKey: null });
    assert.equal((await t.get('/api/v1/settings', {})).status, 200);
  });

  it('a wrong method is 405 with Allow; a trailing slash is a 307 to the path without it', async () => {
    const t = await v1();
    const reply = await send(`${t.base}/api/v1/settings`, { method: 'PATCH', headers: AUTH, body: '{}' });
    assert.deepEqual(
      [reply.status, reply.json, reply.headers.allow],
      [405, { detail: 'Method Not Allowed' }, 'GET, POST'],
    );
    const slash = await t.get('/api/v1/settings/?x=1');
    assert.equal(slash.status, 307);
    assert.match(String(slash.headers.location), /\/api\/v1\/settings\?x=1$/);
  });

  it('the fastmcp variant has no MCP test routes and removes tokens at /git-providers/tokens', async () => {
    const t = await v1({ variant: 'fastmcp', settings: { mcp_config: { fs: FS } } });
    assert.equal((await t.post('/api/v1/settings/mcp/servers/fs/test', '')).status, 404);
    assert.equal((await t.get('/api/v1/settings/mcp/servers/fs/health')).status, 404);
    assert.equal((await t.del('/api/v1/secrets/git-providers')).status, 405);
    const native = await v1();
    assert.equal((await native.del('/api/v1/secrets/git-providers/tokens')).status, 404);
  });
});

describe('V1: GET /api/v1/settings', () => {
  it('404 {"error": "Settings not found"} without a record, even with tokens stored', async () => {
    const t = await v1({ settings: null, provider_tokens: { github: { token: 'ghp_1' } } });
    const reply = await t.get('/api/v1/settings');
    assert.deepEqual([reply.status, reply.json], [404, { error: 'Settings not found' }]);
  });

  it('lists providers with a token or a user_id and their hosts; flags set keys; shows no secret', async () => {
    const t = await v1({
      provider_tokens: {
        github: { token: 'ghp_1', host: null },
        gitlab: { token: null, host: 'gitlab.example', user_id: 'u1' },
        forgejo: { token: null, host: 'code.example' },
      },
      settings: { search_api_key: 'tvly', agent_settings: { llm: { api_key: 'sk-1' } }, mcp_config: { docs: DOCS } },
    });
    const { json } = await t.get('/api/v1/settings');
    assert.deepEqual(json.provider_tokens_set, { github: null, gitlab: 'gitlab.example' });
    assert.deepEqual([json.llm_api_key_set, json.search_api_key_set], [true, true]);
    assert.deepEqual([json.search_api_key, json.sandbox_api_key, json.agent_settings.llm.api_key], [null, null, null]);
    assert.deepEqual(json.agent_settings.mcp_config.docs, {
      transport: 'http',
      url: 'https://docs.example/mcp',
      headers: { 'X-Env': MASK },
      auth: { strategy: 'bearer', value: MASK },
    });
  });

  it('mcp_config is a flat map in native and wrapped in fastmcp; unset it is {} and null', async () => {
    const native = await v1({ settings: { mcp_config: { fs: FS } } });
    assert.deepEqual(Object.keys((await native.get('/api/v1/settings')).json.agent_settings.mcp_config), ['fs']);
    const fastmcp = await v1({ variant: 'fastmcp', settings: { mcp_config: { fs: FS } } });
    const wrapped = (await fastmcp.get('/api/v1/settings')).json.agent_settings.mcp_config;
    assert.deepEqual(Object.keys(wrapped.mcpServers), ['fs']);
    assert.deepEqual((await (await v1()).get('/api/v1/settings')).json.agent_settings.mcp_config, {});
    const unset = await v1({ variant: 'fastmcp' });
    assert.equal((await unset.get('/api/v1/settings')).json.agent_settings.mcp_config, null);
  });
});

describe('V1: POST /api/v1/settings', () => {
  it('a legacy agent_settings / conversation_settings key is a 422 naming them, sorted', async () => {
    const t = await v1();
    const reply = await t.post('/api/v1/settings', { conversation_settings: {}, agent_settings: {} });
    assert.equal(reply.status, 422);
    assert.deepEqual(reply.json, {
      error: 'Use *_diff nested settings payloads instead of legacy keys',
      keys: ['agent_settings', 'conversation_settings'],
    });
  });

  it('flat V0 keys are no V1 fields: 200, and nothing changes (a V0-style save stores nothing)', async () => {
    const t = await v1({ settings: { mcp_config: { fs: FS } } });
    const before = (await t.state()).settings;
    const reply = await t.post('/api/v1/settings', { llm_model: 'x', mcp_config: { sse_servers: [] } });
    assert.deepEqual([reply.status, reply.json], [200, { message: 'Settings stored' }]);
    assert.deepEqual((await t.state()).settings, before);
  });

  it('a body that is not an object is FastAPI 422 dict_type; no body is missing', async () => {
    const t = await v1();
    assert.deepEqual((await t.post('/api/v1/settings', [])).json, {
      detail: [{ type: 'dict_type', loc: ['body'], msg: 'Input should be a valid dictionary', input: [] }],
    });
    assert.deepEqual((await t.post('/api/v1/settings', '')).json.detail[0].type, 'missing');
    assert.equal((await t.post('/api/v1/settings', '{"a":')).json.detail[0].type, 'json_invalid');
  });

  for (const variant of ['native', 'fastmcp']) {
    it(`${variant}: mcp_config replaces the stored map wholesale, flat or wrapped, stored normalised`, async () => {
      const t = await v1({ variant, settings: { mcp_config: { fs: FS, docs: DOCS } } });
      assert.equal((await t.saveMcp({ git: { type: 'shttp', url: ' https://git.example/mcp ' } })).status, 200);
      assert.deepEqual((await t.state()).mcp_config, { git: { transport: 'http', url: 'https://git.example/mcp' } });
      assert.equal((await t.saveMcp({ mcpServers: { fs: FS } })).status, 200);
      assert.deepEqual((await t.state()).mcp_config, { fs: FS });
    });

    it(`${variant}: an invalid server is a 500 {"error": ...}, not a 422, and nothing is stored`, async () => {
      const t = await v1({ variant, settings: { mcp_config: { fs: FS } } });
      const reply = await t.saveMcp({ bad: { url: 'ftp://x.example' } });
      assert.deepEqual([reply.status, reply.json], [500, { error: 'Something went wrong storing settings' }]);
      assert.deepEqual((await t.state()).mcp_config, { fs: FS });
    });
  }

  it('mcp_config: null empties the map', async () => {
    const t = await v1({ settings: { mcp_config: { fs: FS } } });
    await t.saveMcp(null);
    assert.equal((await t.state()).mcp_config, null);
  });

  it('the rest of agent_settings_diff, and conversation_settings_diff, merge (null deletes); fields are set', async () => {
    const t = await v1({
      settings: { agent_settings: { llm: { model: 'm1', api_key: 'sk-1' } }, mcp_config: { fs: FS } },
    });
    const reply = await t.post('/api/v1/settings', {
      agent_settings_diff: { llm: { model: 'm2', base_url: null } },
      conversation_settings_diff: { max_iterations: 7 },
      git_user_name: 'octo',
    });
    assert.equal(reply.status, 200);
    const { settings, mcp_config } = await t.state();
    assert.deepEqual(settings.agent_settings.llm, { model: 'm2', api_key: 'sk-1' });
    assert.deepEqual([settings.conversation_settings.max_iterations, settings.git_user_name], [7, 'octo']);
    assert.deepEqual(mcp_config, { fs: FS }, 'a save without mcp_config keeps the servers');
  });

  it('makes a record when there is none', async () => {
    const t = await v1({ settings: null });
    assert.equal((await t.saveMcp({ fs: FS })).status, 200);
    const state = await t.state();
    assert.deepEqual([state.hasSettings, state.mcp_config], [true, { fs: FS }]);
    assert.equal((await t.get('/api/v1/settings')).status, 200);
  });

  it('native: masks sent back for a kept server get the stored secrets back', async () => {
    const t = await v1({ settings: { mcp_config: { docs: DOCS, fs: FS } } });
    const shown = (await t.get('/api/v1/settings')).json.agent_settings.mcp_config;
    assert.equal((await t.saveMcp(shown)).status, 200);
    assert.deepEqual((await t.state()).mcp_config, { docs: DOCS, fs: FS });
  });

  it('fastmcp: masks sent back are no secrets: env and header entries vanish, the auth value is lost', async () => {
    const t = await v1({ variant: 'fastmcp', settings: { mcp_config: { docs: DOCS, fs: FS } } });
    const shown = (await t.get('/api/v1/settings')).json.agent_settings.mcp_config;
    assert.equal((await t.saveMcp(shown)).status, 200);
    const { docs, fs } = (await t.state()).mcp_config;
    assert.deepEqual(docs, { transport: 'http', url: DOCS.url, headers: {}, auth: { strategy: 'bearer' } });
    assert.deepEqual(fs, { command: 'npx', args: FS.args, env: {} });
  });
});

describe('V1: git providers', () => {
  it("stores with V0's rule: the map replaces the store, an empty token keeps the stored one and takes the host", async () => {
    const t = await v1({ provider_tokens: { github: { token: 'ghp_old' }, gitlab: { token: 'glpat' } } });
    const reply = await t.post('/api/v1/secrets/git-providers', {
      provider_tokens: { github: { token: '', host: 'ghe.example' }, forgejo: { token: 'fj', host: 'code.example' } },
    });
    assert.deepEqual([reply.status, reply.json], [200, { message: 'Git providers stored' }]);
    assert.deepEqual((await t.state()).provider_tokens, {
      github: { token: 'ghp_old', host: 'ghe.example', user_id: null },
      forgejo: { token: 'fj', host: 'code.example', user_id: null },
    });
  });

  it('takes the body without mcp_config (V1 has none: it is ignored); a bad provider is a 422 list', async () => {
    const t = await v1();
    const ok = await t.post('/api/v1/secrets/git-providers', { provider_tokens: {}, mcp_config: 'anything' });
    assert.equal(ok.status, 200);
    const bad = await t.post('/api/v1/secrets/git-providers', { provider_tokens: { gitea: { token: 'x' } } });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.json.detail[0].loc, ['body', 'provider_tokens', 'gitea', '[key]']);
    assert.match(bad.json.detail[0].msg, /'bitbucket_data_center', 'forgejo', 'azure_devops' or 'enterprise_sso'$/);
  });

  it('native: a rejected token is 401 {"detail"}, at the first rejection; nothing is stored', async () => {
    const t = await v1();
    const reply = await t.post('/api/v1/secrets/git-providers', {
      provider_tokens: { github: { token: 'bad-1' }, gitlab: { token: 'good' } },
    });
    assert.deepEqual(
      [reply.status, reply.json],
      [401, { detail: 'Invalid token. Please make sure it is a valid github token.' }],
    );
    assert.deepEqual((await t.state()).provider_tokens, {});
  });

  it('fastmcp: a rejected token is 401 {"error"}, and the last provider sent decides, as in V0', async () => {
    const t = await v1({ variant: 'fastmcp' });
    const reply = await t.post('/api/v1/secrets/git-providers', {
      provider_tokens: { gitlab: { token: 'good' }, github: { token: 'bad-1' } },
    });
    assert.deepEqual(
      [reply.status, reply.json],
      [401, { error: 'Invalid token. Please make sure it is a valid github token.' }],
    );
    const later = await t.post('/api/v1/secrets/git-providers', {
      provider_tokens: { github: { token: 'bad-1' }, gitlab: { token: 'good' } },
    });
    assert.equal(later.status, 200);
  });

  for (const [variant, path] of /** @type {[string, string][]} */ ([
    ['native', '/api/v1/secrets/git-providers'],
    ['fastmcp', '/api/v1/secrets/git-providers/tokens'],
  ])) {
    it(`${variant}: DELETE ${path} removes every token`, async () => {
      const t = await v1({ variant, provider_tokens: { github: { token: 'ghp_1' } } });
      const reply = await t.del(path);
      assert.deepEqual([reply.status, reply.json], [200, { message: 'Unset Git provider tokens' }]);
      assert.deepEqual((await t.state()).provider_tokens, {});
    });
  }
});

describe('V1: MCP test runs (native)', () => {
  /** @param {object} [options] */
  const tenantWith = (options = {}) =>
    v1({
      mcpTestMs: 150,
      settings: {
        mcp_config: {
          docs: DOCS,
          down: { url: 'https://down.invalid/mcp' },
          slow: { url: 'https://mcp.timeout.invalid/mcp' },
          broken: { command: 'false' },
          refused: { url: 'https://ok.example/mcp', headers: { 'X-Key': 'bad-key' } },
          draft: { description: 'no command, no url yet' },
        },
      },
      ...options,
    });

  it('202 {test_id, status: running}; the run is running for mcpTestMs, then succeeded with its tools', async () => {
    const t = await tenantWith();
    const started = await t.post('/api/v1/settings/mcp/servers/docs/test', '');
    assert.equal(started.status, 202);
    assert.deepEqual(Object.keys(started.json), ['test_id', 'status']);
    assert.equal(started.json.status, 'running');
    const path = `/api/v1/settings/mcp/test-runs/${started.json.test_id}`;
    const running = (await t.get(path)).json;
    assert.deepEqual(
      [running.status, running.server_id, running.transport, running.finished_at],
      ['running', 'docs', 'shttp', null],
    );
    await sleep(200);
    const done = (await t.get(path)).json;
    assert.deepEqual([done.status, done.category, done.tool_count, done.latency_ms], ['succeeded', null, 2, 150]);
    assert.equal(typeof done.finished_at, 'string');
  });

  it('fails by the convention: connection (*.invalid, `false`), timeout (*.timeout.invalid), authentication (bad…)', async () => {
    const t = await tenantWith({ mcpTestMs: 0 });
    for (const [id, category, transport] of /** @type {[string, string, string][]} */ ([
      ['down', 'connection', 'shttp'],
      ['broken', 'connection', 'stdio'],
      ['slow', 'timeout', 'shttp'],
      ['refused', 'authentication', 'shttp'],
    ])) {
      const { test_id } = (await t.post(`/api/v1/settings/mcp/servers/${id}/test`, '')).json;
      const run = (await t.get(`/api/v1/settings/mcp/test-runs/${test_id}`)).json;
      assert.deepEqual(
        [run.status, run.category, run.transport, run.tool_count],
        ['failed', category, transport, null],
        id,
      );
      assert.equal(typeof run.message, 'string');
    }
  });

  it('404 without settings or for an unknown server; 400 for a server with neither command nor url', async () => {
    const none = await v1({ settings: null });
    assert.deepEqual((await none.post('/api/v1/settings/mcp/servers/docs/test', '')).json, {
      detail: 'Settings not found',
    });
    const t = await tenantWith();
    const unknown = await t.post('/api/v1/settings/mcp/servers/nope/test', '');
    assert.deepEqual([unknown.status, unknown.json], [404, { detail: "MCP server 'nope' not found" }]);
    const draft = await t.post('/api/v1/settings/mcp/servers/draft/test', '');
    assert.equal(draft.status, 400);
    assert.equal(typeof draft.json.detail, 'string');
  });

  it('an unknown test run is 404 {"detail": "Test run not found"}', async () => {
    const t = await tenantWith();
    const reply = await t.get('/api/v1/settings/mcp/test-runs/00000000-0000-0000-0000-000000000000');
    assert.deepEqual([reply.status, reply.json], [404, { detail: 'Test run not found' }]);
  });

  it('a second test while one runs gives the running one', async () => {
    const t = await tenantWith();
    const first = (await t.post('/api/v1/settings/mcp/servers/docs/test', '')).json;
    const second = (await t.post('/api/v1/settings/mcp/servers/docs/test', '')).json;
    assert.equal(second.test_id, first.test_id);
  });

  it('health reads unknown, then testing, then healthy (or unhealthy)', async () => {
    const t = await tenantWith();
    const health = async (/** @type {string} */ id) => (await t.get(`/api/v1/settings/mcp/servers/${id}/health`)).json;
    assert.equal((await health('docs')).status, 'unknown');
    const { test_id } = (await t.post('/api/v1/settings/mcp/servers/docs/test', '')).json;
    await t.post('/api/v1/settings/mcp/servers/down/test', '');
    assert.deepEqual([(await health('docs')).status, (await health('docs')).test_id], ['testing', test_id]);
    await sleep(200);
    assert.deepEqual([(await health('docs')).status, (await health('down')).status], ['healthy', 'unhealthy']);
  });
});
