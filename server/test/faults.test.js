// @ts-check
// Fault controls (issue 4): everything a test or the demo needs to make the server misbehave
// the way a real server or network can. One test per fault, each through the public controls.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { control, createTenant, JSON_HEADERS, postProviders, send, useServer } from '../testing/harness.js';

const server = useServer();

/** @param {string} id @param {object[]} responses */
const script = (id, responses) => control(server.url, 'POST', `/tenants/${id}/script`, { responses });
/** @param {string} id */
const requests = (id) => control(server.url, 'GET', `/tenants/${id}/requests`);

/** The page origin the browser tests run on, and the second loopback origin they use. */
const PAGE_ORIGIN = 'http://localhost:8000';
const OTHER_ORIGIN = 'http://127.0.0.1:8000';

describe('fault controls', () => {
  it('delayMs: the answer comes late but comes', async () => {
    const { id, base } = await createTenant(server.url);
    await script(id, [{ delayMs: 200, status: 200, body: { message: 'Git providers stored' } }]);
    const started = performance.now();
    const reply = await postProviders(base, {});
    assert.ok(performance.now() - started >= 190);
    assert.deepEqual(reply.json, { message: 'Git providers stored' });
  });

  it('hang: no answer at all, and the next request is answered normally', async () => {
    const { id, base } = await createTenant(server.url);
    await script(id, [{ hang: true }]);
    await assert.rejects(
      send(`${base}/api/add-git-providers`, { method: 'POST', headers: JSON_HEADERS, body: '{}', timeoutMs: 150 }),
      /timed out/,
    );
    assert.equal((await postProviders(base, {})).status, 200);
  });

  it('drop: the connection breaks mid-answer (a network failure), and it is logged', async () => {
    const { id, base } = await createTenant(server.url);
    await script(id, [{ drop: true }]);
    await assert.rejects(postProviders(base, { provider_tokens: {} }));
    assert.equal((await requests(id)).length, 1);
    assert.equal((await postProviders(base, {})).status, 200);
  });

  for (const [status, body, contentType] of /** @type {[number, string | object, string | undefined][]} */ ([
    [200, '<!doctype html><title>Portal</title>', 'text/html'],
    [418, 'I am a teapot', 'application/octet-stream'],
    [422, 'null', 'application/json'],
    [500, { detail: [{ loc: { __proto__: 1 }, msg: 42 }] }, undefined],
    [503, '', 'application/problem+json'],
  ])) {
    it(`answers any status, body and content type: ${status} ${contentType ?? '(default)'}`, async () => {
      const { id, base } = await createTenant(server.url);
      await script(id, [{ status, body, ...(contentType === undefined ? {} : { contentType }) }]);
      const reply = await postProviders(base, {});
      assert.equal(reply.status, status);
      assert.equal(reply.headers['content-type'], contentType ?? 'application/json');
      assert.equal(reply.text, typeof body === 'string' ? body : JSON.stringify(body));
    });
  }

  for (const status of [307, 308]) {
    it(`redirectTo: a ${status} to another origin, with CORS for the page, body not followed`, async () => {
      const { id, base } = await createTenant(server.url);
      const target = `${OTHER_ORIGIN}/t/elsewhere/api/add-git-providers`;
      await script(id, [{ status, redirectTo: target }]);
      const reply = await postProviders(base, {}, { ...JSON_HEADERS, origin: PAGE_ORIGIN });
      assert.equal(reply.status, status);
      assert.equal(reply.headers.location, target);
      assert.equal(reply.headers['access-control-allow-origin'], PAGE_ORIGIN);
    });
  }

  it('redirectTo defaults to 307 and refuses a non-redirect status or a relative URL', async () => {
    const { id, base } = await createTenant(server.url);
    await script(id, [{ redirectTo: 'https://127.0.0.1:1/x' }]);
    assert.equal((await postProviders(base, {})).status, 307);
    for (const responses of [
      [{ redirectTo: 'https://127.0.0.1:1/x', status: 200 }],
      [{ redirectTo: '/relative' }],
      [{ redirectTo: 1 }],
    ]) {
      const reply = await send(`${server.url}/__control/tenants/${id}/script`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ responses }),
      });
      assert.equal(reply.status, 400, JSON.stringify(responses));
    }
  });

  for (const [status, body] of /** @type {[number, string | object][]} */ ([
    [429, { message: 'Too many requests' }],
    [500, 'Internal Server Error'],
  ])) {
    it(`cors: false: a ${status} reaches another loopback origin without any CORS header`, async () => {
      const { id, base } = await createTenant(server.url);
      await script(id, [{ status, body, cors: false }]);
      const reply = await postProviders(base, {}, { ...JSON_HEADERS, origin: OTHER_ORIGIN });
      assert.equal(reply.status, status);
      for (const name of Object.keys(reply.headers)) assert.ok(!name.startsWith('access-control-'), name);
    });
  }

  it('both loopback origins the browser tests use are allowed by CORS (preflight and answer)', async () => {
    const { base } = await createTenant(server.url);
    for (const origin of [PAGE_ORIGIN, OTHER_ORIGIN]) {
      const preflight = await send(`${base}/api/add-git-providers`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-session-api-key',
        },
      });
      assert.equal(preflight.status, 200);
      assert.equal(preflight.headers['access-control-allow-origin'], origin);
      assert.equal(preflight.headers['access-control-allow-headers'], 'content-type,x-session-api-key');
      const reply = await postProviders(base, {}, { ...JSON_HEADERS, origin });
      assert.equal(reply.headers['access-control-allow-origin'], origin);
    }
  });
});
