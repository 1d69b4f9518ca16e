// @ts-check
// The 422 answers of POST /api/add-git-providers: pydantic v2 shapes and texts, over HTTP.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTenant, postProviders, useServer } from '../testing/harness.js';

const server = useServer();

const EXPECTED_PROVIDERS = "'github', 'gitlab', 'bitbucket' or 'enterprise_sso'";
const VALUE_ERROR_CTX = { error: {} };

/**
 * POSTs `body` to a fresh tenant and returns the 422's detail list.
 * @param {unknown} body
 * @param {object} [tenantOptions]
 */
async function detailFor(body, tenantOptions) {
  const { base } = await createTenant(server.url, tenantOptions);
  const reply = await postProviders(base, body);
  assert.equal(reply.status, 422, reply.text);
  assert.equal(reply.headers['content-type'], 'application/json');
  return reply.json.detail;
}

/** @param {unknown} body @param {object} [tenantOptions] */
async function accepted(body, tenantOptions) {
  const { base } = await createTenant(server.url, tenantOptions);
  const reply = await postProviders(base, body);
  assert.equal(reply.status, 200, reply.text);
  assert.deepEqual(reply.json, { message: 'Git providers stored' });
}

/**
 * @param {(string | number)[]} loc
 * @param {unknown} input
 * @param {string} text
 */
const valueError = (loc, input, text) => ({
  type: 'value_error',
  loc,
  msg: `Value error, ${text}`,
  input,
  ctx: VALUE_ERROR_CTX,
});

describe('the body itself', () => {
  it('is required: no body is `missing` at ["body"] with input null', async () => {
    assert.deepEqual(await detailFor(''), [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
  });

  it('a JSON null is no body either', async () => {
    assert.deepEqual(await detailFor('null'), [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
  });

  for (const [what, body, input] of /** @type {[string, string, unknown][]} */ ([
    ['a list', '[1]', [1]],
    ['a string', '"text"', 'text'],
    ['a number', '42', 42],
    ['a boolean', 'true', true],
  ])) {
    it(`must be an object: ${what} is model_attributes_type`, async () => {
      assert.deepEqual(await detailFor(body), [
        {
          type: 'model_attributes_type',
          loc: ['body'],
          msg: 'Input should be a valid dictionary or object to extract fields from',
          input,
        },
      ]);
    });
  }

  it('has defaults for everything: {} is valid', async () => {
    await accepted({});
  });

  it('ignores keys it does not know at the top level', async () => {
    await accepted({ provider_tokens: {}, something_else: [1, 2], mcpServers: {} });
  });
});

describe('provider_tokens', () => {
  it('must be a dictionary: dict_type', async () => {
    for (const value of [[], 'x', null, 3]) {
      assert.deepEqual(await detailFor({ provider_tokens: value }), [
        {
          type: 'dict_type',
          loc: ['body', 'provider_tokens'],
          msg: 'Input should be a valid dictionary',
          input: value,
        },
      ]);
    }
  });

  it('an unknown provider is an enum error on the key itself, with [key] in loc', async () => {
    assert.deepEqual(await detailFor({ provider_tokens: { azure_devops: { token: 'x' } } }), [
      {
        type: 'enum',
        loc: ['body', 'provider_tokens', 'azure_devops', '[key]'],
        msg: `Input should be ${EXPECTED_PROVIDERS}`,
        input: 'azure_devops',
        ctx: { expected: EXPECTED_PROVIDERS },
      },
    ]);
  });

  it('the provider list is the tenant’s: a server that knows azure_devops accepts it', async () => {
    const providerTypes = ['github', 'gitlab', 'bitbucket', 'enterprise_sso', 'azure_devops'];
    await accepted({ provider_tokens: { azure_devops: { token: 'azdo', host: 'dev.azure.com' } } }, { providerTypes });
    const [error] = await detailFor({ provider_tokens: { nope: {} } }, { providerTypes });
    assert.equal(error.msg, "Input should be 'github', 'gitlab', 'bitbucket', 'enterprise_sso' or 'azure_devops'");
    const [single] = await detailFor({ provider_tokens: { nope: {} } }, { providerTypes: ['github'] });
    assert.equal(single.msg, "Input should be 'github'");
  });

  it('a key error and a value error of the same entry are both reported, key first', async () => {
    assert.deepEqual(await detailFor({ provider_tokens: { azure_devops: { token: 5 } } }), [
      {
        type: 'enum',
        loc: ['body', 'provider_tokens', 'azure_devops', '[key]'],
        msg: `Input should be ${EXPECTED_PROVIDERS}`,
        input: 'azure_devops',
        ctx: { expected: EXPECTED_PROVIDERS },
      },
      {
        type: 'string_type',
        loc: ['body', 'provider_tokens', 'azure_devops', 'token'],
        msg: 'Input should be a valid string',
        input: 5,
      },
    ]);
  });

  it('an entry that is not an object is model_attributes_type (FastAPI validates with from_attributes)', async () => {
    assert.deepEqual(await detailFor({ provider_tokens: { github: 'ghp_x' } }), [
      {
        type: 'model_attributes_type',
        loc: ['body', 'provider_tokens', 'github'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: 'ghp_x',
      },
    ]);
  });

  it('token, user_id and host must be strings or null: string_type, every one reported', async () => {
    assert.deepEqual(await detailFor({ provider_tokens: { github: { token: 5, user_id: [], host: { a: 1 } } } }), [
      {
        type: 'string_type',
        loc: ['body', 'provider_tokens', 'github', 'token'],
        msg: 'Input should be a valid string',
        input: 5,
      },
      {
        type: 'string_type',
        loc: ['body', 'provider_tokens', 'github', 'user_id'],
        msg: 'Input should be a valid string',
        input: [],
      },
      {
        type: 'string_type',
        loc: ['body', 'provider_tokens', 'github', 'host'],
        msg: 'Input should be a valid string',
        input: { a: 1 },
      },
    ]);
  });

  it('an entry’s unknown keys are dropped silently', async () => {
    await accepted({ provider_tokens: { github: { token: 'ghp_ok', host: null, extra: 1 } } });
  });

  it('keeps the order keys were sent in, integer-like keys included', async () => {
    const detail = await detailFor('{"provider_tokens": {"b": {}, "1": {}, "a": {}}}');
    assert.deepEqual(
      detail.map((/** @type {any} */ e) => e.loc[2]),
      ['b', '1', 'a'],
    );
  });

  it('a repeated key keeps its first place and its last value, as Python’s json does', async () => {
    const detail = await detailFor('{"provider_tokens": {"x": {"token": 1}, "github": {}, "x": {"token": 2}}}');
    assert.deepEqual(detail, [
      {
        type: 'enum',
        loc: ['body', 'provider_tokens', 'x', '[key]'],
        msg: `Input should be ${EXPECTED_PROVIDERS}`,
        input: 'x',
        ctx: { expected: EXPECTED_PROVIDERS },
      },
      {
        type: 'string_type',
        loc: ['body', 'provider_tokens', 'x', 'token'],
        msg: 'Input should be a valid string',
        input: 2,
      },
    ]);
  });
});

describe('mcp_config', () => {
  it('may be absent or null', async () => {
    await accepted({ provider_tokens: {} });
    await accepted({ provider_tokens: {}, mcp_config: null });
    await accepted({ mcp_config: {} });
  });

  it('must be an object: model_attributes_type', async () => {
    assert.deepEqual(await detailFor({ mcp_config: 'servers' }), [
      {
        type: 'model_attributes_type',
        loc: ['body', 'mcp_config'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: 'servers',
      },
    ]);
  });

  it('forbids unknown keys: extra_forbidden, after the field errors, in the order sent', async () => {
    assert.deepEqual(await detailFor({ mcp_config: { mcpServers: { a: 1 }, stdio_servers: 'x', zzz: null } }), [
      {
        type: 'list_type',
        loc: ['body', 'mcp_config', 'stdio_servers'],
        msg: 'Input should be a valid list',
        input: 'x',
      },
      {
        type: 'extra_forbidden',
        loc: ['body', 'mcp_config', 'mcpServers'],
        msg: 'Extra inputs are not permitted',
        input: { a: 1 },
      },
      {
        type: 'extra_forbidden',
        loc: ['body', 'mcp_config', 'zzz'],
        msg: 'Extra inputs are not permitted',
        input: null,
      },
    ]);
  });

  it('server lists must be lists of objects', async () => {
    assert.deepEqual(await detailFor({ mcp_config: { stdio_servers: [{ name: 'a', command: 'b' }, 5] } }), [
      {
        type: 'model_attributes_type',
        loc: ['body', 'mcp_config', 'stdio_servers', 1],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: 5,
      },
    ]);
    assert.deepEqual(await detailFor({ mcp_config: { stdio_servers: { name: 'a' } } }), [
      {
        type: 'list_type',
        loc: ['body', 'mcp_config', 'stdio_servers'],
        msg: 'Input should be a valid list',
        input: { name: 'a' },
      },
    ]);
  });
});

describe('SSE and SHTTP server URLs', () => {
  const urlCases = /** @type {[string, string][]} */ ([
    ['', 'URL cannot be empty'],
    ['   ', 'URL cannot be empty'],
    ['example.com/sse', 'URL must include a scheme (http:// or https://)'],
    ['//example.com/sse', 'URL must include a scheme (http:// or https://)'],
    ['localhost:8080', 'URL must include a valid domain/host'],
    ['http:/example.com', 'URL must include a valid domain/host'],
    ['ftp://example.com', 'URL scheme must be http, https, ws, or wss'],
    ['file:///etc/passwd', 'URL must include a valid domain/host'],
    ['http://[::1', 'Invalid IPv6 URL'],
    ['http://[127.0.0.1]/', 'An IPv4 address cannot be in brackets'],
    ['http://[nothost]/', "'nothost' does not appear to be an IPv4 or IPv6 address"],
  ]);
  for (const kind of ['sse_servers', 'shttp_servers']) {
    for (const [url, message] of urlCases) {
      it(`${kind}: ${JSON.stringify(url)} -> ${message}`, async () => {
        assert.deepEqual(await detailFor({ mcp_config: { [kind]: [{ url, api_key: null }] } }), [
          valueError(['body', 'mcp_config', kind, 0, 'url'], url, message),
        ]);
      });
    }

    it(`${kind}: accepts http, https, ws and wss URLs, trimmed, any case of scheme`, async () => {
      const urls = ['http://a.example', ' https://a.example/sse ', 'WS://127.0.0.1:9/x', 'wss://[::1]:8443/mcp'];
      await accepted({ mcp_config: { [kind]: urls.map((url) => ({ url })) } });
    });

    it(`${kind}: a bare string is taken as {url}`, async () => {
      await accepted({ mcp_config: { [kind]: ['https://mcp.example.com/sse'] } });
      assert.deepEqual(await detailFor({ mcp_config: { [kind]: ['ftp://x'] } }), [
        valueError(['body', 'mcp_config', kind, 0, 'url'], 'ftp://x', 'URL scheme must be http, https, ws, or wss'),
      ]);
    });

    it(`${kind}: a missing url is \`missing\`, with the server object as input`, async () => {
      assert.deepEqual(await detailFor({ mcp_config: { [kind]: [{ api_key: 'k' }] } }), [
        {
          type: 'missing',
          loc: ['body', 'mcp_config', kind, 0, 'url'],
          msg: 'Field required',
          input: { api_key: 'k' },
        },
      ]);
    });

    it(`${kind}: api_key must be a string or null; unknown keys are dropped`, async () => {
      assert.deepEqual(await detailFor({ mcp_config: { [kind]: [{ url: 'https://a.example', api_key: 7 }] } }), [
        {
          type: 'string_type',
          loc: ['body', 'mcp_config', kind, 0, 'api_key'],
          msg: 'Input should be a valid string',
          input: 7,
        },
      ]);
      await accepted({ mcp_config: { [kind]: [{ url: 'https://a.example', api_key: 'k', timeout: 5 }] } });
    });

    it(`${kind}: a string instead of a list is iterated: one URL per character`, async () => {
      assert.deepEqual(await detailFor({ mcp_config: { [kind]: 'ab' } }), [
        valueError(['body', 'mcp_config', kind, 0, 'url'], 'a', 'URL must include a scheme (http:// or https://)'),
        valueError(['body', 'mcp_config', kind, 1, 'url'], 'b', 'URL must include a scheme (http:// or https://)'),
      ]);
    });

    it(`${kind}: an object instead of a list is iterated: its keys are URLs`, async () => {
      await accepted({ mcp_config: { [kind]: { 'https://a.example/sse': 'ignored' } } });
    });
  }

  it('a non-string SSE url is string_type (its validator runs after the type check)', async () => {
    assert.deepEqual(await detailFor({ mcp_config: { sse_servers: [{ url: 3 }, { url: null }] } }), [
      {
        type: 'string_type',
        loc: ['body', 'mcp_config', 'sse_servers', 0, 'url'],
        msg: 'Input should be a valid string',
        input: 3,
      },
      {
        type: 'string_type',
        loc: ['body', 'mcp_config', 'sse_servers', 1, 'url'],
        msg: 'Input should be a valid string',
        input: null,
      },
    ]);
  });

  it('URLs need not be unique', async () => {
    await accepted({ mcp_config: { sse_servers: ['https://a.example', 'https://a.example'] } });
  });
});

describe('stdio servers', () => {
  /** @param {object} server */
  const stdio = (server) => ({ mcp_config: { stdio_servers: [server] } });
  const at = (/** @type {(string | number)[]} */ ...rest) => ['body', 'mcp_config', 'stdio_servers', 0, ...rest];

  it('name and command are required', async () => {
    assert.deepEqual(await detailFor(stdio({ args: [] })), [
      { type: 'missing', loc: at('name'), msg: 'Field required', input: { args: [] } },
      { type: 'missing', loc: at('command'), msg: 'Field required', input: { args: [] } },
    ]);
  });

  for (const [name, message] of /** @type {[string, string][]} */ ([
    ['', 'Server name cannot be empty'],
    [' \t', 'Server name cannot be empty'],
    ['my server', 'Server name can only contain letters, numbers, hyphens, and underscores'],
    ['a.b', 'Server name can only contain letters, numbers, hyphens, and underscores'],
    ['é', 'Server name can only contain letters, numbers, hyphens, and underscores'],
  ])) {
    it(`name ${JSON.stringify(name)} -> ${message}`, async () => {
      assert.deepEqual(await detailFor(stdio({ name, command: 'npx' })), [valueError(at('name'), name, message)]);
    });
  }

  for (const [command, message] of /** @type {[string, string][]} */ ([
    ['', 'Command cannot be empty'],
    ['  ', 'Command cannot be empty'],
    ['npx -y thing', 'Command should be a single executable without spaces (use arguments field for parameters)'],
  ])) {
    it(`command ${JSON.stringify(command)} -> ${message}`, async () => {
      assert.deepEqual(await detailFor(stdio({ name: 'a', command })), [valueError(at('command'), command, message)]);
    });
  }

  it('name and command are trimmed before the checks; names need not be unique', async () => {
    await accepted({
      mcp_config: {
        stdio_servers: [
          { name: ' my-server_1 ', command: ' npx\t' },
          { name: 'my-server_1', command: 'uvx' },
        ],
      },
    });
  });

  it('args: a list of strings; each bad item is reported at its index', async () => {
    assert.deepEqual(await detailFor(stdio({ name: 'a', command: 'b', args: ['ok', 5, null] })), [
      { type: 'string_type', loc: at('args', 1), msg: 'Input should be a valid string', input: 5 },
      { type: 'string_type', loc: at('args', 2), msg: 'Input should be a valid string', input: null },
    ]);
  });

  it('args: a string is split shell-style; an unclosed quote is a value error', async () => {
    await accepted(stdio({ name: 'a', command: 'b', args: `-y mcp-remote --config "path with spaces" 'x y'` }));
    await accepted(stdio({ name: 'a', command: 'b', args: '   ' }));
    assert.deepEqual(await detailFor(stdio({ name: 'a', command: 'b', args: 'a "b' })), [
      valueError(
        at('args'),
        'a "b',
        `Invalid argument format: No closing quotation. Use shell-like format, e.g., "arg1 arg2" or '--config "value with spaces"'`,
      ),
    ]);
    const [trailingBackslash] = await detailFor(stdio({ name: 'a', command: 'b', args: 'a \\' }));
    assert.equal(
      trailingBackslash.msg,
      `Value error, Invalid argument format: No escaped character. Use shell-like format, e.g., "arg1 arg2" or '--config "value with spaces"'`,
    );
  });

  it('args: a falsy value means none; another non-list is list_type', async () => {
    for (const args of [null, false, 0, {}]) await accepted(stdio({ name: 'a', command: 'b', args }));
    for (const args of [5, true, { a: 1 }]) {
      assert.deepEqual(await detailFor(stdio({ name: 'a', command: 'b', args })), [
        { type: 'list_type', loc: at('args'), msg: 'Input should be a valid list', input: args },
      ]);
    }
  });

  it('env: a map of strings, keys not checked; a non-string value is reported at its key', async () => {
    await accepted(stdio({ name: 'a', command: 'b', env: { 'not a name!': 'v', '': 'w' } }));
    assert.deepEqual(await detailFor(stdio({ name: 'a', command: 'b', env: { K: 5, OK: 'v', N: null } })), [
      { type: 'string_type', loc: at('env', 'K'), msg: 'Input should be a valid string', input: 5 },
      { type: 'string_type', loc: at('env', 'N'), msg: 'Input should be a valid string', input: null },
    ]);
  });

  it('env: a K=V,K2=V2 string is parsed, its keys checked', async () => {
    await accepted(stdio({ name: 'a', command: 'b', env: 'A=1, B_2 = x=y ,,' }));
    for (const [env, message] of /** @type {[string, string][]} */ ([
      ['A=1,B', "Environment variable 'B' must be in KEY=VALUE format"],
      ['=1', 'Environment variable key cannot be empty'],
      [
        '1A=2',
        "Invalid environment variable name '1A'. Must start with letter or underscore, contain only alphanumeric characters and underscores",
      ],
      [
        'MY-KEY=2',
        "Invalid environment variable name 'MY-KEY'. Must start with letter or underscore, contain only alphanumeric characters and underscores",
      ],
    ])) {
      assert.deepEqual(await detailFor(stdio({ name: 'a', command: 'b', env })), [valueError(at('env'), env, message)]);
    }
  });

  it('env: a falsy value means none; another non-map is dict_type', async () => {
    for (const env of [null, [], 0, '']) await accepted(stdio({ name: 'a', command: 'b', env }));
    for (const env of [['A=1'], 5, true]) {
      assert.deepEqual(await detailFor(stdio({ name: 'a', command: 'b', env })), [
        { type: 'dict_type', loc: at('env'), msg: 'Input should be a valid dictionary', input: env },
      ]);
    }
  });
});

describe('several errors in one answer', () => {
  it('lists every error, in the models’ field order: mcp_config before provider_tokens', async () => {
    const body = {
      provider_tokens: { github: { token: 1 }, nope: { host: 2 } },
      mcp_config: {
        extra: true,
        shttp_servers: ['example.com'],
        stdio_servers: [{ env: 'bad', args: [1], command: 'a b', name: 'x y' }],
        sse_servers: [{ url: '' }],
      },
    };
    const detail = await detailFor(body);
    assert.deepEqual(
      detail.map((/** @type {any} */ e) => [e.type, e.loc.slice(1).join('/')]),
      [
        ['value_error', 'mcp_config/sse_servers/0/url'],
        ['value_error', 'mcp_config/stdio_servers/0/name'],
        ['value_error', 'mcp_config/stdio_servers/0/command'],
        ['string_type', 'mcp_config/stdio_servers/0/args/0'],
        ['value_error', 'mcp_config/stdio_servers/0/env'],
        ['value_error', 'mcp_config/shttp_servers/0/url'],
        ['extra_forbidden', 'mcp_config/extra'],
        ['string_type', 'provider_tokens/github/token'],
        ['enum', 'provider_tokens/nope/[key]'],
        ['string_type', 'provider_tokens/nope/host'],
      ],
    );
  });

  it('list indexes in loc are integers, keys are strings', async () => {
    const reply = await postProviders((await createTenant(server.url)).base, {
      mcp_config: { stdio_servers: [{ name: 'a', command: 'b', args: ['x', 1] }] },
    });
    assert.match(reply.text, /"loc":\["body","mcp_config","stdio_servers",0,"args",1\]/);
  });
});

describe('echoed inputs are written as Python writes them', () => {
  it('floats keep their decimal point, big integers their digits', async () => {
    const { base } = await createTenant(server.url);
    const reply = await postProviders(
      base,
      '{"provider_tokens": {"github": {"token": 1.0, "host": 12345678901234567890123, "user_id": 1e-7}}}',
    );
    assert.equal(reply.status, 422);
    assert.match(reply.text, /"input":1\.0\}/);
    assert.match(reply.text, /"input":12345678901234567890123\}/);
    assert.match(reply.text, /"input":1e-07\}/);
  });

  it('non-ASCII text is sent as UTF-8, not escaped', async () => {
    const { base } = await createTenant(server.url);
    const reply = await postProviders(base, { mcp_config: { stdio_servers: [{ name: 'héllo wörld', command: 'x' }] } });
    assert.match(reply.text, /"input":"héllo wörld"/);
  });
});
