// @ts-check
// Tenant options over OpenHands' two stores (the old `settings: { provider_tokens }` form and the
// new top-level `provider_tokens` / `operatorMcpConfig`), the tenant state, scripted answers
// matched by method and path, and the routes of the three endpoints.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createReferenceServer } from '../app.js';
import { control, createTenant, JSON_HEADERS, send, startServer, useServer } from '../testing/harness.js';

const server = useServer();

/** @param {string} id */
const state = (id) => control(server.url, 'GET', `/tenants/${id}`);
/** @param {string} base */
const read = (base) => send(`${base}/api/settings`);
/** @param {string} base @param {unknown} body */
const store = (base, body) =>
  send(`${base}/api/settings`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
/** @param {string} base @param {unknown} body */
const storeTokens = (base, body) =>
  send(`${base}/api/add-git-providers`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
/** @param {unknown} options */
const createReply = (options) =>
  send(`${server.url}/__control/tenants`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(options) });

const GITHUB = { github: { token: 'ghp_x', host: null } };

describe('tenant options: the two stores', () => {
  it('the old form settings: { provider_tokens } gives the tokens AND a default settings record (GET 200)', async () => {
    const { id, base } = await createTenant(server.url, { settings: { provider_tokens: GITHUB } });
    const tenant = await state(id);
    assert.equal(tenant.hasSettings, true);
    assert.deepEqual(tenant.provider_tokens, { github: { token: 'ghp_x', host: null, user_id: null } });
    const defaults = (await state((await createTenant(server.url)).id)).settings;
    assert.deepEqual(tenant.settings, defaults);
    const reply = await read(base);
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.json.provider_tokens_set, { github: null });
  });

  it('settings: null is no record and no tokens', async () => {
    const { id, base } = await createTenant(server.url, { settings: null });
    const tenant = await state(id);
    assert.deepEqual(
      [tenant.hasSettings, tenant.settings, tenant.mcp_config, tenant.provider_tokens],
      [false, null, null, {}],
    );
    assert.equal((await read(base)).status, 404);
  });

  it('settings: null with provider_tokens is "tokens stored, no settings": GET 404', async () => {
    const { id, base } = await createTenant(server.url, { settings: null, provider_tokens: GITHUB });
    const tenant = await state(id);
    assert.equal(tenant.hasSettings, false);
    assert.deepEqual(Object.keys(tenant.provider_tokens), ['github']);
    assert.deepEqual((await read(base)).json, { error: 'Settings not found' });
    // add-git-providers works on it and still makes no record.
    assert.equal((await storeTokens(base, { provider_tokens: { github: { token: null } } })).status, 200);
    assert.equal((await state(id)).hasSettings, false);
    assert.equal((await read(base)).status, 404);
  });

  it('provider_tokens alone: tokens and the default record; it wins over settings.provider_tokens', async () => {
    const alone = await createTenant(server.url, { provider_tokens: GITHUB });
    assert.equal((await read(alone.base)).status, 200);
    assert.deepEqual((await read(alone.base)).json.provider_tokens_set, { github: null });
    const both = await createTenant(server.url, {
      settings: { provider_tokens: { gitlab: { token: 'glpat-x' } } },
      provider_tokens: GITHUB,
    });
    assert.deepEqual(Object.keys((await state(both.id)).provider_tokens), ['github']);
  });

  it('settings takes every settings field, type-checked as the endpoint does; the keys show in the state, never in answers', async () => {
    const { id, base } = await createTenant(server.url, {
      settings: {
        language: 'en',
        agent: 'CodeActAgent',
        llm_model: 'anthropic/claude-sonnet-4-20250514',
        llm_api_key: 'sk-secret',
        search_api_key: 'tvly-secret',
        sandbox_api_key: 'sandbox-secret',
        git_user_name: 'octo',
        git_user_email: 'octo@example.com',
        confirmation_mode: 'true',
        max_iterations: '100',
        max_budget_per_task: 5,
        enable_sound_notifications: true,
      },
    });
    const { settings } = await state(id);
    assert.equal(settings.confirmation_mode, true);
    assert.equal(settings.max_iterations, 100);
    assert.equal(settings.llm_api_key, 'sk-secret');
    assert.equal(settings.search_api_key, 'tvly-secret');
    assert.equal(settings.sandbox_api_key, 'sandbox-secret');
    const reply = await read(base);
    assert.equal(reply.json.git_user_name, 'octo');
    assert.equal(reply.json.max_budget_per_task, 5);
    assert.doesNotMatch(reply.text, /secret/);
  });

  it('the tenant state has every key: the two stores, the record with its secrets, the operator servers', async () => {
    const operatorMcpConfig = { sse_servers: ['https://op.example.com/sse'] };
    const { id } = await createTenant(server.url, {
      provider_tokens: GITHUB,
      settings: { llm_api_key: 'sk-x' },
      operatorMcpConfig,
    });
    const tenant = await state(id);
    assert.deepEqual(Object.keys(tenant).sort(), [
      'baseUrl',
      'delayMs',
      'hasSettings',
      'id',
      'mcp_config',
      'operatorMcpConfig',
      'pendingResponses',
      'providerTypes',
      'provider_tokens',
      'requestCount',
      'sessionKey',
      'settings',
    ]);
    assert.equal(tenant.settings.llm_api_key, 'sk-x');
    assert.deepEqual(tenant.operatorMcpConfig, {
      sse_servers: [{ url: 'https://op.example.com/sse', api_key: null }],
      stdio_servers: [],
      shttp_servers: [],
    });
  });
});

describe('tenant options: strict', () => {
  for (const [what, options, message] of /** @type {[string, unknown, RegExp][]} */ ([
    ['provider_tokens that are not an object', { provider_tokens: [] }, /provider_tokens must be an object/],
    [
      'a provider_tokens entry with an unknown key',
      { provider_tokens: { github: { token: 'x', hots: 'h' } } },
      /unknown key "hots"/,
    ],
    [
      'a provider_tokens host that is not a string',
      { provider_tokens: { github: { token: 'x', host: 1 } } },
      /host must be a string/,
    ],
    ['a read-only answer field in settings', { settings: { llm_api_key_set: true } }, /unknown key "llm_api_key_set"/],
    ['provider_tokens_set in settings', { settings: { provider_tokens_set: {} } }, /unknown key "provider_tokens_set"/],
    ['a settings field of the wrong type', { settings: { git_user_name: 5 } }, /wrong type/],
    [
      'an operatorMcpConfig that is not valid',
      { operatorMcpConfig: { stdio_servers: [{ name: 'a b', command: 'c' }] } },
      /operatorMcpConfig is not valid/,
    ],
    [
      'an operatorMcpConfig with an unknown key',
      { operatorMcpConfig: { mcpServers: {} } },
      /operatorMcpConfig is not valid/,
    ],
    [
      'an operatorMcpConfig that would crash',
      { operatorMcpConfig: { sse_servers: 5 } },
      /operatorMcpConfig would crash/,
    ],
  ])) {
    it(`refuses ${what} with 400 {error}`, async () => {
      const reply = await createReply(options);
      assert.equal(reply.status, 400, reply.text);
      assert.match(reply.json.error, message);
    });
  }

  it('wrong settings fields and operator servers come with 422-style details', async () => {
    const fields = await createReply({ settings: { language: 5, enable_default_condenser: null } });
    assert.deepEqual(
      fields.json.detail.map((/** @type {{ type: string, loc: unknown[] }} */ e) => [e.type, e.loc]),
      [
        ['string_type', ['settings', 'language']],
        ['bool_type', ['settings', 'enable_default_condenser']],
      ],
    );
    const operator = await createReply({ operatorMcpConfig: { sse_servers: [{ url: ' ' }] } });
    assert.deepEqual(operator.json.detail[0].loc, ['operatorMcpConfig', 'sse_servers', 0, 'url']);
    assert.equal(operator.json.detail[0].msg, 'Value error, URL cannot be empty');
  });

  it('createReferenceServer takes the same options and throws a TypeError on wrong ones', async (t) => {
    assert.throws(() => createReferenceServer(/** @type {any} */ ({ operatorMcpConfig: [] })), TypeError);
    assert.throws(
      () => createReferenceServer(/** @type {any} */ ({ provider_tokens: { github: { tokn: 'x' } } })),
      /unknown key "tokn"/,
    );
    const started = await startServer(t, { settings: null, provider_tokens: GITHUB, operatorMcpConfig: null });
    assert.equal((await read(started.url)).status, 404);
    assert.deepEqual([...started.app.tenants.default.tokens.keys()], ['github']);
  });
});

describe('tenant options: PATCH and reset', () => {
  it('provider_tokens replaces the token store and leaves the record; settings: null removes the record and leaves the tokens', async () => {
    const { id, base } = await createTenant(server.url, { provider_tokens: GITHUB, settings: { language: 'de' } });
    let tenant = await control(server.url, 'PATCH', `/tenants/${id}`, {
      provider_tokens: { gitlab: { token: 'glpat-x', host: 'gl.example' } },
    });
    assert.deepEqual(tenant.provider_tokens, { gitlab: { token: 'glpat-x', host: 'gl.example', user_id: null } });
    assert.equal(tenant.settings.language, 'de');
    tenant = await control(server.url, 'PATCH', `/tenants/${id}`, { settings: null });
    assert.deepEqual([tenant.hasSettings, Object.keys(tenant.provider_tokens)], [false, ['gitlab']]);
    assert.equal((await read(base)).status, 404);
    // A settings object on a tenant without a record makes one: defaults and the fields named.
    tenant = await control(server.url, 'PATCH', `/tenants/${id}`, { settings: { agent: 'CodeActAgent' } });
    assert.deepEqual(
      [tenant.settings.agent, tenant.settings.language, tenant.settings.enable_default_condenser],
      ['CodeActAgent', null, true],
    );
  });

  it('settings: {...} changes only the fields it names, mcp_config included', async () => {
    const { id } = await createTenant(server.url, {
      settings: { language: 'de', llm_api_key: 'sk-x', mcp_config: { sse_servers: ['https://a.example'] } },
    });
    const tenant = await control(server.url, 'PATCH', `/tenants/${id}`, {
      settings: { mcp_config: null, confirmation_mode: true },
    });
    assert.deepEqual(
      [tenant.settings.language, tenant.settings.llm_api_key, tenant.settings.confirmation_mode, tenant.mcp_config],
      ['de', 'sk-x', true, null],
    );
  });

  it('operatorMcpConfig is set and removed; a PATCH with one bad option changes nothing', async () => {
    const { id, base } = await createTenant(server.url, { settings: { language: 'de' } });
    await control(server.url, 'PATCH', `/tenants/${id}`, {
      operatorMcpConfig: { shttp_servers: ['https://op.example/mcp'] },
    });
    assert.equal((await read(base)).json.mcp_config.shttp_servers[0].url, 'https://op.example/mcp');
    await control(server.url, 'PATCH', `/tenants/${id}`, { operatorMcpConfig: null });
    assert.equal((await read(base)).json.mcp_config, null);
    await control(server.url, 'PATCH', `/tenants/${id}`, { settings: { language: 'fr' }, provider_tokens: 5 }, 400);
    await control(server.url, 'PATCH', `/tenants/${id}`, { provider_tokens: GITHUB, settings: { language: 5 } }, 400);
    const tenant = await state(id);
    assert.deepEqual([tenant.settings.language, tenant.provider_tokens], ['de', {}]);
  });

  it('POST /__control/reset gives the default tenant back both initial stores', async (t) => {
    const started = await startServer(t, { provider_tokens: GITHUB, settings: { language: 'de' } });
    assert.equal((await store(started.url, { agent: 'x' })).status, 200);
    assert.equal((await send(`${started.url}/api/unset-provider-tokens`, { method: 'POST' })).status, 200);
    await control(started.url, 'POST', '/reset', undefined, 204);
    const tenant = await control(started.url, 'GET', '/tenants/default');
    assert.deepEqual(
      [tenant.settings.language, tenant.settings.agent, Object.keys(tenant.provider_tokens)],
      ['de', null, ['github']],
    );
  });
});

describe('scripted answers matched by method and path', () => {
  /** @param {string} id @param {object[]} responses */
  const script = (id, responses) => control(server.url, 'POST', `/tenants/${id}/script`, { responses });

  it('a request takes the first queued answer it matches; the others wait for theirs', async () => {
    const { id, base } = await createTenant(server.url);
    await script(id, [
      {
        path: '/api/add-git-providers',
        status: 401,
        body: { error: 'Invalid token. Please make sure it is a valid github token.' },
      },
      { method: 'GET', status: 503, body: 'down' },
      { status: 418, body: { any: true } },
    ]);
    // A GET /api/settings skips the add-git-providers answer and takes the GET one.
    assert.deepEqual([(await read(base)).status, (await read(base)).status], [503, 418]);
    assert.equal((await state(id)).pendingResponses, 1);
    assert.equal((await store(base, {})).status, 200, 'no answer matches: the real logic');
    assert.equal((await storeTokens(base, { provider_tokens: {} })).status, 401);
    assert.equal((await state(id)).pendingResponses, 0);
  });

  it('the path is the one after the tenant prefix, without the query; a trailing slash is another path', async () => {
    const { id, base } = await createTenant(server.url);
    await script(id, [
      { method: 'POST', path: '/api/settings', status: 500, body: { error: 'Something went wrong storing settings' } },
    ]);
    assert.equal(
      (await send(`${base}/api/settings/`, { method: 'POST', headers: JSON_HEADERS, body: '{}' })).status,
      307,
    );
    const reply = await send(`${base}/api/settings?x=1`, { method: 'POST', headers: JSON_HEADERS, body: '{}' });
    assert.deepEqual([reply.status, reply.json], [500, { error: 'Something went wrong storing settings' }]);
    // The default tenant's paths match the same way.
    await control(server.url, 'POST', '/tenants/default/script', {
      responses: [{ path: '/api/unset-provider-tokens', status: 429, body: { message: 'Too many requests' } }],
    });
    assert.equal((await read(server.url)).status, 200);
    assert.equal((await send(`${server.url}/api/unset-provider-tokens`, { method: 'POST' })).status, 429);
  });

  it('a preflight takes no scripted answer', async () => {
    const { id, base } = await createTenant(server.url);
    await script(id, [{ path: '/api/settings', status: 500 }]);
    const preflight = await send(`${base}/api/settings`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 200);
    assert.equal((await state(id)).pendingResponses, 1);
  });

  for (const [what, response, message] of /** @type {[string, object, RegExp][]} */ ([
    ['a method in lower case', { method: 'post' }, /method must be an HTTP method in capitals/],
    ['a method that is not a string', { method: 1 }, /method must be/],
    ['a path outside /api/', { path: '/t/x/api/settings' }, /path must be an API path/],
    ['a path with a query', { path: '/api/settings?x=1' }, /path must be an API path/],
    ['a path that is not a string', { path: null }, /path must be an API path/],
  ])) {
    it(`refuses ${what}`, async () => {
      const { id } = await createTenant(server.url);
      const reply = await send(`${server.url}/__control/tenants/${id}/script`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ responses: [response] }),
      });
      assert.equal(reply.status, 400);
      assert.match(reply.json.error, message);
      assert.equal((await state(id)).pendingResponses, 0);
    });
  }
});

describe('routes of the three endpoints', () => {
  for (const [path, methods, allow] of /** @type {[string, string[], string][]} */ ([
    ['/api/settings', ['PUT', 'DELETE', 'PATCH'], 'GET, POST'],
    ['/api/add-git-providers', ['GET', 'PUT', 'DELETE'], 'POST'],
    ['/api/unset-provider-tokens', ['GET', 'PUT', 'DELETE'], 'POST'],
  ])) {
    it(`${path}: 405 with Allow: ${allow}; a trailing slash is a 307`, async () => {
      const { base } = await createTenant(server.url);
      for (const method of methods) {
        const reply = await send(`${base}${path}`, { method });
        assert.deepEqual(
          [reply.status, reply.json, reply.headers.allow],
          [405, { detail: 'Method Not Allowed' }, allow],
          method,
        );
      }
      const redirect = await send(`${base}${path}/`, { method: 'POST', headers: JSON_HEADERS, body: '{}' });
      assert.equal(redirect.status, 307);
      assert.equal(redirect.headers.location, `${base}${path}`);
    });
  }
});
