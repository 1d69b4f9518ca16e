// @ts-check
// The settings store, apart from the token store (docs/CONTRACT.md, "Two stores"): POST /api/settings
// replaces the record with 0.53.0's carry-over of five fields, validates mcp_config as
// add-git-providers does, never touches tokens; GET /api/settings is 404 whenever there is no
// record; the operator's config.toml servers come first in answers; unset-provider-tokens.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { control, createTenant, send, useServer } from '../testing/harness.js';

const server = useServer();
const KEY = 'settings-session-key';
const AUTH = { 'content-type': 'application/json', 'x-session-api-key': KEY };

const STORED = {
  language: 'de',
  agent: 'CodeActAgent',
  max_iterations: 100,
  confirmation_mode: true,
  llm_model: 'anthropic/claude-sonnet-4-20250514',
  llm_api_key: 'sk-llm-stored',
  llm_base_url: 'https://llm.example.com',
  search_api_key: 'tvly-stored',
  sandbox_api_key: 'sandbox-stored',
  user_consents_to_analytics: true,
  git_user_name: 'octo',
  git_user_email: 'octo@example.com',
  mcp_config: {
    sse_servers: [{ url: 'https://stored.example.com/sse', api_key: 'sse-key' }],
    stdio_servers: [],
    shttp_servers: [],
  },
};

/** @param {object} [options] */
async function tenant(options = {}) {
  const created = await createTenant(server.url, { sessionKey: KEY, ...options });
  return {
    ...created,
    /** @param {unknown} body @param {Record<string, string>} [headers] */
    store: (body, headers = AUTH) =>
      send(`${created.base}/api/settings`, { method: 'POST', headers, body: JSON.stringify(body) }),
    read: () => send(`${created.base}/api/settings`, { headers: { 'x-session-api-key': KEY } }),
    /** @param {unknown} body */
    tokens: (body) =>
      send(`${created.base}/api/add-git-providers`, { method: 'POST', headers: AUTH, body: JSON.stringify(body) }),
    state: () => control(server.url, 'GET', `/tenants/${created.id}`),
  };
}

describe('POST /api/settings', () => {
  it('replaces the record: five fields are carried over when null or absent, every other absent field goes back to its default', async () => {
    const t = await tenant({ settings: STORED, provider_tokens: { github: { token: 'ghp_stored', host: null } } });
    const reply = await t.store({ mcp_config: null, llm_api_key: null });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.json, { message: 'Settings stored' });
    const { settings, provider_tokens } = await t.state();
    // Carried over.
    assert.equal(settings.llm_api_key, 'sk-llm-stored');
    assert.equal(settings.llm_model, 'anthropic/claude-sonnet-4-20250514');
    assert.equal(settings.llm_base_url, 'https://llm.example.com');
    assert.equal(settings.search_api_key, 'tvly-stored');
    assert.equal(settings.user_consents_to_analytics, true);
    // Back to the defaults: what the 0.53.0 page and "send only mcp_config" clients lost.
    assert.equal(settings.language, null);
    assert.equal(settings.agent, null);
    assert.equal(settings.max_iterations, null);
    assert.equal(settings.confirmation_mode, false);
    assert.equal(settings.git_user_name, null);
    assert.equal(settings.git_user_email, null);
    assert.equal(settings.sandbox_api_key, null, 'sandbox_api_key is not carried over');
    assert.equal(settings.mcp_config, null);
    // Tokens are in another store.
    assert.equal(provider_tokens.github.token, 'ghp_stored');
  });

  const CARRIED = /** @type {const} */ ([
    'llm_api_key',
    'llm_model',
    'llm_base_url',
    'search_api_key',
    'user_consents_to_analytics',
  ]);
  for (const name of CARRIED) {
    it(`carries ${name} over when the body has it null or absent, and takes a value sent`, async () => {
      const t = await tenant({ settings: STORED });
      assert.equal((await t.store({ [name]: null })).status, 200);
      assert.deepEqual((await t.state()).settings[name], STORED[name], 'null: kept');
      assert.equal((await t.store({ language: 'en' })).status, 200);
      assert.deepEqual((await t.state()).settings[name], STORED[name], 'absent: kept');
      const value = name === 'user_consents_to_analytics' ? false : `new-${name}`;
      assert.equal((await t.store({ [name]: value })).status, 200);
      assert.deepEqual((await t.state()).settings[name], value, 'sent: replaced');
    });
  }

  it("every other field absent from the body goes back to 0.53.0's default (null, or the toggles' defaults)", async () => {
    const full = {
      ...STORED,
      security_analyzer: 'invariant',
      remote_runtime_resource_factor: 4,
      enable_default_condenser: false,
      enable_sound_notifications: true,
      enable_proactive_conversation_starters: false,
      sandbox_base_container_image: 'base:1',
      sandbox_runtime_container_image: 'runtime:1',
      max_budget_per_task: 12.5,
      email: 'me@example.com',
      email_verified: true,
    };
    const t = await tenant({ settings: full });
    assert.equal((await t.store({})).status, 200);
    const { settings } = await t.state();
    assert.deepEqual(settings, {
      language: null,
      agent: null,
      max_iterations: null,
      security_analyzer: null,
      confirmation_mode: false,
      llm_model: STORED.llm_model,
      llm_api_key: STORED.llm_api_key,
      llm_base_url: STORED.llm_base_url,
      remote_runtime_resource_factor: 1,
      enable_default_condenser: true,
      enable_sound_notifications: false,
      enable_proactive_conversation_starters: true,
      user_consents_to_analytics: STORED.user_consents_to_analytics,
      sandbox_base_container_image: null,
      sandbox_runtime_container_image: null,
      mcp_config: null,
      search_api_key: STORED.search_api_key,
      sandbox_api_key: null,
      max_budget_per_task: null,
      email: null,
      email_verified: null,
      git_user_name: null,
      git_user_email: null,
    });
  });

  it('an empty string is a value for the carried fields too; sandbox_api_key sent null is stored null', async () => {
    const t = await tenant({ settings: STORED });
    assert.equal((await t.store({ llm_model: '', llm_api_key: '', sandbox_api_key: null })).status, 200);
    const { settings } = await t.state();
    assert.equal(settings.llm_model, '');
    assert.equal(settings.llm_api_key, '');
    assert.equal(settings.sandbox_api_key, null);
    const read = (await t.read()).json;
    assert.equal(read.llm_api_key_set, false, 'an empty key is not set');
    assert.equal((await t.store({ sandbox_api_key: 'sandbox-new' })).status, 200);
    assert.equal((await t.state()).settings.sandbox_api_key, 'sandbox-new');
  });

  it('an empty string is a value: search_api_key "" erases the stored key', async () => {
    const t = await tenant({ settings: STORED });
    assert.equal((await t.store({ search_api_key: '' })).status, 200);
    assert.equal((await t.state()).settings.search_api_key, '');
  });

  it('the read-modify-write keeps everything but the sandbox key', async () => {
    const t = await tenant({ settings: STORED });
    const read = (await t.read()).json;
    const body = Object.fromEntries(Object.entries(read).filter(([key]) => !key.endsWith('_set')));
    body.mcp_config = {
      sse_servers: [],
      stdio_servers: [{ name: 'fetch', command: 'uvx', args: [], env: {} }],
      shttp_servers: [],
    };
    assert.equal((await t.store(body)).status, 200);
    const { settings } = await t.state();
    const { sandbox_api_key, mcp_config, ...rest } = settings;
    const { sandbox_api_key: _s, mcp_config: _m, ...expected } = { ...STORED, remote_runtime_resource_factor: 1 };
    for (const [key, value] of Object.entries(expected)) assert.deepEqual(rest[key], value, key);
    assert.equal(sandbox_api_key, null);
    assert.deepEqual(mcp_config.stdio_servers, [{ name: 'fetch', command: 'uvx', args: [], env: {} }]);
  });

  it('validates mcp_config as add-git-providers does, with locs under ["body", "mcp_config"]', async () => {
    const t = await tenant({ settings: STORED });
    const reply = await t.store({
      mcp_config: { sse_servers: [{ url: ' ' }], stdio_servers: [{ name: 'a b', command: 'x' }], mcpServers: {} },
    });
    assert.equal(reply.status, 422);
    assert.deepEqual(
      reply.json.detail.map((/** @type {{ loc: unknown[], msg: string }} */ e) => [e.loc, e.msg]),
      [
        [['body', 'mcp_config', 'sse_servers', 0, 'url'], 'Value error, URL cannot be empty'],
        [
          ['body', 'mcp_config', 'stdio_servers', 0, 'name'],
          'Value error, Server name can only contain letters, numbers, hyphens, and underscores',
        ],
        [['body', 'mcp_config', 'mcpServers'], 'Extra inputs are not permitted'],
      ],
    );
    assert.equal((await t.state()).settings.language, 'de', 'nothing stored');
  });

  it("answers a wrong type per field with pydantic v2 lax mode's type, message and loc, in field order", async () => {
    const t = await tenant({ settings: STORED });
    const reply = await t.store({
      git_user_email: ['a@example.com'],
      language: 5,
      confirmation_mode: 'maybe',
      max_iterations: 1.5,
      enable_default_condenser: null,
      enable_sound_notifications: 2,
      remote_runtime_resource_factor: 'two',
      llm_api_key: 42,
      max_budget_per_task: 'lots',
      email_verified: {},
      security_analyzer: true,
      sandbox_api_key: null,
    });
    assert.equal(reply.status, 422);
    assert.deepEqual(
      reply.json.detail.map((/** @type {{ type: string, loc: unknown[], msg: string }} */ e) => [e.loc, e.type, e.msg]),
      [
        [['body', 'language'], 'string_type', 'Input should be a valid string'],
        [
          ['body', 'max_iterations'],
          'int_from_float',
          'Input should be a valid integer, got a number with a fractional part',
        ],
        [['body', 'security_analyzer'], 'string_type', 'Input should be a valid string'],
        [['body', 'confirmation_mode'], 'bool_parsing', 'Input should be a valid boolean, unable to interpret input'],
        [['body', 'llm_api_key'], 'string_type', 'Input should be a valid string'],
        [
          ['body', 'remote_runtime_resource_factor'],
          'int_parsing',
          'Input should be a valid integer, unable to parse string as an integer',
        ],
        [['body', 'enable_default_condenser'], 'bool_type', 'Input should be a valid boolean'],
        [
          ['body', 'enable_sound_notifications'],
          'bool_parsing',
          'Input should be a valid boolean, unable to interpret input',
        ],
        [
          ['body', 'max_budget_per_task'],
          'float_parsing',
          'Input should be a valid number, unable to parse string as a number',
        ],
        [['body', 'email_verified'], 'bool_type', 'Input should be a valid boolean'],
        [['body', 'git_user_email'], 'string_type', 'Input should be a valid string'],
      ],
    );
    assert.deepEqual(reply.json.detail[0].input, 5, 'input echoes the value');
    assert.equal((await t.state()).settings.language, 'de', 'nothing stored');
  });

  for (const [what, sent, expected] of /** @type {[string, string, Record<string, unknown>][]} */ ([
    [
      'booleans from the strings, 0/1 and 0.0/1.0 pydantic accepts',
      '{"confirmation_mode": "YES", "enable_default_condenser": "off", "enable_sound_notifications": 1, "user_consents_to_analytics": 0.0, "email_verified": "t"}',
      {
        confirmation_mode: true,
        enable_default_condenser: false,
        enable_sound_notifications: true,
        user_consents_to_analytics: false,
        email_verified: true,
      },
    ],
    [
      'integers from numeric strings, whole floats and booleans',
      '{"max_iterations": "7", "remote_runtime_resource_factor": 2.0}',
      { max_iterations: 7, remote_runtime_resource_factor: 2 },
    ],
    [
      'integers with a sign, .000 or underscores',
      '{"max_iterations": "+1_000", "remote_runtime_resource_factor": "3.000"}',
      { max_iterations: 1000, remote_runtime_resource_factor: 3 },
    ],
    ['an integer from true', '{"max_iterations": true}', { max_iterations: 1 }],
    ['numbers from integers, strings and booleans', '{"max_budget_per_task": 2}', { max_budget_per_task: 2 }],
    ['a number from a string in exponent form', '{"max_budget_per_task": "1.5e1"}', { max_budget_per_task: 15 }],
    ['a number from false', '{"max_budget_per_task": false}', { max_budget_per_task: 0 }],
    [
      'NaN and infinities (stored as the file store writes them: null)',
      '{"max_budget_per_task": "inf"}',
      { max_budget_per_task: null },
    ],
    ['NaN as JSON', '{"max_budget_per_task": NaN}', { max_budget_per_task: null }],
    [
      'null where the field is Optional',
      '{"max_iterations": null, "confirmation_mode": null, "email": null}',
      { max_iterations: null, confirmation_mode: null, email: null },
    ],
  ])) {
    it(`takes what lax mode takes: ${what}`, async () => {
      const t = await tenant({ settings: STORED });
      const reply = await send(`${t.base}/api/settings`, { method: 'POST', headers: AUTH, body: sent });
      assert.equal(reply.status, 200, reply.text);
      const { settings } = await t.state();
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(settings[key], value, key);
      assert.equal((await t.read()).status, 200, 'and the answer can be written');
    });
  }

  it('a 422 that would echo Infinity (finite_number) is the plain-text 500 Starlette gives', async () => {
    const t = await tenant({ settings: STORED });
    const reply = await send(`${t.base}/api/settings`, {
      method: 'POST',
      headers: AUTH,
      body: '{"max_iterations": Infinity}',
    });
    assert.deepEqual([reply.status, reply.text], [500, 'Internal Server Error']);
  });

  for (const [sent, type] of /** @type {[string, string][]} */ ([
    ['{"max_iterations": "1.5"}', 'int_parsing'],
    ['{"max_iterations": "1__0"}', 'int_parsing'],
    ['{"max_iterations": 1e300}', 'int_parsing_size'],
    ['{"max_iterations": [1]}', 'int_type'],
    ['{"max_budget_per_task": null, "remote_runtime_resource_factor": {}}', 'int_type'],
    ['{"max_budget_per_task": [2]}', 'float_type'],
    ['{"max_budget_per_task": "0x10"}', 'float_parsing'],
    ['{"confirmation_mode": 0.5}', 'bool_type'],
    ['{"confirmation_mode": 2.0}', 'bool_parsing'],
    ['{"confirmation_mode": 99999999999999999999}', 'bool_type'],
    ['{"confirmation_mode": ""}', 'bool_parsing'],
    ['{"language": false}', 'string_type'],
    ['{"search_api_key": {"secret": "x"}}', 'string_type'],
  ])) {
    it(`refuses ${sent} with ${type}`, async () => {
      const t = await tenant({ settings: STORED });
      const reply = await send(`${t.base}/api/settings`, { method: 'POST', headers: AUTH, body: sent });
      assert.equal(reply.status, 422, reply.text);
      assert.deepEqual(
        reply.json.detail.map((/** @type {{ type: string }} */ e) => e.type),
        [type],
      );
    });
  }

  it('ignores unknown and read-only keys; answers 401, json_invalid and a non-object like add-git-providers', async () => {
    const t = await tenant({ settings: STORED });
    assert.equal(
      (await t.store({ provider_tokens_set: { github: null }, llm_api_key_set: true, whatever: 1 })).status,
      200,
    );
    assert.equal((await t.store({}, { 'content-type': 'application/json' })).status, 401);
    const bad = await send(`${t.base}/api/settings`, { method: 'POST', headers: AUTH, body: '{"language": ' });
    assert.equal(bad.status, 422);
    assert.equal(bad.json.detail[0].type, 'json_invalid');
    const list = await t.store([1]);
    assert.equal(list.status, 422);
    assert.equal(list.json.detail[0].type, 'model_attributes_type');
  });

  it('checks the session key before the body: a bad body without the key is a 401', async () => {
    const t = await tenant({ settings: STORED });
    const reply = await t.store(
      { language: 5, mcp_config: { sse_servers: [{ url: '' }] } },
      { 'content-type': 'application/json', 'x-session-api-key': 'wrong' },
    );
    assert.deepEqual([reply.status, reply.json], [401, { detail: 'Unauthorized' }]);
    assert.equal((await t.state()).settings.language, 'de');
  });

  it('decodes the body as add-git-providers does: no body, bytes that are not UTF-8, a body that is not JSON', async () => {
    const t = await tenant({ settings: STORED });
    const url = `${t.base}/api/settings`;
    const none = await send(url, { method: 'POST', headers: { 'x-session-api-key': KEY } });
    assert.deepEqual(
      [none.status, none.json],
      [422, { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] }],
    );
    const bytes = await send(url, { method: 'POST', headers: AUTH, body: Buffer.from([0x7b, 0xff, 0x7d]) });
    assert.deepEqual([bytes.status, bytes.json], [400, { detail: 'There was an error parsing the body' }]);
    const text = await send(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-session-api-key': KEY },
      body: '{"language": "en"}',
    });
    assert.equal(text.status, 422);
    assert.deepEqual(text.json.detail, [
      {
        type: 'model_attributes_type',
        loc: ['body'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: '{"language": "en"}',
      },
    ]);
    const invalid = await send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"language": ',
    });
    assert.equal(invalid.status, 422, 'json_invalid comes before the session key check');
    assert.deepEqual(invalid.json.detail[0].loc, ['body', 13]);
  });

  it('stores mcp_config normalised as validated (a bare URL is a server; args, env and api_key filled in)', async () => {
    const t = await tenant({ settings: STORED });
    const reply = await t.store({
      mcp_config: {
        sse_servers: ['https://a.example/sse'],
        stdio_servers: [{ name: 'n', command: 'c', args: 'x "y z"', extra: 1 }],
      },
    });
    assert.equal(reply.status, 200);
    assert.deepEqual((await t.state()).mcp_config, {
      sse_servers: [{ url: 'https://a.example/sse', api_key: null }],
      stdio_servers: [{ name: 'n', command: 'c', args: ['x', 'y z'], env: {} }],
      shttp_servers: [],
    });
    assert.deepEqual((await t.read()).json.mcp_config, (await t.state()).mcp_config);
  });

  it('an mcp_config that crashes a 0.53.0 validator is the plain-text 500, nothing stored', async () => {
    const t = await tenant({ settings: STORED });
    const reply = await t.store({ language: 'fr', mcp_config: { shttp_servers: [{ url: null }] } });
    assert.deepEqual([reply.status, reply.text], [500, 'Internal Server Error']);
    assert.equal((await t.state()).settings.language, 'de');
  });

  it('on a server without settings it makes a record of only what was sent (the client must not)', async () => {
    const t = await tenant({ settings: null });
    assert.equal((await t.read()).status, 404);
    assert.equal((await t.store({ mcp_config: null, language: 'en' })).status, 200);
    const reply = await t.read();
    assert.equal(reply.status, 200);
    assert.equal(reply.json.llm_model, null);
    assert.equal(reply.json.llm_api_key_set, false);
    const { settings, hasSettings } = await t.state();
    assert.equal(hasSettings, true);
    const defaults = (await control(server.url, 'GET', `/tenants/${(await createTenant(server.url)).id}`)).settings;
    assert.deepEqual(settings, { ...defaults, language: 'en' }, 'the defaults and what was sent, nothing else');
  });
});

describe('GET /api/settings and the token store', () => {
  it('404 with tokens stored and no settings; add-git-providers never makes a record, POST settings never touches tokens', async () => {
    const t = await tenant({ settings: null, provider_tokens: { github: { token: 'ghp_stored', host: null } } });
    assert.deepEqual((await t.read()).json, { error: 'Settings not found' });
    assert.equal(
      (await t.tokens({ provider_tokens: { github: { token: null }, gitlab: { token: 'glpat-x' } } })).status,
      200,
    );
    assert.equal((await t.read()).status, 404);
    assert.equal((await t.store({ language: 'en' })).status, 200);
    const reply = await t.read();
    assert.deepEqual(reply.json.provider_tokens_set, { github: null, gitlab: null });
    const state = await t.state();
    assert.equal(state.provider_tokens.github.token, 'ghp_stored');
  });

  it('the answer masks every secret and says which are set', async () => {
    const t = await tenant({ settings: STORED });
    const reply = await t.read();
    assert.equal(reply.json.llm_api_key, null);
    assert.equal(reply.json.search_api_key, null);
    assert.equal(reply.json.sandbox_api_key, null);
    assert.equal(reply.json.llm_api_key_set, true);
    assert.equal(reply.json.search_api_key_set, true);
    assert.doesNotMatch(reply.text, /stored'?"?$|sk-llm-stored|tvly-stored|sandbox-stored/);
    assert.deepEqual(reply.json.mcp_config, STORED.mcp_config, 'MCP API keys come back in full');
  });

  it('answers every settings field, the three keys null, the *_set flags and provider_tokens_set from the token store', async () => {
    const t = await tenant({
      settings: STORED,
      provider_tokens: {
        gitlab: { token: 'glpat-x', host: 'gitlab.example.com' },
        github: { token: 'ghp_x', host: null, user_id: 'u' },
      },
    });
    const reply = await t.read();
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-type'], 'application/json');
    assert.deepEqual(Object.keys(reply.json), [
      'language',
      'agent',
      'max_iterations',
      'security_analyzer',
      'confirmation_mode',
      'llm_model',
      'llm_api_key',
      'llm_base_url',
      'remote_runtime_resource_factor',
      'enable_default_condenser',
      'enable_sound_notifications',
      'enable_proactive_conversation_starters',
      'user_consents_to_analytics',
      'sandbox_base_container_image',
      'sandbox_runtime_container_image',
      'mcp_config',
      'search_api_key',
      'sandbox_api_key',
      'max_budget_per_task',
      'email',
      'email_verified',
      'git_user_name',
      'git_user_email',
      'provider_tokens_set',
      'llm_api_key_set',
      'search_api_key_set',
    ]);
    assert.deepEqual(reply.json.provider_tokens_set, { gitlab: 'gitlab.example.com', github: null });
    assert.doesNotMatch(reply.text, /glpat-x|ghp_x/);
    const bare = await tenant({});
    assert.deepEqual((await bare.read()).json.provider_tokens_set, {});
    assert.deepEqual(
      [(await bare.read()).json.llm_api_key_set, (await bare.read()).json.search_api_key_set],
      [false, false],
    );
  });

  it('checks the session key (401 detail), then the record (404 error)', async () => {
    const t = await tenant({ settings: null });
    const noKey = await send(`${t.base}/api/settings`);
    assert.deepEqual([noKey.status, noKey.json], [401, { detail: 'Unauthorized' }]);
    const reply = await t.read();
    assert.deepEqual([reply.status, reply.json], [404, { error: 'Settings not found' }]);
  });

  it("the operator's config.toml servers come first in the answer, not de-duplicated, and are not stored", async () => {
    const operator = {
      sse_servers: [{ url: 'https://operator.example.com/sse', api_key: null }],
      stdio_servers: [],
      shttp_servers: [],
    };
    const t = await tenant({ settings: STORED, operatorMcpConfig: operator });
    const first = (await t.read()).json.mcp_config.sse_servers.map((/** @type {{ url: string }} */ s) => s.url);
    assert.deepEqual(first, ['https://operator.example.com/sse', 'https://stored.example.com/sse']);
    assert.equal((await t.state()).mcp_config.sse_servers.length, 1);
    // A client that stores what it read stores the operator's server as its own: it then shows twice.
    const read = (await t.read()).json;
    assert.equal((await t.store({ ...read, llm_api_key: null, search_api_key: null })).status, 200);
    const twice = (await t.read()).json.mcp_config.sse_servers.map((/** @type {{ url: string }} */ s) => s.url);
    assert.deepEqual(twice, [
      'https://operator.example.com/sse',
      'https://operator.example.com/sse',
      'https://stored.example.com/sse',
    ]);
  });

  it("operator servers with nothing stored are the answer's mcp_config; without a record the answer is still 404", async () => {
    const operator = {
      sse_servers: [],
      stdio_servers: [{ name: 'op', command: 'uvx', args: [], env: { K: 'v' } }],
      shttp_servers: [{ url: 'https://op.example.com/mcp', api_key: 'op-key' }],
    };
    const t = await tenant({ operatorMcpConfig: operator });
    assert.deepEqual((await t.read()).json.mcp_config, operator);
    assert.equal((await t.state()).mcp_config, null, 'not stored');
    assert.deepEqual((await t.state()).operatorMcpConfig, operator);
    const none = await tenant({ settings: null, operatorMcpConfig: operator });
    assert.equal((await none.read()).status, 404);
  });

  it('POST /api/unset-provider-tokens wipes the token store only', async () => {
    const t = await tenant({ settings: STORED, provider_tokens: { github: { token: 'ghp_stored', host: null } } });
    const reply = await send(`${t.base}/api/unset-provider-tokens`, { method: 'POST', headers: AUTH });
    assert.deepEqual([reply.status, reply.json], [200, { message: 'Unset Git provider tokens' }]);
    const state = await t.state();
    assert.deepEqual(state.provider_tokens, {});
    assert.equal(state.settings.language, 'de');
    assert.equal((await send(`${t.base}/api/unset-provider-tokens`, { method: 'POST' })).status, 401);
  });

  it('unset-provider-tokens on a tenant without settings: 200, and GET still 404 (no record made)', async () => {
    const t = await tenant({ settings: null, provider_tokens: { github: { token: 'ghp_stored', host: null } } });
    const reply = await send(`${t.base}/api/unset-provider-tokens`, {
      method: 'POST',
      headers: { 'x-session-api-key': KEY },
    });
    assert.equal(reply.status, 200);
    const state = await t.state();
    assert.deepEqual([state.provider_tokens, state.hasSettings, state.settings], [{}, false, null]);
    assert.equal((await t.read()).status, 404);
  });

  it('the request log has every request of the three endpoints, with their bodies', async () => {
    const t = await tenant({ settings: STORED });
    await t.read();
    await t.store({ language: 'en' });
    await send(`${t.base}/api/unset-provider-tokens`, { method: 'POST', headers: AUTH });
    await t.tokens({ provider_tokens: {} });
    const log = await control(server.url, 'GET', `/tenants/${t.id}/requests`);
    assert.deepEqual(
      log.map(
        (/** @type {{ method: string, path: string }} */ r) =>
          `${r.method} ${r.path.slice(t.base.length - server.url.length)}`,
      ),
      ['GET /api/settings', 'POST /api/settings', 'POST /api/unset-provider-tokens', 'POST /api/add-git-providers'],
    );
    assert.deepEqual(log[1].body, { language: 'en' });
    const settingsOnly = await control(server.url, 'GET', `/tenants/${t.id}/requests?method=POST&path=/api/settings`);
    assert.equal(settingsOnly.length, 1);
  });
});

describe('tenant options and scripted answers', () => {
  it('settings fields are type-checked; unknown keys fail; PATCH changes only what it names', async () => {
    await assert.rejects(createTenant(server.url, { settings: { language: 5 } }), /wrong type/);
    await assert.rejects(createTenant(server.url, { settings: { langauge: 'en' } }), /unknown key .{0,2}langauge/);
    const t = await tenant({ settings: STORED });
    await control(server.url, 'PATCH', `/tenants/${t.id}`, { settings: { language: 'fr' } });
    const state = await t.state();
    assert.equal(state.settings.language, 'fr');
    assert.equal(state.settings.llm_model, STORED.llm_model);
    await control(server.url, 'PATCH', `/tenants/${t.id}`, {
      settings: null,
      provider_tokens: { gitlab: { token: 'glpat-x' } },
    });
    const after = await t.state();
    assert.equal(after.hasSettings, false);
    assert.deepEqual(Object.keys(after.provider_tokens), ['gitlab']);
  });

  it('a scripted answer with a method and a path is taken only by a matching request; others go to the real logic', async () => {
    const t = await tenant({ settings: STORED });
    await control(server.url, 'POST', `/tenants/${t.id}/script`, {
      responses: [
        {
          method: 'POST',
          path: '/api/settings',
          status: 500,
          body: { error: 'Something went wrong storing settings' },
        },
      ],
    });
    assert.equal((await t.read()).status, 200);
    assert.equal((await t.tokens({ provider_tokens: {} })).status, 200);
    const failed = await t.store({ language: 'en' });
    assert.deepEqual([failed.status, failed.json], [500, { error: 'Something went wrong storing settings' }]);
    assert.equal((await t.store({ language: 'en' })).status, 200);
    await assert.rejects(
      control(server.url, 'POST', `/tenants/${t.id}/script`, { responses: [{ path: 'settings' }] }),
      /path must be an API path/,
    );
    await assert.rejects(
      control(server.url, 'POST', `/tenants/${t.id}/script`, { responses: [{ method: 'post' }] }),
      /method/,
    );
  });
});
