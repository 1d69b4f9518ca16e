// @ts-check
// CORS (loopback origins only), preflights, and which paths the server answers.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { control, createTenant, postProviders, send, useServer } from '../testing/harness.js';

const server = useServer();

describe('CORS', () => {
  for (const origin of [
    'http://localhost:5173',
    'http://localhost',
    'https://localhost:8443',
    'http://127.0.0.1:8000',
    'http://[::1]:3000',
  ]) {
    it(`allows ${origin}, with credentials, on every kind of answer`, async () => {
      const { base } = await createTenant(server.url, { sessionKey: 'k' });
      const headers = { origin, 'content-type': 'application/json' };
      for (const reply of [
        await send(`${base}/api/settings`, { headers: { origin, 'x-session-api-key': 'k' } }), // 200
        await postProviders(base, {}, headers), // 401
        await postProviders(base, '{', { ...headers, 'x-session-api-key': 'k' }), // 422
        await send(`${base}/api/nothing-here`, { headers }), // 404
      ]) {
        assert.equal(reply.headers['access-control-allow-origin'], origin);
        assert.equal(reply.headers['access-control-allow-credentials'], 'true');
        assert.equal(reply.headers.vary, 'Origin');
      }
    });
  }

  for (const origin of [
    'http://evil.example',
    'http://localhost.evil.example',
    'http://127.0.0.2:8000',
    'ftp://localhost',
    'null',
    'not an origin',
  ]) {
    it(`refuses ${origin}: no CORS headers`, async () => {
      const reply = await send(`${server.url}/api/settings`, { headers: { origin } });
      assert.equal(reply.status, 200);
      assert.equal(reply.headers['access-control-allow-origin'], undefined);
      assert.equal(reply.headers['access-control-allow-credentials'], undefined);
    });
  }

  it('answers a preflight from an allowed origin: 200, every method, the headers asked for', async () => {
    const { base, id } = await createTenant(server.url);
    await control(server.url, 'POST', `/tenants/${id}/script`, { responses: [{ status: 500 }] });
    const reply = await send(`${base}/api/add-git-providers`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-session-api-key',
      },
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['access-control-allow-origin'], 'http://localhost:5173');
    assert.equal(reply.headers['access-control-allow-credentials'], 'true');
    assert.equal(reply.headers['access-control-allow-methods'], 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT');
    assert.equal(reply.headers['access-control-allow-headers'], 'content-type,x-session-api-key');
    assert.equal(reply.headers['access-control-max-age'], '600');
    // A preflight is not an API request: not logged, and the scripted answer is still queued.
    assert.deepEqual(await control(server.url, 'GET', `/tenants/${id}/requests`), []);
    assert.equal((await control(server.url, 'GET', `/tenants/${id}`)).pendingResponses, 1);
  });

  it('refuses a preflight from another origin: 400, no CORS headers', async () => {
    const reply = await send(`${server.url}/api/add-git-providers`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(reply.status, 400);
    assert.equal(reply.text, 'Disallowed CORS origin');
    assert.equal(reply.headers['access-control-allow-origin'], undefined);
  });

  it('answers preflights of the test controls too', async () => {
    const reply = await send(`${server.url}/__control/tenants`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:8000', 'access-control-request-method': 'POST' },
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['access-control-allow-origin'], 'http://127.0.0.1:8000');
  });

  it('an OPTIONS that is not a preflight is a 405 like any other wrong method', async () => {
    const reply = await send(`${server.url}/api/add-git-providers`, { method: 'OPTIONS' });
    assert.equal(reply.status, 405);
  });
});

describe('routing', () => {
  it('a wrong method is 405 {"detail": "Method Not Allowed"} with Allow', async () => {
    const put = await send(`${server.url}/api/settings`, { method: 'PUT' });
    assert.equal(put.status, 405);
    assert.deepEqual(put.json, { detail: 'Method Not Allowed' });
    assert.equal(put.headers.allow, 'GET, POST');
    assert.equal((await send(`${server.url}/api/unset-provider-tokens`)).headers.allow, 'POST');
    const get = await send(`${server.url}/api/add-git-providers`);
    assert.equal(get.status, 405);
    assert.equal(get.headers.allow, 'POST');
  });

  it('an unknown API path is 404 {"detail": "Not Found"}', async () => {
    for (const path of ['/api', '/api/', '/api/unknown', '/api/__proto__', '/t/no-such-tenant/api/settings']) {
      const reply = await send(`${server.url}${path}`);
      assert.equal(reply.status, 404, path);
      assert.deepEqual(reply.json, { detail: 'Not Found' });
    }
  });

  it('a trailing slash is redirected (307, method kept) to the path without it, query included', async () => {
    const { id, base } = await createTenant(server.url);
    const reply = await send(`${base}/api/add-git-providers/?x=1`, { method: 'POST', body: '{}' });
    assert.equal(reply.status, 307);
    assert.equal(reply.headers.location, `${server.url}/t/${id}/api/add-git-providers?x=1`);
  });

  it('the path is percent-decoded before routing', async () => {
    const reply = await send(`${server.url}/api/add%2Dgit-providers`, { method: 'POST', body: '{}' });
    assert.equal(reply.status, 200);
  });

  it('leaves other paths to the host server', async () => {
    for (const path of ['/', '/index.html', '/apix', '/t/abc', '/t/abc/other', '//api/settings', '/__controlx']) {
      const reply = await send(`${server.url}${path}`);
      assert.equal(reply.status, 404, path);
      assert.deepEqual(reply.json, { detail: 'Not Found' }); // the fallback of listen.js
    }
  });

  it('a tenant path keeps its prefix: the tenant, not the default, gets the request', async () => {
    const { id, base } = await createTenant(server.url);
    await postProviders(base, { provider_tokens: { github: { token: 'ghp_tenant' } } });
    assert.deepEqual(Object.keys((await control(server.url, 'GET', `/tenants/${id}`)).provider_tokens), ['github']);
    assert.deepEqual((await control(server.url, 'GET', '/tenants/default')).provider_tokens, {});
  });
});
