// @ts-check
// An agent-server tenant (`api: 'agent-server'`): the software-agent-sdk's routes under /api
// (CURRENT-SERVERS §2), in its three variants: `merge-patch` (newest), `nested-delete`, `deep-merge`.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { control, createTenant, send, useServer } from '../testing/harness.js';

const server = useServer();
const KEY = 'agent-session-key';
const AUTH = { 'content-type': 'application/json', 'x-session-api-key': KEY };
const MASK = '**********';

/** @param {object} [options] */
async function agent(options = {}) {
  const created = await createTenant(server.url, { api: 'agent-server', sessionKey: KEY, ...options });
  const at = (/** @type {string} */ path) => `${created.base}${path}`;
  /** @param {string} method @param {string} path @param {unknown} [body] @param {Record<string, string>} [headers] */
  const call = (method, path, body, headers = AUTH) =>
    send(at(path), {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    ...created,
    call,
    get: (/** @type {string} */ path) => call('GET', path),
    /** @param {unknown} body */
    patch: (body) => call('PATCH', '/api/settings', body),
    /** @param {unknown} diff */
    patchMcp: (diff) => call('PATCH', '/api/settings', { agent_settings_diff: { mcp_config: diff } }),
    /** @param {unknown} body */
    test: (body) => call('POST', '/api/mcp/test', body),
    /** @returns {Promise<any>} */
    state: () => control(server.url, 'GET', `/tenants/${created.id}`),
  };
}

const DOCS = {
  url: 'https://docs.example/mcp',
  headers: { 'X-Env': 'prod' },
  auth: { strategy: 'bearer', value: 'tok' },
};
const FS = { command: 'npx', env: { API_KEY: 'fs-secret' } };

describe('agent-server: paths and auth', () => {
  it('only its own routes: V0 and V1 paths are 404 {"detail": "Not Found"}', async () => {
    const t = await agent();
    for (const path of ['/api/v1/settings', '/api/add-git-providers', '/api/v1/secrets/git-providers']) {
      assert.deepEqual((await t.call('POST', path, {})).json, { detail: 'Not Found' }, path);
    }
    assert.equal((await t.call('POST', '/api/settings', {})).status, 405);
  });

  it('X-Session-API-Key only: a right key as Bearer is 401', async () => {
    const t = await agent();
    assert.equal((await t.get('/api/settings')).status, 200);
    /** @type {Record<string, string>[]} */
    const wrong = [{}, { authorization: `Bearer ${KEY}` }, { 'x-session-api-key': 'nope' }];
    for (const headers of wrong) {
      const reply = await t.call('GET', '/api/settings', undefined, headers);
      assert.deepEqual([reply.status, reply.json], [401, { detail: 'Unauthorized' }]);
    }
  });
});

describe('agent-server: GET /api/settings', () => {
  it('never a 404: defaults when nothing was stored', async () => {
    const { json } = await (await agent()).get('/api/settings');
    assert.deepEqual(Object.keys(json), [
      'agent_settings',
      'conversation_settings',
      'llm_api_key_is_set',
      'active_profile',
      'active_agent_profile_id',
      'misc_settings',
    ]);
    assert.deepEqual([json.agent_settings.mcp_config, json.llm_api_key_is_set], [{}, false]);
  });

  it('masks secrets; the map is flat in merge-patch, wrapped in the older variants', async () => {
    const settings = { agent_settings: { llm: { api_key: 'sk-1' } }, mcp_config: { docs: DOCS, fs: FS } };
    const newest = (await (await agent({ settings })).get('/api/settings')).json;
    assert.equal(newest.agent_settings.llm.api_key, MASK);
    assert.equal(newest.llm_api_key_is_set, true);
    assert.deepEqual(newest.agent_settings.mcp_config, {
      docs: { url: DOCS.url, headers: { 'X-Env': MASK }, auth: { strategy: 'bearer', value: MASK } },
      fs: { command: 'npx', env: { API_KEY: MASK } },
    });
    const middle = (await (await agent({ variant: 'nested-delete', settings })).get('/api/settings')).json;
    assert.deepEqual(Object.keys(middle.agent_settings.mcp_config), ['mcpServers']);
  });

  it('deep-merge shows env and headers values as <redacted>, and has no profile fields', async () => {
    const t = await agent({ variant: 'deep-merge', settings: { mcp_config: { docs: DOCS, fs: FS } } });
    const { json } = await t.get('/api/settings');
    assert.deepEqual(Object.keys(json), ['agent_settings', 'conversation_settings', 'llm_api_key_is_set']);
    const { docs, fs } = json.agent_settings.mcp_config.mcpServers;
    assert.deepEqual(
      [docs.headers, docs.auth.value, fs.env],
      [{ 'X-Env': '<redacted>' }, MASK, { API_KEY: '<redacted>' }],
    );
  });
});

describe('agent-server: PATCH /api/settings', () => {
  it('merge-patch: {name: null} deletes one server, {name: {...}} merges into one; answers like GET', async () => {
    const t = await agent({ settings: { mcp_config: { docs: DOCS, fs: FS } } });
    const reply = await t.patchMcp({ fs: null, docs: { description: 'Docs' }, git: { url: 'https://git.example' } });
    assert.equal(reply.status, 200);
    assert.deepEqual(Object.keys(reply.json.agent_settings.mcp_config), ['docs', 'git']);
    assert.deepEqual((await t.state()).mcp_config, {
      docs: { ...DOCS, description: 'Docs' },
      git: { url: 'https://git.example' },
    });
  });

  it('merge-patch: a wrapped map is a server named mcpServers: refused', async () => {
    const t = await agent();
    const reply = await t.patchMcp({ mcpServers: { fs: FS } });
    assert.deepEqual([reply.status, reply.json], [422, { detail: 'Settings validation failed' }]);
  });

  it('nested-delete: a null inside the wrapped map deletes the server or one header', async () => {
    const t = await agent({ variant: 'nested-delete', settings: { mcp_config: { docs: DOCS, fs: FS } } });
    assert.equal((await t.patchMcp({ mcpServers: { fs: null, docs: { headers: { 'X-Env': null } } } })).status, 200);
    assert.deepEqual((await t.state()).mcp_config, { docs: { ...DOCS, headers: {} } });
  });

  it('wrapped variants ignore a flat map: 200, and nothing changes', async () => {
    const t = await agent({ variant: 'nested-delete', settings: { mcp_config: { fs: FS } } });
    assert.equal((await t.patchMcp({ git: { url: 'https://git.example' } })).status, 200);
    assert.deepEqual((await t.state()).mcp_config, { fs: FS });
  });

  it('deep-merge: a null is stored, so {name: null} fails validation with pydantic text, naming the place', async () => {
    const t = await agent({ variant: 'deep-merge', settings: { mcp_config: { fs: FS } } });
    const reply = await t.patchMcp({ mcpServers: { fs: null } });
    assert.equal(reply.status, 422);
    assert.equal(typeof reply.json.detail, 'string');
    assert.match(
      reply.json.detail,
      /^1 validation error for OpenHandsAgentSettings\nmcp_config\.mcpServers\.fs\n {2}Input should be/,
    );
    assert.deepEqual((await t.state()).mcp_config, { fs: FS });
  });

  it('deep-merge: mcp_config: null resets the map, then the whole map can be sent', async () => {
    const t = await agent({ variant: 'deep-merge', settings: { mcp_config: { fs: FS, docs: DOCS } } });
    assert.equal((await t.patchMcp(null)).status, 200);
    assert.equal((await t.state()).mcp_config, null);
    assert.equal((await t.patchMcp({ mcpServers: { fs: FS } })).status, 200);
    assert.deepEqual((await t.state()).mcp_config, { fs: FS });
  });

  it('an invalid server: deep-merge names it in pydantic text; newer variants say "Settings validation failed"', async () => {
    const bad = { url: 'ftp://docs.example' };
    const oldest = await (await agent({ variant: 'deep-merge' })).patchMcp({ mcpServers: { docs: bad } });
    assert.match(
      oldest.json.detail,
      /\nmcp_config\.mcpServers\.docs\.url\n {2}Value error, .*\[type=value_error, input_value='ftp:\/\/docs\.example', input_type=str\]/,
    );
    const middle = await (await agent({ variant: 'nested-delete' })).patchMcp({ mcpServers: { docs: bad } });
    assert.deepEqual([middle.status, middle.json], [422, { detail: 'Settings validation failed' }]);
  });

  for (const variant of ['merge-patch', 'nested-delete', 'deep-merge']) {
    it(`${variant}: a masked, empty or blank secret sent back DELETES it`, async () => {
      const wrap = (/** @type {object} */ m) => (variant === 'merge-patch' ? m : { mcpServers: m });
      const t = await agent({ variant, settings: { mcp_config: { docs: DOCS, fs: FS } } });
      const reply = await t.patchMcp(
        wrap({
          docs: { headers: { 'X-Env': MASK }, auth: { strategy: 'bearer', value: ' ' } },
          fs: { env: { API_KEY: '' } },
        }),
      );
      assert.equal(reply.status, 200);
      const { docs, fs } = (await t.state()).mcp_config;
      assert.deepEqual([docs.headers, docs.auth, fs.env], [{}, { strategy: 'bearer' }, {}]);
    });
  }

  it('deep-merge: <redacted> sent back is stored as the literal text', async () => {
    const t = await agent({ variant: 'deep-merge', settings: { mcp_config: { fs: FS } } });
    await t.patchMcp({ mcpServers: { fs: { env: { API_KEY: '<redacted>' } } } });
    assert.deepEqual((await t.state()).mcp_config.fs.env, { API_KEY: '<redacted>' });
  });

  it('`enabled` is taken by merge-patch only', async () => {
    const newest = await agent({ settings: { mcp_config: { fs: FS } } });
    assert.equal((await newest.patchMcp({ fs: { enabled: false } })).status, 200);
    assert.equal((await newest.state()).mcp_config.fs.enabled, false);
    const middle = await agent({ variant: 'nested-delete', settings: { mcp_config: { fs: FS } } });
    assert.equal((await middle.patchMcp({ mcpServers: { fs: { enabled: false } } })).status, 422);
  });

  it('no diff is a 400 with a string detail (its wording per variant)', async () => {
    const newest = await (await agent()).patch({ agent_settings_diff: null, other: 1 });
    assert.equal(newest.status, 400);
    assert.match(
      newest.json.detail,
      /^At least one of agent_settings_diff, conversation_settings_diff, misc_settings_diff/,
    );
    const oldest = await (await agent({ variant: 'deep-merge' })).patch({});
    assert.deepEqual(oldest.json, {
      detail: 'At least one of agent_settings_diff or conversation_settings_diff must be provided',
    });
  });

  it('a malformed body is a FastAPI 422 list, inputs through sanitize_dict', async () => {
    const t = await agent();
    const reply = await t.patch({ agent_settings_diff: 'x' });
    assert.deepEqual(reply.json, {
      detail: [
        {
          type: 'dict_type',
          loc: ['body', 'agent_settings_diff'],
          msg: 'Input should be a valid dictionary',
          input: 'x',
        },
      ],
    });
    const listed = await t.patch([{ env: { A: 'secret' }, api_key: 'k', name: 'n' }]);
    assert.deepEqual(listed.json.detail[0].input, [{ env: { A: '<redacted>' }, api_key: '<redacted>', name: 'n' }]);
    assert.equal((await t.patch('{')).json.detail[0].type, 'json_invalid');
  });

  it('other agent and conversation settings merge and survive an MCP patch', async () => {
    const t = await agent({ settings: { agent_settings: { llm: { model: 'm1', api_key: 'sk-1' } } } });
    await t.patch({ agent_settings_diff: { llm: { model: 'm2' } }, conversation_settings_diff: { max_iterations: 9 } });
    await t.patchMcp({ fs: FS });
    const { settings } = await t.state();
    assert.deepEqual(settings.agent_settings.llm, { model: 'm2', api_key: 'sk-1', base_url: null });
    assert.equal(settings.conversation_settings.max_iterations, 9);
  });
});

describe('agent-server: secrets', () => {
  it('PUT upserts and answers {name, description}; GET lists names; GET by name is the raw value', async () => {
    const t = await agent();
    const put = await t.call('PUT', '/api/settings/secrets', {
      name: 'github_token',
      value: 'ghp_1',
      description: 'GH',
    });
    assert.deepEqual([put.status, put.json], [200, { name: 'github_token', description: 'GH' }]);
    await t.call('PUT', '/api/settings/secrets', { name: 'github_token', value: 'ghp_2' });
    assert.deepEqual((await t.get('/api/settings/secrets')).json, {
      secrets: [{ name: 'github_token', description: null }],
    });
    const value = await t.get('/api/settings/secrets/github_token');
    assert.deepEqual(
      [value.status, value.text, value.headers['content-type']],
      [200, 'ghp_2', 'text/plain; charset=utf-8'],
    );
    assert.deepEqual((await t.state()).secrets, { github_token: { value: 'ghp_2', description: null } });
  });

  it('a bad name is a 422 with a string detail; a missing field a 422 list', async () => {
    const t = await agent();
    const bad = await t.call('PUT', '/api/settings/secrets', { name: '1password', value: 'x' });
    assert.equal(bad.status, 422);
    assert.match(bad.json.detail, /^Invalid secret name format/);
    assert.equal((await t.get('/api/settings/secrets/bad-name')).status, 422);
    const missing = await t.call('PUT', '/api/settings/secrets', { name: 'A' });
    assert.deepEqual(missing.json.detail[0].loc, ['body', 'value']);
  });

  it('DELETE answers {"deleted": true}, then 404 {"detail": "Secret not found"}', async () => {
    const t = await agent({ secrets: { GITHUB_TOKEN: 'ghp_1' } });
    assert.deepEqual((await t.call('DELETE', '/api/settings/secrets/GITHUB_TOKEN')).json, { deleted: true });
    const again = await t.call('DELETE', '/api/settings/secrets/GITHUB_TOKEN');
    assert.deepEqual([again.status, again.json], [404, { detail: 'Secret not found' }]);
    assert.equal((await t.get('/api/settings/secrets/GITHUB_TOKEN')).status, 404);
  });
});

describe('agent-server: POST /api/mcp/test', () => {
  it('always 200: {ok: true, tools} or {ok: false, error, error_kind}; stores nothing', async () => {
    const t = await agent();
    const ok = await t.test({ name: 'docs', server: { type: 'http', url: 'https://docs.example/mcp' } });
    assert.deepEqual([ok.status, ok.json], [200, { ok: true, tools: ['echo', 'get_time'] }]);
    for (const [server, kind] of /** @type {[object, string][]} */ ([
      [{ type: 'sse', url: 'https://down.invalid/sse' }, 'connection'],
      [{ type: 'stdio', command: 'false' }, 'connection'],
      [{ type: 'shttp', url: 'https://x.timeout.invalid/mcp' }, 'timeout'],
      [{ type: 'stdio', command: 'sleep' }, 'timeout'],
      [{ type: 'http', url: 'https://ok.example/mcp', auth: { strategy: 'bearer', value: 'bad' } }, 'connection'],
    ])) {
      const reply = await t.test({ server });
      assert.deepEqual([reply.status, reply.json.ok, reply.json.error_kind], [200, false, kind]);
      assert.equal(typeof reply.json.error, 'string');
    }
    assert.equal((await t.state()).mcp_config, null);
  });

  it('reports a requested tool call', async () => {
    const t = await agent();
    const reply = await t.test({ server: { type: 'stdio', command: 'uvx' }, tool_call: { name: 'echo' } });
    assert.deepEqual(reply.json.tool_result, { is_error: false, text: 'echo: ok' });
  });

  it('older variants: `transport` instead of `type` is refused (no tag; or an extra key)', async () => {
    const t = await agent({ variant: 'nested-delete' });
    const untagged = await t.test({ server: { transport: 'http', url: 'https://x.example' } });
    assert.deepEqual([untagged.status, untagged.json.detail[0].type], [422, 'union_tag_not_found']);
    const both = await t.test({ server: { type: 'http', transport: 'http', url: 'https://x.example' } });
    assert.deepEqual(both.json.detail[0].loc, ['body', 'server', 'http', 'transport']);
    assert.equal(both.json.detail[0].type, 'extra_forbidden');
  });

  it('merge-patch: a native {transport | command, ...} server is read as tagged', async () => {
    const t = await agent();
    assert.equal((await t.test({ server: { transport: 'sse', url: 'https://x.example/sse' } })).json.ok, true);
    assert.equal((await t.test({ server: { command: 'uvx' } })).json.ok, true);
  });

  it('refuses auth with an Authorization header, a timeout out of (0, 120], a bad name', async () => {
    const t = await agent();
    const conflict = await t.test({
      server: { type: 'http', url: 'https://x.example', headers: { Authorization: 'x' }, auth: { strategy: 'none' } },
    });
    assert.equal(conflict.status, 422);
    assert.match(conflict.json.detail[0].msg, /'auth' cannot be combined/);
    assert.equal((await t.test({ server: { command: 'c' }, timeout: 0 })).json.detail[0].type, 'greater_than');
    assert.equal((await t.test({ server: { command: 'c' }, timeout: 121 })).json.detail[0].type, 'less_than_equal');
    assert.equal((await t.test({ name: '', server: { command: 'c' } })).json.detail[0].type, 'string_too_short');
  });

  it('answers after the tenant mcpTestMs', async () => {
    const t = await agent({ mcpTestMs: 150 });
    const started = Date.now();
    await t.test({ server: { type: 'stdio', command: 'uvx' } });
    assert.ok(Date.now() - started >= 140);
  });
});
