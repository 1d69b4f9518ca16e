// @ts-check
// Where the real server's validators raise something pydantic does not catch, or a 422
// holds what Python cannot write: a plain-text 500 without CORS headers.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTenant, postProviders, useServer } from '../testing/harness.js';

const server = useServer();
const ORIGIN = 'http://localhost:5173';

/** @param {unknown} body */
async function post(body) {
  const { base } = await createTenant(server.url);
  return postProviders(base, body, { 'content-type': 'application/json', origin: ORIGIN });
}

/** @param {import('../testing/harness.js').Reply} reply */
function assertPlain500(reply) {
  assert.equal(reply.status, 500);
  assert.equal(reply.text, 'Internal Server Error');
  assert.equal(reply.headers['content-type'], 'text/plain; charset=utf-8');
  assert.equal(reply.headers['access-control-allow-origin'], undefined);
}

describe('a validator crashes: 500 "Internal Server Error" as plain text, no CORS', () => {
  for (const url of [5, null, true, { href: 'https://a.example' }, ['https://a.example']]) {
    it(`an SHTTP url that is not a string (${JSON.stringify(url)}): its mode="before" validator calls .strip()`, async () => {
      assertPlain500(await post({ mcp_config: { shttp_servers: [{ url }] } }));
    });
  }

  for (const field of ['name', 'command']) {
    it(`a stdio ${field} that is not a string`, async () => {
      const server = { name: 'ok', command: 'ok', [field]: 42 };
      assertPlain500(await post({ mcp_config: { stdio_servers: [server] } }));
    });
  }

  for (const list of ['sse_servers', 'shttp_servers']) {
    for (const value of [null, 3, false]) {
      it(`${list} that cannot be iterated (${JSON.stringify(value)})`, async () => {
        assertPlain500(await post({ mcp_config: { [list]: value } }));
      });
    }
  }

  it('crashes even when other fields have errors: nothing is collected past an uncaught exception', async () => {
    assertPlain500(
      await post({
        provider_tokens: { nope: {} },
        mcp_config: { sse_servers: [{ url: '' }], shttp_servers: [{ url: 1 }] },
      }),
    );
  });

  it('a 422 echoing NaN cannot be written (allow_nan=False)', async () => {
    const { base } = await createTenant(server.url);
    assertPlain500(
      await postProviders(base, '{"provider_tokens": {"github": {"token": NaN}}}', {
        'content-type': 'application/json',
        origin: ORIGIN,
      }),
    );
  });

  it('a 422 echoing a lone surrogate cannot be written (UTF-8)', async () => {
    const { base } = await createTenant(server.url);
    assertPlain500(
      await postProviders(base, '{"provider_tokens": {"\\ud800": {}}}', {
        'content-type': 'application/json',
        origin: ORIGIN,
      }),
    );
  });

  it('the same values elsewhere are fine: an SSE url that is not a string is a 422', async () => {
    const reply = await post({ mcp_config: { sse_servers: [{ url: 5 }] } });
    assert.equal(reply.status, 422);
    assert.equal(reply.headers['access-control-allow-origin'], ORIGIN);
  });

  it('the server goes on answering after a crash', async () => {
    assertPlain500(await post({ mcp_config: { shttp_servers: [{ url: 5 }] } }));
    assert.equal((await post({})).status, 200);
  });
});
