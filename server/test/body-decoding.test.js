// @ts-check
// How the body is read before validation: Python's json.loads errors (422 json_invalid with
// character offsets), FastAPI's Content-Type rule, and the bodies that cannot be read at all.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePythonJson } from '../python-json.js';
import { createTenant, postProviders, send, useServer } from '../testing/harness.js';

const server = useServer();

/**
 * @param {string | Buffer} body
 * @param {Record<string, string>} [headers]
 */
async function post(body, headers = { 'content-type': 'application/json' }) {
  const { base } = await createTenant(server.url);
  return send(`${base}/api/add-git-providers`, { method: 'POST', headers, body });
}

/** @param {number} pos @param {string} error */
const jsonInvalid = (pos, error) => ({
  detail: [{ type: 'json_invalid', loc: ['body', pos], msg: 'JSON decode error', input: {}, ctx: { error } }],
});

describe('malformed JSON is a 422 json_invalid at Python’s character offset', () => {
  const cases = /** @type {[string, number, string][]} */ ([
    ['{"provider_tokens": }', 20, 'Expecting value'],
    ['{"provider_tokens" {}}', 19, "Expecting ':' delimiter"],
    ['{"a": 1 "b": 2}', 8, "Expecting ',' delimiter"],
    ["{'provider_tokens': {}}", 1, 'Expecting property name enclosed in double quotes'],
    ['{"a": 1,}', 8, 'Expecting property name enclosed in double quotes'],
    ['{', 1, 'Expecting property name enclosed in double quotes'],
    ['{"a"', 4, "Expecting ':' delimiter"],
    ['{"a": 1', 7, "Expecting ',' delimiter"],
    ['[1,]', 3, 'Expecting value'],
    ['[1 2]', 3, "Expecting ',' delimiter"],
    ['{} x', 3, 'Extra data'],
    ['{}{}', 2, 'Extra data'],
    ['01', 1, 'Extra data'],
    ['-', 0, 'Expecting value'],
    ['nul', 0, 'Expecting value'],
    ['   ', 3, 'Expecting value'],
    ['"abc', 0, 'Unterminated string starting at'],
    ['{"a": "b\\', 6, 'Unterminated string starting at'],
    ['"a\\qb"', 2, 'Invalid \\escape'],
    ['"\\u12"', 2, 'Invalid \\uXXXX escape'],
    ['"\\u12xy"', 2, 'Invalid \\uXXXX escape'],
    ['"\\ud800\\u12xy"', 8, 'Invalid \\uXXXX escape'],
    ['"a\tb"', 2, 'Invalid control character at'],
    ['{"😀😀": }', 7, 'Expecting value'],
  ]);
  for (const [body, pos, error] of cases) {
    it(`${JSON.stringify(body)} -> ${error} at ${pos}`, async () => {
      const reply = await post(body);
      assert.equal(reply.status, 422);
      assert.deepEqual(reply.json, jsonInvalid(pos, error));
    });
  }

  it('comes before the session key check', async () => {
    const { base } = await createTenant(server.url, { sessionKey: 'secret' });
    const reply = await postProviders(base, '{"provider_tokens": ');
    assert.equal(reply.status, 422);
    assert.equal(reply.json.detail[0].type, 'json_invalid');
  });
});

describe('what Python’s json accepts and JSON.parse does not', () => {
  it('NaN, Infinity and -Infinity', async () => {
    const reply = await post('{"provider_tokens": {}, "x": [NaN, Infinity, -Infinity]}');
    assert.equal(reply.status, 200, reply.text);
  });

  it('a UTF-8 byte order mark before the body', async () => {
    const reply = await post(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')]));
    assert.equal(reply.status, 200, reply.text);
  });

  it('surrogate pairs written as escapes', async () => {
    const reply = await post('{"provider_tokens": {"\\ud83d\\ude00": {}}}');
    assert.equal(reply.json.detail[0].input, '😀');
  });
});

describe('the Content-Type decides whether the body is JSON', () => {
  for (const type of [
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/vnd.api+json',
  ]) {
    it(`${type}: parsed`, async () => {
      assert.equal((await post('{}', { 'content-type': type })).status, 200);
    });
  }

  it('none at all: parsed', async () => {
    assert.equal((await post('{}', {})).status, 200);
  });

  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'json', 'application/json/x']) {
    it(`${type}: not parsed, so the body is not an object (model_attributes_type, with the text as input)`, async () => {
      const reply = await post('{"provider_tokens": {}}', { 'content-type': type });
      assert.equal(reply.status, 422);
      assert.deepEqual(reply.json.detail, [
        {
          type: 'model_attributes_type',
          loc: ['body'],
          msg: 'Input should be a valid dictionary or object to extract fields from',
          input: '{"provider_tokens": {}}',
        },
      ]);
    });
  }

  it('a malformed body that is not declared JSON is not a json_invalid', async () => {
    const reply = await post('{oops', { 'content-type': 'text/plain' });
    assert.equal(reply.json.detail[0].type, 'model_attributes_type');
  });
});

describe('bodies that cannot be read answer 400 "There was an error parsing the body"', () => {
  for (const [what, body] of /** @type {[string, string | Buffer][]} */ ([
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0xff, 0x7d])],
    ['nesting deeper than Python’s recursion limit', `${'['.repeat(1200)}${']'.repeat(1200)}`],
    ['an integer over 4300 digits', `{"x": ${'9'.repeat(4301)}}`],
  ])) {
    it(what, async () => {
      const reply = await post(body);
      assert.equal(reply.status, 400);
      assert.deepEqual(reply.json, { detail: 'There was an error parsing the body' });
    });
  }

  it('nesting within the limit is fine', async () => {
    assert.equal((await post(`{"x": ${'['.repeat(500)}${']'.repeat(500)}}`)).status, 200);
  });
});

describe('bodies over 1 MiB', () => {
  it('are answered 413, with CORS, and logged without their content', async () => {
    const { id, base } = await createTenant(server.url);
    const big = JSON.stringify({ provider_tokens: {}, padding: 'x'.repeat(1024 * 1024) });
    const reply = await send(`${base}/api/add-git-providers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
      body: big,
    });
    assert.equal(reply.status, 413);
    assert.deepEqual(reply.json, { detail: 'Request body too large' });
    assert.equal(reply.headers['access-control-allow-origin'], 'http://localhost:5173');
    const log = await send(`${server.url}/__control/tenants/${id}/requests`);
    assert.equal(log.json[0].bodyKind, 'too-large');
    assert.equal(log.json[0].body, null);
  });

  it('far over the limit, the connection is cut and the server lives on', async () => {
    const { base } = await createTenant(server.url);
    await assert.rejects(
      send(`${base}/api/add-git-providers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: Buffer.alloc(20 * 1024 * 1024, 0x20),
      }),
    );
    assert.equal((await post('{}')).status, 200);
  });
});

describe('parsePythonJson', () => {
  it('gives Maps in insertion order, bigints for integers, numbers for floats', () => {
    const value = parsePythonJson('{"2": 1, "1": 2.5, "__proto__": {"a": -0}}');
    assert.ok(value instanceof Map);
    assert.deepEqual([...value.keys()], ['2', '1', '__proto__']);
    assert.equal(value.get('2'), 1n);
    assert.equal(value.get('1'), 2.5);
    assert.deepEqual(value.get('__proto__'), new Map([['a', 0n]]));
    assert.equal(Object.getPrototypeOf({}), Object.prototype);
  });

  it('reads every escape', () => {
    assert.equal(
      parsePythonJson('"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\\ud800x"'),
      '"\\/\b\f\n\r\té😀\ud800x',
    );
  });

  it('reads numbers as Python does', () => {
    assert.equal(parsePythonJson('-0'), 0n);
    assert.equal(parsePythonJson('1E+2'), 100);
    assert.equal(parsePythonJson('1e400'), Infinity);
    assert.equal(parsePythonJson('12345678901234567890'), 12345678901234567890n);
  });
});
