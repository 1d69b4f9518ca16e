// @ts-check
// The API modes as tenant options (`api`, `variant`, `mcpTestMs`, the newer stores), and the test
// controls on v1 and agent-server tenants: state, reset, scripts, delays, the request log, CORS.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createReferenceServer } from '../app.js';
import { control, createTenant, JSON_HEADERS, send, startServer, useServer } from '../testing/harness.js';

const server = useServer();
/** @param {string} id @returns {Promise<any>} */
const state = (id) => control(server.url, 'GET', `/tenants/${id}`);
/** @param {object} options */
const rejected = async (options) => {
  const reply = await send(`${server.url}/__control/tenants`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify(options),
  });
  assert.equal(reply.status, 400, JSON.stringify(options));
  return reply.json;
};

describe('tenant options', () => {
  it('api and variant are checked: a TypeError from createReferenceServer, a 400 from the controls', async () => {
    for (const options of [
      { api: 'v2' },
      { api: 'v1', variant: 'merge-patch' },
      { api: 'agent-server', variant: 'native' },
      { variant: 'native' },
      { api: 'v1', operatorMcpConfig: null },
      { api: 'agent-server', provider_tokens: {} },
      { api: 'v1', secrets: {} },
      { api: 'agent-server', settings: null },
      { api: 'v1', mcpTestMs: -1 },
    ]) {
      assert.throws(() => createReferenceServer(/** @type {any} */ (options)), TypeError, JSON.stringify(options));
      await rejected(options);
    }
  });

  it('a v0 tenant takes api: "v0" and variant: "0.53.0" and shows exactly what it always showed', async () => {
    const { id } = await createTenant(server.url, { api: 'v0', variant: '0.53.0' });
    const shown = await state(id);
    assert.equal('api' in shown, false);
    assert.equal(shown.hasSettings, true);
  });

  it("a v1 tenant starts with a record, today's provider types, no tokens; an agent-server one with no secrets", async () => {
    const v1 = await state((await createTenant(server.url, { api: 'v1' })).id);
    assert.deepEqual(
      [v1.api, v1.variant, v1.hasSettings, v1.mcp_config, v1.provider_tokens, v1.mcpTestRuns],
      ['v1', 'native', true, null, {}, []],
    );
    assert.deepEqual(v1.providerTypes, [
      'github',
      'gitlab',
      'bitbucket',
      'bitbucket_data_center',
      'forgejo',
      'azure_devops',
      'enterprise_sso',
    ]);
    const agent = await state((await createTenant(server.url, { api: 'agent-server' })).id);
    assert.deepEqual(
      [agent.api, agent.variant, agent.secrets, agent.mcpTestMs],
      ['agent-server', 'merge-patch', {}, 0],
    );
    assert.equal('provider_tokens' in agent, false);
  });

  it('settings.mcp_config is validated by the variant (either shape taken), its errors in the 400', async () => {
    const { id } = await createTenant(server.url, {
      api: 'v1',
      variant: 'fastmcp',
      settings: { mcp_config: { mcpServers: { fs: { type: 'stdio', command: 'npx' } } } },
    });
    assert.deepEqual((await state(id)).mcp_config, { fs: { transport: 'stdio', command: 'npx' } });
    const bad = await rejected({
      api: 'v1',
      variant: 'fastmcp',
      settings: { mcp_config: { fs: { command: 'c', enabled: true } } },
    });
    assert.match(bad.error, /settings\.mcp_config is not valid/);
    assert.deepEqual(bad.detail[0].loc, ['settings', 'mcp_config', 'fs', 'enabled']);
  });

  it('settings takes agent_settings (mcp_config inside it too), conversation_settings and the V1 fields', async () => {
    const { id } = await createTenant(server.url, {
      api: 'v1',
      settings: {
        language: 'de',
        agent_settings: { llm: { api_key: 'sk-1' }, mcp_config: { fs: { command: 'npx' } } },
        conversation_settings: { max_iterations: 3 },
      },
    });
    const { settings } = await state(id);
    assert.equal(settings.language, 'de');
    assert.deepEqual(settings.agent_settings.mcp_config, { fs: { command: 'npx' } });
    assert.equal(settings.agent_settings.llm.api_key, 'sk-1');
    assert.equal(settings.conversation_settings.max_iterations, 3);
    await rejected({ api: 'v1', settings: { llm_model: 'x' } });
  });

  it('secrets: a value or {value, description}; a bad name is a 400', async () => {
    const { id } = await createTenant(server.url, {
      api: 'agent-server',
      secrets: { github_token: 'ghp_1', GITLAB_TOKEN: { value: 'gl', description: 'GitLab' } },
    });
    assert.deepEqual((await state(id)).secrets, {
      github_token: { value: 'ghp_1', description: null },
      GITLAB_TOKEN: { value: 'gl', description: 'GitLab' },
    });
    await rejected({ api: 'agent-server', secrets: { 'bad-name': 'x' } });
  });

  it('a PATCH may change the variant (the stored state stays) but not the api', async () => {
    const { id, base } = await createTenant(server.url, {
      api: 'v1',
      settings: { mcp_config: { fs: { command: 'npx' } } },
    });
    const patched = await control(server.url, 'PATCH', `/tenants/${id}`, { variant: 'fastmcp' });
    assert.deepEqual([patched.variant, patched.mcp_config], ['fastmcp', { fs: { command: 'npx' } }]);
    const answer = (await send(`${base}/api/v1/settings`)).json;
    assert.deepEqual(answer.agent_settings.mcp_config, { mcpServers: { fs: { command: 'npx' } } });
    const refused = await send(`${server.url}/__control/tenants/${id}`, {
      method: 'PATCH',
      headers: JSON_HEADERS,
      body: JSON.stringify({ api: 'agent-server' }),
    });
    assert.equal(refused.status, 400);
  });

  it('a PATCH with one bad option changes nothing', async () => {
    const { id } = await createTenant(server.url, { api: 'agent-server', secrets: { A: 'a' } });
    const reply = await send(`${server.url}/__control/tenants/${id}`, {
      method: 'PATCH',
      headers: JSON_HEADERS,
      body: JSON.stringify({ secrets: {}, settings: { mcp_config: { x: { url: 'ftp://x' } } } }),
    });
    assert.equal(reply.status, 400);
    assert.deepEqual((await state(id)).secrets, { A: { value: 'a', description: null } });
  });
});

describe('the default tenant in a newer mode', () => {
  it('createReferenceServer({api: "v1"}) serves V1 at /api/v1/...; reset brings back its options', async (t) => {
    const own = await startServer(t, {
      api: 'v1',
      sessionKey: 'k',
      settings: { mcp_config: { fs: { command: 'npx' } } },
    });
    const headers = { ...JSON_HEADERS, 'x-session-api-key': 'k' };
    const body = JSON.stringify({ agent_settings_diff: { mcp_config: {} } });
    assert.equal((await send(`${own.url}/api/v1/settings`, { method: 'POST', headers, body })).status, 200);
    assert.deepEqual((await control(own.url, 'GET', '/tenants/default')).mcp_config, {});
    await control(own.url, 'POST', '/reset');
    assert.deepEqual((await control(own.url, 'GET', '/tenants/default')).mcp_config, { fs: { command: 'npx' } });
  });

  it('demo: true seeds a v1 and an agent-server demo state', async (t) => {
    const v1 = await startServer(t, { api: 'v1', demo: true });
    const shown = await control(v1.url, 'GET', '/tenants/default');
    assert.deepEqual(
      [shown.sessionKey, Object.keys(shown.mcp_config), Object.keys(shown.provider_tokens)],
      ['demo-session-key', ['docs', 'fetch'], ['github', 'gitlab']],
    );
    const agent = await startServer(t, { api: 'agent-server', variant: 'deep-merge', demo: true });
    const agentShown = await control(agent.url, 'GET', '/tenants/default');
    assert.deepEqual(Object.keys(agentShown.secrets), ['github_token']);
    assert.equal(agentShown.variant, 'deep-merge');
  });
});

describe('the controls on newer tenants', () => {
  it('scripted answers replace the real logic, per method and path', async () => {
    const { id, base } = await createTenant(server.url, { api: 'agent-server' });
    await control(server.url, 'POST', `/tenants/${id}/script`, {
      responses: [
        { method: 'PATCH', path: '/api/settings', status: 503, body: { detail: 'Server not fully initialized' } },
      ],
    });
    assert.equal((await send(`${base}/api/settings`)).status, 200);
    const reply = await send(`${base}/api/settings`, { method: 'PATCH', headers: JSON_HEADERS, body: '{}' });
    assert.deepEqual([reply.status, reply.json], [503, { detail: 'Server not fully initialized' }]);
  });

  it('the request log has every request; ?path= filters by API path', async () => {
    const { id, base } = await createTenant(server.url, { api: 'v1' });
    await send(`${base}/api/v1/settings`);
    await send(`${base}/api/v1/secrets/git-providers`, {
      method: 'POST',
      headers: { ...JSON_HEADERS, authorization: 'Bearer x' },
      body: '{"provider_tokens":{}}',
    });
    const all = await control(server.url, 'GET', `/tenants/${id}/requests`);
    assert.deepEqual(
      all.map((/** @type {any} */ r) => r.method),
      ['GET', 'POST'],
    );
    const posts = await control(server.url, 'GET', `/tenants/${id}/requests?path=/api/v1/secrets/git-providers`);
    assert.deepEqual(posts[0].body, { provider_tokens: {} });
    assert.equal(posts[0].authorization, 'Bearer x', 'a V1 log shows the Authorization header');
  });

  it('delayMs holds every answer', async () => {
    const { base } = await createTenant(server.url, { api: 'agent-server', delayMs: 120 });
    const started = Date.now();
    await send(`${base}/api/settings`);
    assert.ok(Date.now() - started >= 110);
  });

  it('reset of a tenant empties its test runs and brings back its settings', async (t) => {
    const own = await startServer(t, { api: 'v1', settings: { mcp_config: { fs: { command: 'npx' } } } });
    await send(`${own.url}/api/v1/settings/mcp/servers/fs/test`, { method: 'POST' });
    assert.equal((await control(own.url, 'GET', '/tenants/default')).mcpTestRuns.length, 1);
    await control(own.url, 'POST', '/reset');
    assert.deepEqual((await control(own.url, 'GET', '/tenants/default')).mcpTestRuns, []);
  });

  it('CORS headers on newer answers, errors included; preflights as before', async () => {
    const { base } = await createTenant(server.url, { api: 'agent-server', sessionKey: 'k' });
    const origin = 'http://localhost:5173';
    for (const path of ['/api/settings', '/api/nothing']) {
      const reply = await send(`${base}${path}`, { headers: { origin } });
      assert.equal(reply.headers['access-control-allow-origin'], origin);
    }
    const preflight = await send(`${base}/api/settings`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'x-session-api-key',
      },
    });
    assert.deepEqual([preflight.status, preflight.headers['access-control-allow-headers']], [200, 'x-session-api-key']);
  });
});
