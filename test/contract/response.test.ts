import { expect } from '@open-wc/testing';
import { interpretResponse, MAX_SERVER_ERRORS } from '../../src/contract/response.js';
import type { SubmitResult } from '../../src/contract/result.js';

const JSON_TYPE = 'application/json';
const answer = (status: number, body: unknown, contentType: string | null = JSON_TYPE) => ({
  status,
  contentType,
  bodyText: typeof body === 'string' ? body : JSON.stringify(body),
});

function validationErrors(result: SubmitResult) {
  if (result.kind !== 'validation') throw new Error(`expected validation, got ${result.kind}`);
  return result.errors;
}

describe('contract/response: success', () => {
  it('200 with the server message -> saved', () => {
    expect(interpretResponse(answer(200, { message: 'Git providers stored' }), {})).to.deep.equal({
      kind: 'saved',
      status: 200,
      message: 'Git providers stored',
    });
  });

  it('only a JSON object with a message string is saved; an empty message gets a default text', () => {
    expect(interpretResponse(answer(201, { message: '' }), {})).to.deep.equal({
      kind: 'saved',
      status: 201,
      message: 'Settings saved.',
    });
  });

  it('any other 2xx is unknown: something answered, nothing is known to be saved', () => {
    const unknown = (status: number, words: string, hint = '') => ({
      kind: 'unknown',
      status,
      message: `The server answered HTTP ${status}${status === 204 ? ' No Content' : status === 201 ? ' Created' : ' OK'} with ${words}, not as OpenHands does: nothing is known to be saved.${hint}`,
    });
    expect(interpretResponse(answer(204, ''), {})).to.deep.equal(unknown(204, 'an empty answer'));
    expect(interpretResponse(answer(200, 'null'), {})).to.deep.equal(unknown(200, 'an unexpected JSON answer'));
    expect(interpretResponse(answer(200, [1]), {})).to.deep.equal(unknown(200, 'an unexpected JSON answer'));
    expect(interpretResponse(answer(201, { message: 5 }), {})).to.deep.equal(unknown(201, 'a JSON answer'));
    expect(interpretResponse(answer(200, { queued: true }), {})).to.deep.equal(unknown(200, 'a JSON answer'));
    expect(interpretResponse(answer(200, 'OK', 'text/plain'), {})).to.deep.equal(
      unknown(200, 'an answer that is not JSON'),
    );
    expect(
      interpretResponse(answer(200, '<!doctype html><title>App</title>', 'text/html; charset=utf-8'), {}),
    ).to.deep.equal(unknown(200, 'an HTML page', ' Check the base URL.'));
  });
});

describe('contract/response: 422', () => {
  it('places each item with locToPointer and cleans its message', () => {
    const result = interpretResponse(
      answer(422, {
        detail: [
          {
            type: 'value_error',
            loc: ['body', 'mcp_config', 'stdio_servers', 1, 'name'],
            msg: 'Value error, Server name cannot be empty',
            input: 'x',
            ctx: { error: {} },
          },
          {
            type: 'string_type',
            loc: ['body', 'provider_tokens', 'github', 'token'],
            msg: 'Input should be a valid string',
            input: 5,
          },
          {
            type: 'enum',
            loc: ['body', 'provider_tokens', 'azure_devops', '[key]'],
            msg: "Input should be 'github', 'gitlab' or 'bitbucket'",
          },
          { type: 'extra_forbidden', loc: ['body', 'mcp_config', 'mcpServers'], msg: 'Extra inputs are not permitted' },
          {
            type: 'type_error.enum',
            loc: ['body', 'provider_tokens', 'x', '__key__'],
            msg: 'value is not a valid enumeration member',
          },
        ],
      }),
      {},
    );
    expect(result).to.deep.equal({
      kind: 'validation',
      status: 422,
      message: 'The server found 5 problems in the settings.',
      errors: [
        { pointer: '/mcp_config/stdio_servers/1/name', type: 'value_error', message: 'Server name cannot be empty' },
        { pointer: '/provider_tokens/github/token', type: 'string_type', message: 'Input should be a valid string' },
        {
          pointer: '/provider_tokens/azure_devops/[key]',
          type: 'enum',
          message: "Input should be 'github', 'gitlab' or 'bitbucket'",
        },
        { pointer: '/mcp_config/mcpServers', type: 'extra_forbidden', message: 'Extra inputs are not permitted' },
        {
          pointer: '/provider_tokens/x/[key]',
          type: 'type_error.enum',
          message: 'value is not a valid enumeration member',
        },
      ],
    });
  });

  it('json_invalid and a missing body', () => {
    expect(
      validationErrors(
        interpretResponse(
          answer(422, {
            detail: [
              {
                type: 'json_invalid',
                loc: ['body', 17],
                msg: 'JSON decode error',
                input: {},
                ctx: { error: 'Expecting value' },
              },
              { type: 'missing', loc: ['body'], msg: 'Field required', input: null },
            ],
          }),
        ),
      ),
    ).to.deep.equal([
      { pointer: '/17', type: 'json_invalid', message: 'JSON decode error' },
      { pointer: '', type: 'missing', message: 'Field required' },
    ]);
  });

  it('says "1 problem" for one item', () => {
    const result = interpretResponse(
      answer(422, { detail: [{ type: 'missing', loc: ['body', 'x'], msg: 'Field required' }] }),
    );
    expect(result.message).to.equal('The server found 1 problem in the settings.');
  });

  it('items without loc or msg, loc not a list, items not objects', () => {
    expect(
      validationErrors(
        interpretResponse(
          answer(422, {
            detail: [
              {},
              { loc: 'body.mcp_config', msg: 'm' },
              { loc: ['body', 'a'], type: 'missing' },
              'plain text',
              7,
              null,
              { msg: ['x'], type: 5 },
            ],
          }),
        ),
      ),
    ).to.deep.equal([
      { pointer: '', type: '', message: 'Invalid value' },
      { pointer: '', type: '', message: 'm' },
      { pointer: '/a', type: 'missing', message: 'Field required' },
      { pointer: '', type: '', message: 'plain text' },
      { pointer: '', type: '', message: 'Invalid value' },
      { pointer: '', type: '', message: 'Invalid value' },
      { pointer: '', type: '', message: 'Invalid value' },
    ]);
  });

  it('__proto__ in loc and as item keys is plain data', () => {
    const body =
      '{"detail":[{"loc":["body","__proto__","polluted"],"msg":"m","__proto__":{"msg":"inherited"}},{"__proto__":{"msg":"inherited","loc":["body","x"]}}]}';
    expect(validationErrors(interpretResponse(answer(422, body)))).to.deep.equal([
      { pointer: '/__proto__/polluted', type: '', message: 'm' },
      { pointer: '', type: '', message: 'Invalid value' },
    ]);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(({} as Record<string, unknown>)['msg']).to.equal(undefined);
  });

  it('messages with markup come back as the same plain text', () => {
    const msg = 'Value error, <img src=x onerror="alert(1)"><script>alert(2)</script>';
    expect(
      validationErrors(interpretResponse(answer(422, { detail: [{ loc: ['body', 'a'], msg }] })))[0]?.message,
    ).to.equal('<img src=x onerror="alert(1)"><script>alert(2)</script>');
  });

  it('a token echoed in a message is redacted (and input is never read)', () => {
    const result = interpretResponse(
      answer(422, {
        detail: [
          {
            type: 'value_error',
            loc: ['body', 'provider_tokens', 'github', 'token'],
            msg: 'Value error, bad token ghp_SECRET123 (ghp_SECRET123)',
            input: 'ghp_SECRET123',
          },
        ],
      }),
      { secrets: ['ghp_SECRET123'] },
    );
    expect(JSON.stringify(result)).not.to.contain('ghp_SECRET123');
    expect(validationErrors(result)[0]?.message).to.equal('bad token ••• (•••)');
  });

  it('a secret in a loc key is redacted however the pointer escapes it, and only within one key', () => {
    const secrets = ['tok/en-1234', 'ab~cd-5678', 'plain-9012', 'github/token'];
    const pointers = validationErrors(
      interpretResponse(
        answer(422, {
          detail: [
            { loc: ['body', 'provider_tokens', 'tok/en-1234', 'token'], msg: 'm' },
            { loc: ['body', 'provider_tokens', 'ab~cd-5678', 'token'], msg: 'm' },
            { loc: ['body', 'mcp_config', 'stdio_servers', 0, 'env', 'x-plain-9012-y', '[key]'], msg: 'm' },
            { loc: ['body', 'mcp_config', 'stdio_servers', 0, 'env', 'a~b/c'], msg: 'm' },
            // The secret spans two keys: no key holds it, so nothing is redacted.
            { loc: ['body', 'provider_tokens', 'github', 'token'], msg: 'm' },
          ],
        }),
        { secrets },
      ),
    ).map((e) => e.pointer);
    expect(pointers).to.deep.equal([
      '/provider_tokens/•••/token',
      '/provider_tokens/•••/token',
      '/mcp_config/stdio_servers/0/env/x-•••-y/[key]',
      '/mcp_config/stdio_servers/0/env/a~0b~1c',
      '/provider_tokens/github/token',
    ]);
  });

  it('every item of a repeated type gets the same presented type, secrets redacted', () => {
    const detail = Array.from({ length: 6 }, (_, i) => ({
      type: i % 2 ? 'value_error' : 'leak_sk-TYPE-SECRET',
      loc: ['body'],
      msg: '',
    }));
    const errors = validationErrors(interpretResponse(answer(422, { detail }), { secrets: ['sk-TYPE-SECRET'] }));
    expect(errors.map((e) => e.type)).to.deep.equal([
      'leak_•••',
      'value_error',
      'leak_•••',
      'value_error',
      'leak_•••',
      'value_error',
    ]);
    expect(errors.map((e) => e.message)).to.deep.equal([
      'Invalid value',
      'Invalid value (value_error)',
      'Invalid value',
      'Invalid value (value_error)',
      'Invalid value',
      'Invalid value (value_error)',
    ]);
  });

  it('keeps at most 10,000 errors and says how many more there were', () => {
    expect(MAX_SERVER_ERRORS).to.equal(10_000);
    const detail = Array.from({ length: 10_003 }, (_, i) => ({
      type: 'value_error',
      loc: ['body', 'mcp_config', 'stdio_servers', i, 'name'],
      msg: 'Value error, Server name cannot be empty',
    }));
    const text = JSON.stringify({ detail });
    const result = interpretResponse(answer(422, text), { secrets: ['ghp_secret', 'sk-other-secret'] });
    const errors = validationErrors(result);
    expect(errors).to.have.length(10_001);
    expect(errors[9_999]).to.deep.equal({
      pointer: '/mcp_config/stdio_servers/9999/name',
      type: 'value_error',
      message: 'Server name cannot be empty',
    });
    expect(errors[10_000]).to.deep.equal({ pointer: '', type: '', message: '3 more errors were not shown.' });
    expect(result.message).to.equal('The server found 10003 problems in the settings.');
  });

  it('exactly 10,001 items -> 10,000 errors plus "1 more error was not shown."', () => {
    const detail = Array.from({ length: 10_001 }, () => ({ loc: ['body'], msg: 'x' }));
    const errors = validationErrors(interpretResponse(answer(422, { detail })));
    expect(errors).to.have.length(10_001);
    expect(errors[10_000]).to.deep.equal({ pointer: '', type: '', message: '1 more error was not shown.' });
  });

  it('detail not a list is still one validation error on the whole request', () => {
    const one = (body: string, contentType: string | null = JSON_TYPE) => {
      const result = interpretResponse({ status: 422, contentType, bodyText: body });
      expect(result.kind).to.equal('validation');
      const errors = validationErrors(result);
      expect(errors).to.have.length(1);
      expect(errors[0]?.pointer).to.equal('');
      expect(errors[0]?.message).to.equal(result.message);
      return result.message;
    };
    expect(one('{"detail":"Value error, The body is wrong"}')).to.equal('The body is wrong');
    const unspecific = 'The server rejected the settings (HTTP 422) without saying which field is wrong.';
    expect(one('{"detail":{"loc":["body"]}}')).to.equal(unspecific);
    expect(one('{}')).to.equal(unspecific);
    expect(one('{"detail":[]}')).to.equal(unspecific);
    expect(one('null')).to.equal(unspecific);
    expect(one('[1,2]')).to.equal(unspecific);
    expect(one('Unprocessable', 'text/plain')).to.equal(
      'The server rejected the settings (HTTP 422) with an answer that is not JSON.',
    );
    expect(one('')).to.equal('The server rejected the settings (HTTP 422) with an empty answer.');
    expect(one('<html><body>422</body></html>', 'text/html')).to.equal(
      'The server rejected the settings (HTTP 422) with an HTML page.',
    );
  });
});

describe('contract/response: 401, 403, 429', () => {
  it('401 {error} naming a provider -> token-rejected on that provider token field', () => {
    expect(
      interpretResponse(answer(401, { error: 'Invalid token. Please make sure it is a valid github token.' }), {
        providers: ['github', 'gitlab'],
      }),
    ).to.deep.equal({
      kind: 'token-rejected',
      status: 401,
      provider: 'github',
      pointer: '/provider_tokens/github/token',
      message: 'Invalid token. Please make sure it is a valid github token.',
    });
  });

  it('matches the known providers first (case-insensitively), then any word, and escapes the pointer', () => {
    const rejected = (error: string, providers: string[] = []) => {
      const result = interpretResponse(answer(401, { error }), { providers });
      if (result.kind !== 'token-rejected') throw new Error(result.kind);
      return [result.provider, result.pointer];
    };
    expect(rejected('Please make sure it is a valid GitLab token.', ['gitlab'])).to.deep.equal([
      'gitlab',
      '/provider_tokens/gitlab/token',
    ]);
    expect(rejected('Please make sure it is a valid my/forge token.', ['my/forge'])).to.deep.equal([
      'my/forge',
      '/provider_tokens/my~1forge/token',
    ]);
    expect(rejected('Please make sure it is a valid azure_devops token.')).to.deep.equal([
      'azure_devops',
      '/provider_tokens/azure_devops/token',
    ]);
    expect(rejected('Please make sure it is a valid forgejo token.', ['github'])).to.deep.equal([
      'forgejo',
      '/provider_tokens/forgejo/token',
    ]);
    expect(rejected('Invalid token.')).to.deep.equal([null, null]);
    expect(rejected('')).to.deep.equal([null, null]);
  });

  it('token-rejected text is redacted, and the provider is read from the redacted text', () => {
    const result = interpretResponse(
      answer(401, { error: 'Token ghp_abcdef rejected: a valid github token is needed' }),
      { secrets: ['ghp_abcdef'] },
    );
    expect(result).to.deep.equal({
      kind: 'token-rejected',
      status: 401,
      provider: 'github',
      pointer: '/provider_tokens/github/token',
      message: 'Token ••• rejected: a valid github token is needed',
    });
  });

  it('401 {detail} -> unauthorized (the session key)', () => {
    expect(interpretResponse(answer(401, { detail: 'Unauthorized' }))).to.deep.equal({
      kind: 'unauthorized',
      status: 401,
      message: 'The session key is missing or was not accepted (HTTP 401 Unauthorized).',
    });
    expect(interpretResponse(answer(401, { detail: 'Session expired' }))).to.deep.equal({
      kind: 'unauthorized',
      status: 401,
      message:
        'The session key is missing or was not accepted (HTTP 401 Unauthorized). The server said: “Session expired”',
      serverText: 'Session expired',
    });
  });

  it('any other 401 or 403 -> unauthorized', () => {
    expect(interpretResponse(answer(401, '', null))).to.deep.equal({
      kind: 'unauthorized',
      status: 401,
      message: 'The session key is missing or was not accepted (HTTP 401 Unauthorized).',
    });
    expect(interpretResponse(answer(401, { error: 5 })).kind).to.equal('unauthorized');
    expect(interpretResponse(answer(403, '<html>Forbidden</html>', 'text/html'))).to.deep.equal({
      kind: 'unauthorized',
      status: 403,
      message: 'The server refused access (HTTP 403 Forbidden).',
    });
  });

  it('429 -> rate-limited', () => {
    expect(interpretResponse(answer(429, { message: 'Too many requests' }))).to.deep.equal({
      kind: 'rate-limited',
      status: 429,
      message: 'The server is receiving too many requests (HTTP 429). Wait a moment and try again.',
    });
    expect(interpretResponse(answer(429, 'garbage', 'text/plain')).kind).to.equal('rate-limited');
  });
});

describe('contract/response: server errors and hostile bodies', () => {
  it('500 {error} -> server, with the server text', () => {
    expect(interpretResponse(answer(500, { error: 'Something went wrong storing git providers' }))).to.deep.equal({
      kind: 'server',
      status: 500,
      message: 'The server answered HTTP 500 Internal Server Error: “Something went wrong storing git providers”.',
      serverText: 'Something went wrong storing git providers',
    });
  });

  it('500 plain text -> server, says it was not JSON', () => {
    expect(interpretResponse(answer(500, 'Internal Server Error', 'text/plain; charset=utf-8'))).to.deep.equal({
      kind: 'server',
      status: 500,
      message:
        'The server answered HTTP 500 Internal Server Error with an answer that is not JSON: “Internal Server Error”.',
      serverText: 'Internal Server Error',
    });
  });

  it('an HTML error page is named, never quoted', () => {
    const page = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>';
    expect(interpretResponse(answer(502, page, 'text/html'))).to.deep.equal({
      kind: 'server',
      status: 502,
      message: 'The server answered HTTP 502 Bad Gateway with an HTML page.',
    });
    // HTML without a content type is still recognised.
    expect(interpretResponse(answer(500, '  <html>oops</html>', null)).message).to.equal(
      'The server answered HTTP 500 Internal Server Error with an HTML page.',
    );
  });

  it('empty, null, arrays, objects without text', () => {
    expect(interpretResponse(answer(503, '', null)).message).to.equal(
      'The server answered HTTP 503 Service Unavailable with an empty answer.',
    );
    expect(interpretResponse(answer(500, 'null')).message).to.equal(
      'The server answered HTTP 500 Internal Server Error with an unexpected JSON answer.',
    );
    expect(interpretResponse(answer(500, [1, 2])).message).to.equal(
      'The server answered HTTP 500 Internal Server Error with an unexpected JSON answer.',
    );
    expect(interpretResponse(answer(500, { error: { nested: true } })).message).to.equal(
      'The server answered HTTP 500 Internal Server Error.',
    );
    expect(interpretResponse(answer(418, { detail: 'short and stout' })).message).to.equal(
      'The server answered HTTP 418: “short and stout”.',
    );
  });

  it('404 and 405 suggest checking the base URL', () => {
    expect(interpretResponse(answer(404, { detail: 'Not Found' }))).to.deep.equal({
      kind: 'server',
      status: 404,
      message: 'The server answered HTTP 404 Not Found: “Not Found”. Check the base URL.',
      serverText: 'Not Found',
    });
    expect(interpretResponse(answer(405, '', null)).message).to.equal(
      'The server answered HTTP 405 Method Not Allowed with an empty answer. Check the base URL.',
    );
  });

  it('long server text is cut, control characters removed, secrets redacted', () => {
    const result = interpretResponse(answer(500, { error: `key sk-LONGSECRET\u0000\n${'y'.repeat(1000)}` }), {
      secrets: ['sk-LONGSECRET'],
    });
    expect(result.message).to.equal(
      `The server answered HTTP 500 Internal Server Error: “key ••• ${'y'.repeat(292)}…”.`,
    );
  });

  it('a secret split by a control character is still redacted', () => {
    const result = interpretResponse(answer(500, { error: 'tok\u0000en-1234' }), { secrets: ['token-1234'] });
    expect(result.message).to.equal('The server answered HTTP 500 Internal Server Error: “•••”.');
  });

  it('a truncated body is classified by status only', () => {
    expect(
      interpretResponse({ status: 500, contentType: JSON_TYPE, bodyText: '{"error": "x', truncated: true }),
    ).to.deep.equal({
      kind: 'server',
      status: 500,
      message: 'The server answered HTTP 500 Internal Server Error with an answer too large to read.',
    });
    expect(interpretResponse({ status: 200, contentType: JSON_TYPE, bodyText: '', truncated: true }).kind).to.equal(
      'unknown',
    );
    expect(
      interpretResponse({ status: 422, contentType: JSON_TYPE, bodyText: '{"detail":[', truncated: true }).message,
    ).to.equal('The server rejected the settings (HTTP 422) with an answer too large to read.');
  });

  it('a huge body (5 MB) is not parsed', () => {
    const huge = JSON.stringify({ error: 'x'.repeat(5 * 1024 * 1024) });
    expect(interpretResponse(answer(500, huge)).message).to.equal(
      'The server answered HTTP 500 Internal Server Error with an answer too large to read.',
    );
  });

  it('deeply nested JSON and a UTF-8 BOM', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(interpretResponse(answer(500, deep)).kind).to.equal('server');
    expect(interpretResponse(answer(200, '\ufeff{"message":"Git providers stored"}')).message).to.equal(
      'Git providers stored',
    );
  });

  it('__proto__ / constructor keys in the body are data, not prototype', () => {
    const result = interpretResponse(
      answer(500, '{"__proto__":{"error":"inherited"},"constructor":{"prototype":{"error":"x"}}}'),
    );
    expect(result.message).to.equal('The server answered HTTP 500 Internal Server Error.');
    // An inherited `message` is no message: not the API's answer.
    const saved = interpretResponse(answer(200, '{"__proto__":{"message":"inherited"}}'));
    expect(saved.kind).to.equal('unknown');
  });

  it('never throws on nonsense input', () => {
    const inputs: unknown[] = [
      null,
      undefined,
      {},
      { status: NaN, contentType: 5, bodyText: null },
      { status: 422, contentType: null, bodyText: undefined },
      { status: 1e308, contentType: 'x', bodyText: '{}' },
      { status: -1, contentType: 'x', bodyText: '{}' },
    ];
    for (const input of inputs) {
      const result = interpretResponse(input as never, null as never);
      expect(result.kind).to.be.a('string');
      expect(result.message).to.be.a('string');
    }
    expect(interpretResponse({ status: NaN, contentType: null, bodyText: '' })).to.deep.equal({
      kind: 'server',
      status: 0,
      message: 'The server answered HTTP 0 with an empty answer.',
    });
  });
});
