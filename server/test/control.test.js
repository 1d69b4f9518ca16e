// @ts-check
// The test controls: tenants, their state, scripted answers, the request log, reset, a closed port.

import assert from 'node:assert/strict';
import { connect, createServer } from 'node:net';
import { describe, it } from 'node:test';
import { isLoopbackAddress } from '../http.js';
import { control, createTenant, JSON_HEADERS, postProviders, send, useServer } from '../testing/harness.js';

const server = useServer({
  sessionKey: 'default-key',
  settings: { provider_tokens: { github: { token: 'ghp_default', host: null } } },
});

/** @param {string} id */
const state = (id) => control(server.url, 'GET', `/tenants/${id}`);
/** @param {string} id */
const requests = (id) => control(server.url, 'GET', `/tenants/${id}/requests`);
/** @param {string} id @param {object[]} responses */
const script = (id, responses) => control(server.url, 'POST', `/tenants/${id}/script`, { responses });

describe('tenants', () => {
  it('POST /__control/tenants answers 201 {id, baseUrl: "/t/<id>"}', async () => {
    const reply = await send(`${server.url}/__control/tenants`, { method: 'POST', headers: JSON_HEADERS, body: '{}' });
    assert.equal(reply.status, 201);
    assert.match(reply.json.id, /^[\w-]+$/);
    assert.equal(reply.json.baseUrl, `/t/${reply.json.id}`);
  });

  it('a tenant starts with a default settings record, no tokens, no session key, the 0.53.0 providers', async () => {
    const { id } = await createTenant(server.url);
    const { settings, ...rest } = await state(id);
    assert.deepEqual(rest, {
      id,
      baseUrl: `/t/${id}`,
      sessionKey: null,
      providerTypes: ['github', 'gitlab', 'bitbucket', 'enterprise_sso'],
      delayMs: 0,
      hasSettings: true,
      provider_tokens: {},
      mcp_config: null,
      operatorMcpConfig: null,
      pendingResponses: 0,
      requestCount: 0,
    });
    // 0.53.0's Settings defaults.
    assert.deepEqual(settings, {
      language: null,
      agent: null,
      max_iterations: null,
      security_analyzer: null,
      confirmation_mode: false,
      llm_model: null,
      llm_api_key: null,
      llm_base_url: null,
      remote_runtime_resource_factor: 1,
      enable_default_condenser: true,
      enable_sound_notifications: false,
      enable_proactive_conversation_starters: true,
      user_consents_to_analytics: null,
      sandbox_base_container_image: null,
      sandbox_runtime_container_image: null,
      mcp_config: null,
      search_api_key: null,
      sandbox_api_key: null,
      max_budget_per_task: null,
      email: null,
      email_verified: null,
      git_user_name: null,
      git_user_email: null,
    });
  });

  it('tenants are isolated from each other and from the default tenant', async () => {
    const a = await createTenant(server.url);
    const b = await createTenant(server.url);
    await postProviders(a.base, { provider_tokens: { gitlab: { token: 'glpat-a' } } });
    assert.deepEqual(Object.keys((await state(a.id)).provider_tokens), ['gitlab']);
    assert.deepEqual((await state(b.id)).provider_tokens, {});
    assert.deepEqual(Object.keys((await state('default')).provider_tokens), ['github']);
    assert.deepEqual(await requests(b.id), []);
  });

  it('takes every option at creation', async () => {
    const mcp_config = { sse_servers: ['https://a.example/sse'], stdio_servers: [{ name: 'n', command: 'c' }] };
    const { id } = await createTenant(server.url, {
      sessionKey: 'k',
      providerTypes: ['github', 'azure_devops'],
      delayMs: 5,
      settings: {
        provider_tokens: {
          azure_devops: { token: 'azdo', host: 'dev.azure.com', user_id: 'me' },
          github: { token: null, host: 'x' },
        },
        mcp_config,
      },
    });
    const tenant = await state(id);
    assert.equal(tenant.sessionKey, 'k');
    assert.deepEqual(tenant.providerTypes, ['github', 'azure_devops']);
    assert.equal(tenant.delayMs, 5);
    // An entry without a token is not stored, as the real store does.
    assert.deepEqual(tenant.provider_tokens, { azure_devops: { token: 'azdo', host: 'dev.azure.com', user_id: 'me' } });
    assert.deepEqual(tenant.mcp_config, {
      sse_servers: [{ url: 'https://a.example/sse', api_key: null }],
      stdio_servers: [{ name: 'n', command: 'c', args: [], env: {} }],
      shttp_servers: [],
    });
  });

  it('settings: null means none stored yet: GET /api/settings answers 404', async () => {
    const { id, base } = await createTenant(server.url, { settings: null });
    assert.equal((await state(id)).hasSettings, false);
    assert.equal((await send(`${base}/api/settings`)).status, 404);
  });

  for (const [what, options, message] of /** @type {[string, unknown, RegExp][]} */ ([
    ['an unknown option', { sesionKey: 'k' }, /unknown key "sesionKey"/],
    ['an empty session key', { sessionKey: '' }, /sessionKey/],
    ['no provider types', { providerTypes: [] }, /providerTypes/],
    ['a repeated provider type', { providerTypes: ['github', 'github'] }, /repeat/],
    ['a negative delay', { delayMs: -1 }, /delayMs/],
    [
      'a token that is not a string',
      { settings: { provider_tokens: { github: { token: 5 } } } },
      /token must be a string/,
    ],
    ['settings that are a list', { settings: [] }, /settings must be an object/],
    [
      'an invalid mcp_config',
      { settings: { mcp_config: { sse_servers: [{ url: 'nope' }] } } },
      /mcp_config is not valid/,
    ],
    [
      'an mcp_config that would crash',
      { settings: { mcp_config: { stdio_servers: [{ name: 1, command: 'c' }] } } },
      /crash/,
    ],
    ['a body that is not an object', [], /must be an object/],
  ])) {
    it(`refuses ${what} with 400 {error}`, async () => {
      const reply = await send(`${server.url}/__control/tenants`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify(options),
      });
      assert.equal(reply.status, 400);
      assert.match(reply.json.error, message);
    });
  }

  it('an invalid mcp_config comes with the 422-style details', async () => {
    const reply = await send(`${server.url}/__control/tenants`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ settings: { mcp_config: { sse_servers: [{ url: 'nope' }] } } }),
    });
    assert.deepEqual(reply.json.detail[0].loc, ['mcp_config', 'sse_servers', 0, 'url']);
  });

  it('refuses a body that is not JSON', async () => {
    const reply = await send(`${server.url}/__control/tenants`, { method: 'POST', body: '{nope' });
    assert.equal(reply.status, 400);
    assert.match(reply.json.error, /not JSON/);
  });

  it('PATCH changes the session key, the delay, the provider types and the stored settings', async () => {
    const { id, base } = await createTenant(server.url, {
      settings: { provider_tokens: { github: { token: 'ghp_a' } } },
    });
    const patched = await control(server.url, 'PATCH', `/tenants/${id}`, {
      sessionKey: 'new-key',
      delayMs: 1,
      providerTypes: ['github', 'gitlab', 'azure_devops'],
      settings: { mcp_config: { sse_servers: ['https://a.example'] } },
    });
    assert.equal(patched.sessionKey, 'new-key');
    assert.equal(patched.delayMs, 1);
    assert.deepEqual(patched.providerTypes, ['github', 'gitlab', 'azure_devops']);
    assert.deepEqual(Object.keys(patched.provider_tokens), ['github'], 'settings parts not named are kept');
    assert.equal(patched.mcp_config.sse_servers[0].url, 'https://a.example');
    assert.equal((await send(`${base}/api/settings`)).status, 401);

    await control(server.url, 'PATCH', `/tenants/${id}`, { settings: { provider_tokens: {} } });
    assert.deepEqual((await state(id)).provider_tokens, {});
    await control(server.url, 'PATCH', `/tenants/${id}`, { settings: null });
    assert.equal((await state(id)).hasSettings, false);
  });

  it('a PATCH with one bad option changes nothing', async () => {
    const { id } = await createTenant(server.url, { sessionKey: 'k' });
    await control(server.url, 'PATCH', `/tenants/${id}`, { sessionKey: 'other', delayMs: 'slow' }, 400);
    assert.equal((await state(id)).sessionKey, 'k');
  });

  it('DELETE removes a tenant; the default tenant cannot be removed', async () => {
    const { id, base } = await createTenant(server.url);
    assert.equal((await send(`${server.url}/__control/tenants/${id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await send(`${server.url}/__control/tenants/${id}`)).status, 404);
    assert.equal((await send(`${base}/api/settings`)).status, 404);
    assert.equal((await send(`${server.url}/__control/tenants/default`, { method: 'DELETE' })).status, 400);
  });

  it('an unknown tenant, path or method is a 404 / 405 with a readable error', async () => {
    assert.match((await send(`${server.url}/__control/tenants/nope`)).json.error, /No tenant nope/);
    assert.equal((await send(`${server.url}/__control/whatever`)).status, 404);
    const wrong = await send(`${server.url}/__control/tenants`, { method: 'GET' });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.allow, 'POST');
  });

  it('answers loopback clients only', () => {
    for (const address of ['127.0.0.1', '127.5.6.7', '::1', '::ffff:127.0.0.1'])
      assert.ok(isLoopbackAddress(address), address);
    for (const address of ['10.0.0.1', '::ffff:192.168.1.1', '2001:db8::1', undefined]) {
      assert.ok(!isLoopbackAddress(address), String(address));
    }
  });
});

describe('the default tenant', () => {
  it('is configured by the server’s options and reachable as "default"', async () => {
    const tenant = await state('default');
    assert.equal(tenant.baseUrl, '');
    assert.equal(tenant.sessionKey, 'default-key');
  });

  it('POST /__control/reset puts back its initial state and clears its log and script', async () => {
    await control(server.url, 'PATCH', '/tenants/default', { sessionKey: null, delayMs: 0 });
    await postProviders(server.url, { provider_tokens: {} });
    await script('default', [{ status: 500 }]);
    assert.deepEqual((await state('default')).provider_tokens, {});
    assert.equal((await send(`${server.url}/__control/reset`, { method: 'POST' })).status, 204);
    const tenant = await state('default');
    assert.equal(tenant.sessionKey, 'default-key');
    assert.deepEqual(Object.keys(tenant.provider_tokens), ['github']);
    assert.equal(tenant.pendingResponses, 0);
    assert.deepEqual(await requests('default'), []);
  });
});

describe('scripted answers', () => {
  it('answer the next API requests in order, then the real logic takes over', async () => {
    const { id, base } = await createTenant(server.url);
    const queued = await script(id, [
      { status: 429, body: { message: 'Too many requests' } },
      { status: 500, body: 'Internal Server Error', contentType: 'text/plain' },
    ]);
    assert.deepEqual(queued, { pendingResponses: 2 });
    const first = await postProviders(base, {});
    assert.equal(first.status, 429);
    assert.deepEqual(first.json, { message: 'Too many requests' });
    assert.equal(first.headers['content-type'], 'application/json');
    const second = await send(`${base}/api/settings`);
    assert.equal(second.status, 500);
    assert.equal(second.text, 'Internal Server Error');
    assert.equal(second.headers['content-type'], 'text/plain');
    assert.equal((await postProviders(base, {})).status, 200);
    assert.equal((await requests(id)).length, 3, 'scripted requests are logged too');
  });

  it('POST appends to the queue; DELETE empties it', async () => {
    const { id, base } = await createTenant(server.url);
    await script(id, [{ status: 502 }]);
    assert.deepEqual(await script(id, [{ status: 503 }]), { pendingResponses: 2 });
    assert.equal((await send(`${server.url}/__control/tenants/${id}/script`, { method: 'DELETE' })).status, 204);
    assert.equal((await postProviders(base, {})).status, 200);
  });

  it('default to 200, no body; carry extra headers; a string body is text/plain', async () => {
    const { id, base } = await createTenant(server.url);
    await script(id, [{}, { headers: { 'X-Extra': 'yes', 'retry-after': '3' }, status: 429, body: 'slow down' }]);
    const empty = await postProviders(base, {});
    assert.equal(empty.status, 200);
    assert.equal(empty.text, '');
    const withHeaders = await postProviders(base, {});
    assert.equal(withHeaders.headers['x-extra'], 'yes');
    assert.equal(withHeaders.headers['retry-after'], '3');
    assert.equal(withHeaders.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(withHeaders.text, 'slow down');
  });

  it('carry CORS headers unless cors: false', async () => {
    const { id, base } = await createTenant(server.url);
    await script(id, [{ status: 500 }, { status: 500, cors: false }]);
    const headers = { origin: 'http://localhost:5173' };
    assert.equal(
      (await send(`${base}/api/settings`, { headers })).headers['access-control-allow-origin'],
      'http://localhost:5173',
    );
    assert.equal((await send(`${base}/api/settings`, { headers })).headers['access-control-allow-origin'], undefined);
  });

  it('drop: true cuts the connection without an answer', async () => {
    const { id, base } = await createTenant(server.url);
    await script(id, [{ drop: true }]);
    await assert.rejects(postProviders(base, {}));
    assert.equal((await requests(id)).length, 1);
  });

  it('delayMs holds the answer back', async () => {
    const { id, base } = await createTenant(server.url);
    await script(id, [{ delayMs: 150, status: 204 }]);
    const started = performance.now();
    assert.equal((await postProviders(base, {})).status, 204);
    assert.ok(performance.now() - started >= 140);
  });

  it('hang: true never answers (the client gives up)', async () => {
    const { id, base } = await createTenant(server.url);
    await script(id, [{ hang: true }]);
    await assert.rejects(send(`${base}/api/settings`, { timeoutMs: 200 }), /timed out/);
    assert.equal((await send(`${base}/api/settings`)).status, 200);
  });

  for (const [what, responses] of /** @type {[string, unknown][]} */ ([
    ['a status out of range', [{ status: 99 }]],
    ['a status that is a string', [{ status: '500' }]],
    ['an unknown key', [{ stauts: 500 }]],
    ['a header that is not a string', [{ headers: { a: 1 } }]],
    ['an invalid header name', [{ headers: { 'a b': 'c' } }]],
    ['a flag that is not a boolean', [{ drop: 'yes' }]],
    ['responses that are not a list', { status: 500 }],
  ])) {
    it(`refuses ${what} with 400`, async () => {
      const { id } = await createTenant(server.url);
      const reply = await send(`${server.url}/__control/tenants/${id}/script`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ responses }),
      });
      assert.equal(reply.status, 400, reply.text);
    });
  }
});

describe('the tenant delay', () => {
  it('applies to every API answer', async () => {
    const { base } = await createTenant(server.url, { delayMs: 120 });
    for (const request of [() => send(`${base}/api/settings`), () => postProviders(base, {})]) {
      const started = performance.now();
      await request();
      assert.ok(performance.now() - started >= 110);
    }
  });
});

describe('the request log', () => {
  it('records method, path, session key, origin, content type and the parsed body, oldest first', async () => {
    const { id, base } = await createTenant(server.url);
    const body = { provider_tokens: { github: { token: null, host: null } } };
    await postProviders(base, body, {
      'content-type': 'application/json',
      'x-session-api-key': 'sk',
      origin: 'http://localhost:1',
    });
    await send(`${base}/api/settings?x=1`);
    await postProviders(base, 'not json', { 'content-type': 'text/plain' });
    assert.deepEqual(await requests(id), [
      {
        method: 'POST',
        path: `/t/${id}/api/add-git-providers`,
        sessionKey: 'sk',
        origin: 'http://localhost:1',
        contentType: 'application/json',
        bodyKind: 'json',
        body,
      },
      {
        method: 'GET',
        path: `/t/${id}/api/settings?x=1`,
        sessionKey: null,
        origin: null,
        contentType: null,
        bodyKind: 'empty',
        body: null,
      },
      {
        method: 'POST',
        path: `/t/${id}/api/add-git-providers`,
        sessionKey: null,
        origin: null,
        contentType: 'text/plain',
        bodyKind: 'text',
        body: 'not json',
      },
    ]);
  });

  it('can be filtered by method and by API path, and emptied', async () => {
    const { id, base } = await createTenant(server.url);
    await send(`${base}/api/settings`);
    await postProviders(base, {});
    const posts = await control(server.url, 'GET', `/tenants/${id}/requests?method=post`);
    assert.deepEqual(
      posts.map((/** @type {any} */ r) => r.method),
      ['POST'],
    );
    const settings = await control(server.url, 'GET', `/tenants/${id}/requests?path=/api/settings`);
    assert.deepEqual(
      settings.map((/** @type {any} */ r) => r.method),
      ['GET'],
    );
    assert.equal((await send(`${server.url}/__control/tenants/${id}/requests`, { method: 'DELETE' })).status, 204);
    assert.deepEqual(await requests(id), []);
    assert.equal((await state(id)).requestCount, 2);
  });
});

describe('hostile input', () => {
  it('__proto__ and constructor keys pollute nothing and are reported like any other key', async () => {
    const { id, base } = await createTenant(server.url);
    const body =
      '{"__proto__": {"polluted": 1}, "provider_tokens": {"__proto__": {"token": "x"}, "constructor": {"token": "y"}}, "mcp_config": {"stdio_servers": [{"name": "a", "command": "b", "env": {"__proto__": "v", "toString": "w"}}], "__proto__": {}}}';
    const reply = await postProviders(base, body);
    assert.equal(reply.status, 422);
    assert.deepEqual(
      reply.json.detail.map((/** @type {any} */ e) => e.loc.slice(1).join('/')),
      ['mcp_config/__proto__', 'provider_tokens/__proto__/[key]', 'provider_tokens/constructor/[key]'],
    );
    assert.equal(/** @type {any} */ ({}).polluted, undefined);
    assert.equal(/** @type {any} */ ({}).token, undefined);
    const [logged] = await requests(id);
    assert.deepEqual(Object.keys(logged.body.provider_tokens), ['__proto__', 'constructor']);
  });

  it('a stored provider named __proto__ or constructor is stored and shown as data', async () => {
    const providerTypes = ['__proto__', 'constructor', 'hasOwnProperty'];
    const { id, base } = await createTenant(server.url, { providerTypes });
    const reply = await postProviders(
      base,
      '{"provider_tokens": {"__proto__": {"token": "a"}, "constructor": {"token": "b"}, "hasOwnProperty": {"token": "c"}}}',
    );
    assert.equal(reply.status, 200);
    const tokens = (await send(`${server.url}/__control/tenants/${id}`)).text;
    assert.match(tokens, /"provider_tokens":\{"__proto__":\{"token":"a"/);
    assert.match(
      (await send(`${base}/api/settings`)).text,
      /"provider_tokens_set":\{"__proto__":null,"constructor":null,"hasOwnProperty":null\}/,
    );
  });

  it('survives a battery of odd bodies and keeps answering', async () => {
    const { base } = await createTenant(server.url);
    const bodies = [
      '\u0000',
      '{"provider_tokens": {"github": {"token": "\\u0000"}}}',
      '{"mcp_config": {"sse_servers": [[], {}, [1], "\\u2028"]}}',
      '{"mcp_config": {"stdio_servers": [{"name": "a", "command": "b", "args": "\'", "env": "=,=,="}]}}',
      JSON.stringify({
        provider_tokens: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`p${i}`, { token: i }])),
      }),
      '"' + '\\'.repeat(100001) + '"',
      '[' + '{},'.repeat(50000) + '{}]',
    ];
    for (const body of bodies) {
      const reply = await postProviders(base, body);
      assert.ok([200, 400, 422, 500].includes(reply.status), `${reply.status} for ${body.slice(0, 40)}`);
    }
    assert.equal((await postProviders(base, {})).status, 200);
  });
});

describe('a closed port', () => {
  /** @param {number} port @returns {Promise<string>} the error code of connecting to 127.0.0.1:port */
  const connectError = (port) =>
    new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (/** @type {NodeJS.ErrnoException} */ error) => resolve(error.code ?? String(error)));
    });

  it('GET /__control/closed-port answers a loopback port nothing listens on, above the ports browsers block', async () => {
    const { port, baseUrl } = await control(server.url, 'GET', '/closed-port', undefined, 200);
    assert.ok(Number.isInteger(port) && port > 10080 && port < 65536, String(port));
    assert.equal(baseUrl, `http://127.0.0.1:${port}`);
    assert.equal(await connectError(port), 'ECONNREFUSED');
  });

  it('gives the same port while it stays free, and another once something listens on it', async () => {
    const first = await control(server.url, 'GET', '/closed-port', undefined, 200);
    assert.equal((await control(server.url, 'GET', '/closed-port', undefined, 200)).port, first.port);
    const squatter = createServer();
    await new Promise((resolve) => squatter.listen(first.port, '127.0.0.1', () => resolve(undefined)));
    try {
      const next = await control(server.url, 'GET', '/closed-port', undefined, 200);
      assert.notEqual(next.port, first.port);
      assert.equal(await connectError(next.port), 'ECONNREFUSED');
    } finally {
      await new Promise((resolve) => squatter.close(() => resolve(undefined)));
    }
  });

  it('answers GET only', async () => {
    const reply = await send(`${server.url}/__control/closed-port`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: '{}',
    });
    assert.equal(reply.status, 405);
  });
});
