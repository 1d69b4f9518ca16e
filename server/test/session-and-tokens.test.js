// @ts-check
// The session key, the token check convention, and what is stored: the incoming map
// replaces the stored one. Also GET /api/settings.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { control, createTenant, postProviders, send, useServer } from '../testing/harness.js';

const server = useServer();
const KEY = 'session-key-for-tests';

/** @param {object} [options] */
async function tenant(options = {}) {
  const created = await createTenant(server.url, { sessionKey: KEY, ...options });
  return {
    ...created,
    /** @param {unknown} body */
    post: (body) => postProviders(created.base, body, { 'content-type': 'application/json', 'x-session-api-key': KEY }),
    state: () => control(server.url, 'GET', `/tenants/${created.id}`),
    settings: () => send(`${created.base}/api/settings`, { headers: { 'x-session-api-key': KEY } }),
  };
}

/** @param {string} provider */
const rejected = (provider) => ({ error: `Invalid token. Please make sure it is a valid ${provider} token.` });
const STORED = { message: 'Git providers stored' };

describe('the session key', () => {
  for (const [what, headers] of /** @type {[string, Record<string, string>][]} */ ([
    ['missing', {}],
    ['wrong', { 'x-session-api-key': 'nope' }],
    ['empty', { 'x-session-api-key': '' }],
    ['of another case', { 'x-session-api-key': KEY.toUpperCase() }],
  ])) {
    it(`${what}: 401 {"detail": "Unauthorized"} on both routes`, async () => {
      const { base } = await tenant();
      for (const reply of [
        await postProviders(base, {}, { 'content-type': 'application/json', ...headers }),
        await send(`${base}/api/settings`, { headers }),
      ]) {
        assert.equal(reply.status, 401);
        assert.deepEqual(reply.json, { detail: 'Unauthorized' });
      }
    });
  }

  it('is checked before the body is validated', async () => {
    const { base } = await tenant();
    const reply = await postProviders(base, { provider_tokens: 'not a map', mcp_config: 5 });
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.json, { detail: 'Unauthorized' });
  });

  it('is not checked at all when the tenant has none', async () => {
    const { base } = await createTenant(server.url, { sessionKey: null });
    assert.equal((await postProviders(base, {})).status, 200);
    assert.equal((await send(`${base}/api/settings`)).status, 200);
  });
});

describe('the token check (convention: `bad…` tokens and hosts are rejected)', () => {
  it('accepts a token and stores it', async () => {
    const t = await tenant({ settings: null });
    const reply = await t.post({ provider_tokens: { github: { token: 'ghp_good', host: null, user_id: 'u1' } } });
    assert.deepEqual(reply.json, STORED);
    assert.deepEqual((await t.state()).provider_tokens, { github: { token: 'ghp_good', host: null, user_id: 'u1' } });
  });

  it('rejects a token starting with "bad" with 401 {"error": …} naming the provider; nothing is stored', async () => {
    const t = await tenant({ settings: { provider_tokens: { github: { token: 'ghp_old', host: null } } } });
    const reply = await t.post({ provider_tokens: { gitlab: { token: 'bad-token', host: null } } });
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.json, rejected('gitlab'));
    assert.deepEqual(Object.keys((await t.state()).provider_tokens), ['github']);
  });

  it('rejects any non-empty enterprise_sso token; without a token it is simply dropped', async () => {
    const t = await tenant();
    assert.deepEqual(
      (await t.post({ provider_tokens: { enterprise_sso: { token: 'anything' } } })).json,
      rejected('enterprise_sso'),
    );
    assert.deepEqual(
      (await t.post({ provider_tokens: { enterprise_sso: { token: null, host: 'sso.example' } } })).json,
      STORED,
    );
    assert.deepEqual((await t.state()).provider_tokens, {});
  });

  it('rejects a new token checked against a host starting with "bad"', async () => {
    const t = await tenant();
    const reply = await t.post({ provider_tokens: { gitlab: { token: 'glpat-ok', host: 'bad.gitlab.example' } } });
    assert.deepEqual(reply.json, rejected('gitlab'));
  });

  it('keeps one message that each provider sending a token overwrites: a later accepted token wins, both are stored', async () => {
    const t = await tenant();
    const reply = await t.post({ provider_tokens: { github: { token: 'bad-gh' }, gitlab: { token: 'glpat-ok' } } });
    assert.equal(reply.status, 200);
    assert.deepEqual(Object.keys((await t.state()).provider_tokens), ['github', 'gitlab']);
    assert.equal((await t.state()).provider_tokens.github.token, 'bad-gh');
  });

  it('…and a later rejected token decides the other way', async () => {
    const t = await tenant();
    const reply = await t.post({ provider_tokens: { gitlab: { token: 'glpat-ok' }, github: { token: 'bad-gh' } } });
    assert.deepEqual(reply.json, rejected('github'));
  });

  it('a provider sent without a token does not clear an earlier rejection', async () => {
    const t = await tenant();
    const reply = await t.post({ provider_tokens: { github: { token: 'bad-gh' }, gitlab: { token: null } } });
    assert.deepEqual(reply.json, rejected('github'));
  });

  it('re-checks a stored token against a changed host', async () => {
    const t = await tenant({
      settings: { provider_tokens: { gitlab: { token: 'glpat-stored', host: 'gitlab.example.com' } } },
    });
    assert.deepEqual(
      (await t.post({ provider_tokens: { gitlab: { token: null, host: 'bad.example.com' } } })).json,
      rejected('gitlab'),
    );
    assert.equal((await t.state()).provider_tokens.gitlab.host, 'gitlab.example.com');
    assert.deepEqual(
      (await t.post({ provider_tokens: { gitlab: { token: '', host: 'git.example.org' } } })).json,
      STORED,
    );
    assert.deepEqual((await t.state()).provider_tokens.gitlab, {
      token: 'glpat-stored',
      host: 'git.example.org',
      user_id: null,
    });
  });

  it('the host re-check can reject even when a new, good token is sent', async () => {
    const t = await tenant({ settings: { provider_tokens: { github: { token: 'ghp_stored', host: null } } } });
    assert.deepEqual(
      (await t.post({ provider_tokens: { github: { token: 'ghp_new', host: 'bad.ghe.example' } } })).json,
      rejected('github'),
    );
  });

  it('does not re-check when the host is unchanged', async () => {
    const t = await tenant({ settings: { provider_tokens: { github: { token: 'bad-but-stored', host: null } } } });
    assert.deepEqual((await t.post({ provider_tokens: { github: { token: null, host: null } } })).json, STORED);
  });

  it('runs after validation: an invalid body with a bad token is a 422', async () => {
    const t = await tenant();
    const reply = await t.post({ provider_tokens: { github: { token: 'bad-x' }, nope: {} } });
    assert.equal(reply.status, 422);
  });
});

describe('storing: the incoming provider_tokens replace the stored ones', () => {
  const stored = {
    provider_tokens: {
      github: { token: 'ghp_stored', host: null, user_id: 'gh-user' },
      gitlab: { token: 'glpat-stored', host: 'gitlab.example.com' },
    },
  };

  it('a provider left out is deleted', async () => {
    const t = await tenant({ settings: stored });
    assert.deepEqual(
      (await t.post({ provider_tokens: { gitlab: { token: null, host: 'gitlab.example.com' } } })).json,
      STORED,
    );
    assert.deepEqual(Object.keys((await t.state()).provider_tokens), ['gitlab']);
  });

  it('{} wipes every token and still answers 200; so does a body without provider_tokens', async () => {
    for (const body of [{ provider_tokens: {} }, {}, { mcp_config: null }]) {
      const t = await tenant({ settings: stored });
      assert.deepEqual((await t.post(body)).json, STORED);
      assert.deepEqual((await t.state()).provider_tokens, {});
    }
  });

  it('a stored provider sent without a token keeps its token and user_id, and takes the host sent (null and "" included)', async () => {
    const t = await tenant({ settings: stored });
    await t.post({
      provider_tokens: { github: { token: null, host: 'ghe.example.com' }, gitlab: { token: '', host: null } },
    });
    assert.deepEqual((await t.state()).provider_tokens, {
      github: { token: 'ghp_stored', host: 'ghe.example.com', user_id: 'gh-user' },
      gitlab: { token: 'glpat-stored', host: null, user_id: null },
    });
    await t.post({ provider_tokens: { github: { host: '' }, gitlab: {} } });
    assert.deepEqual((await t.state()).provider_tokens.github, { token: 'ghp_stored', host: '', user_id: 'gh-user' });
    assert.deepEqual((await t.state()).provider_tokens.gitlab.host, null);
  });

  it('a new token replaces the stored one with what was sent, user_id included', async () => {
    const t = await tenant({ settings: stored });
    await t.post({ provider_tokens: { github: { token: 'ghp_new', host: null } } });
    assert.deepEqual((await t.state()).provider_tokens, { github: { token: 'ghp_new', host: null, user_id: null } });
  });

  it('a new provider without a token is dropped: a host alone is not saved', async () => {
    const t = await tenant({ settings: stored });
    await t.post({
      provider_tokens: { ...stored.provider_tokens, bitbucket: { token: null, host: 'bitbucket.example.com' } },
    });
    assert.deepEqual(Object.keys((await t.state()).provider_tokens), ['github', 'gitlab']);
  });

  it('mcp_config is validated but not stored by this endpoint', async () => {
    const mcp_config = {
      sse_servers: [{ url: 'https://kept.example/sse', api_key: null }],
      stdio_servers: [],
      shttp_servers: [],
    };
    const t = await tenant({ settings: { mcp_config } });
    await t.post({ provider_tokens: {}, mcp_config: { sse_servers: ['https://other.example/sse'] } });
    assert.deepEqual((await t.settings()).json.mcp_config, mcp_config);
  });
});

describe('GET /api/settings', () => {
  it('404 {"error": "Settings not found"} while there is no settings record, even with tokens stored: saving tokens never makes one', async () => {
    const t = await tenant({ settings: null });
    const before = await t.settings();
    assert.equal(before.status, 404);
    assert.deepEqual(before.json, { error: 'Settings not found' });
    assert.equal(
      (await t.post({ provider_tokens: { gitlab: { token: 'glpat-x', host: 'gitlab.example.com' } } })).status,
      200,
    );
    const after = await t.settings();
    assert.equal(after.status, 404);
    assert.deepEqual(after.json, { error: 'Settings not found' });
    const state = await t.state();
    assert.equal(state.hasSettings, false);
    assert.deepEqual(Object.keys(state.provider_tokens), ['gitlab']);
  });

  it('lists providers with their host and the stored MCP configuration, never a token', async () => {
    const mcp_config = {
      sse_servers: [{ url: 'https://a.example/sse', api_key: 'sse-key' }],
      stdio_servers: [{ name: 'fetch', command: 'uvx', args: ['mcp-server-fetch'], env: { B: '2', A: '1' } }],
      shttp_servers: [],
    };
    const t = await tenant({
      settings: {
        provider_tokens: {
          github: { token: 'ghp_SECRET', host: null },
          gitlab: { token: 'glpat-SECRET', host: 'g.example' },
        },
        mcp_config,
        language: 'en',
      },
    });
    const reply = await t.settings();
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.json.provider_tokens_set, { github: null, gitlab: 'g.example' });
    assert.deepEqual(reply.json.mcp_config, mcp_config);
    assert.equal(reply.json.language, 'en');
    assert.equal(reply.json.llm_model, null);
    assert.doesNotMatch(reply.text, /SECRET/);
  });

  it('fills in MCP defaults of a stored configuration', async () => {
    const t = await tenant({
      settings: { mcp_config: { stdio_servers: [{ name: 'x', command: 'y', args: 'a "b c"', env: 'K=V' }] } },
    });
    assert.deepEqual((await t.settings()).json.mcp_config, {
      sse_servers: [],
      stdio_servers: [{ name: 'x', command: 'y', args: ['a', 'b c'], env: { K: 'V' } }],
      shttp_servers: [],
    });
  });
});
