import { expect } from '@open-wc/testing';
import { ISSUE_MESSAGES } from '../../src/contract/codes.js';
import { pyStrip, splitUrlLikePython } from '../../src/contract/rules.js';
import { validateRequestBody, validateStdioServer, validateUrlServer } from '../../src/contract/validate.js';

const stdio = (fields: Record<string, unknown> = {}) => ({
  name: 'fetch',
  command: 'uvx',
  args: ['mcp-server-fetch'],
  env: {},
  ...fields,
});

function urlCodes(url: unknown): string[] {
  return validateUrlServer({ url }).map((i) => `${i.pointer} ${i.code}`);
}

describe('contract/validate: URL rule (SSE and SHTTP servers)', () => {
  const cases: [string, string | null][] = [
    ['', 'url_empty'],
    ['   ', 'url_empty'],
    ['\t\n', 'url_empty'],
    ['\u3000\u00a0', 'url_empty'],
    ['example.com', 'url_no_scheme'],
    ['example.com/sse', 'url_no_scheme'],
    ['//example.com/sse', 'url_no_scheme'],
    ['1http://example.com', 'url_no_scheme'],
    [':8080', 'url_no_scheme'],
    ['localhost:8080', 'url_no_host'],
    ['http:/example.com', 'url_no_host'],
    ['http://', 'url_no_host'],
    ['mailto:someone@example.com', 'url_no_host'],
    ['ftp://example.com', 'url_bad_scheme'],
    ['file:///etc/passwd', 'url_no_host'],
    ['javascript://example.com', 'url_bad_scheme'],
    ['http://example.com', null],
    ['https://example.com/mcp/sse', null],
    ['ws://127.0.0.1:3000', null],
    ['wss://mcp.example.com/socket', null],
    ['HTTPS://EXAMPLE.COM', null],
    ['  https://example.com  ', null],
    ['https://example.com?x=1#y', null],
    ['ht\ttp://example.com', null],
  ];
  for (const [url, code] of cases) {
    it(`${JSON.stringify(url)} -> ${code ?? 'valid'}`, () => {
      expect(urlCodes(url)).to.deep.equal(code === null ? [] : [`/url ${code}`]);
    });
  }

  it('uses exactly the server texts', () => {
    expect(validateUrlServer({ url: '' })).to.deep.equal([
      { pointer: '/url', code: 'url_empty', message: 'URL cannot be empty' },
    ]);
    expect(validateUrlServer({ url: 'example.com' })[0]?.message).to.equal(
      'URL must include a scheme (http:// or https://)',
    );
    expect(validateUrlServer({ url: 'localhost:8080' })[0]?.message).to.equal('URL must include a valid domain/host');
    expect(validateUrlServer({ url: 'ftp://x' })[0]?.message).to.equal('URL scheme must be http, https, ws, or wss');
  });

  it('trims like Python, not like JS: U+FEFF is not whitespace, U+001F and U+0085 are', () => {
    expect(pyStrip('\u001f\u0085 a \u0085')).to.equal('a');
    expect(pyStrip('\ufeffa')).to.equal('\ufeffa');
    expect(urlCodes('\ufeff')).to.deep.equal(['/url url_no_scheme']);
    expect(urlCodes('\u001f\u0085')).to.deep.equal(['/url url_empty']);
  });

  it('splits like urllib.parse.urlsplit', () => {
    expect(splitUrlLikePython('localhost:8080')).to.deep.equal({ scheme: 'localhost', netloc: '' });
    expect(splitUrlLikePython('HTTP://Host:1/p?q#f')).to.deep.equal({ scheme: 'http', netloc: 'Host:1' });
    expect(splitUrlLikePython('example.com')).to.deep.equal({ scheme: '', netloc: '' });
    expect(splitUrlLikePython('a+b.c-d://h')).to.deep.equal({ scheme: 'a+b.c-d', netloc: 'h' });
  });

  it('reports type problems with their own codes and pydantic texts', () => {
    expect(validateUrlServer({})).to.deep.equal([{ pointer: '/url', code: 'required', message: 'Field required' }]);
    expect(validateUrlServer({ url: null })).to.deep.equal([
      { pointer: '/url', code: 'not_string', message: 'Input should be a valid string' },
    ]);
    expect(validateUrlServer({ url: 5 })).to.deep.equal([
      { pointer: '/url', code: 'not_string', message: 'Input should be a valid string' },
    ]);
    expect(validateUrlServer({ url: 'https://h', api_key: 5 })).to.deep.equal([
      { pointer: '/api_key', code: 'not_string', message: 'Input should be a valid string' },
    ]);
    expect(validateUrlServer('https://h')).to.deep.equal([
      { pointer: '', code: 'not_object', message: 'Input should be a valid dictionary' },
    ]);
    expect(validateUrlServer(null)).to.deep.equal([
      { pointer: '', code: 'not_object', message: 'Input should be a valid dictionary' },
    ]);
  });

  it('accepts a null or missing api_key and ignores unknown keys, as the server does', () => {
    expect(validateUrlServer({ url: 'https://h', api_key: null })).to.deep.equal([]);
    expect(validateUrlServer({ url: 'https://h', api_key: 'k', extra: 1 })).to.deep.equal([]);
  });
});

describe('contract/validate: stdio server rules', () => {
  it('accepts a valid server, and one with only name and command (server defaults)', () => {
    expect(validateStdioServer(stdio())).to.deep.equal([]);
    expect(validateStdioServer({ name: 'a', command: 'b' })).to.deep.equal([]);
    expect(validateStdioServer(stdio({ name: ' A-z_09 ', command: ' npx ' }))).to.deep.equal([]);
  });

  it('name: blank, then the character rule, with the server texts', () => {
    expect(validateStdioServer(stdio({ name: '' }))).to.deep.equal([
      { pointer: '/name', code: 'name_empty', message: 'Server name cannot be empty' },
    ]);
    expect(validateStdioServer(stdio({ name: ' \t ' }))[0]?.code).to.equal('name_empty');
    for (const bad of ['my server', 'a.b', 'é', 'a/b', 'a\nb', 'x!']) {
      expect(validateStdioServer(stdio({ name: bad })), bad).to.deep.equal([
        {
          pointer: '/name',
          code: 'name_invalid',
          message: 'Server name can only contain letters, numbers, hyphens, and underscores',
        },
      ]);
    }
  });

  it('command: blank, then no spaces, with the server texts', () => {
    expect(validateStdioServer(stdio({ command: '  ' }))).to.deep.equal([
      { pointer: '/command', code: 'command_empty', message: 'Command cannot be empty' },
    ]);
    expect(validateStdioServer(stdio({ command: 'npx -y server' }))).to.deep.equal([
      {
        pointer: '/command',
        code: 'command_has_space',
        message: 'Command should be a single executable without spaces (use arguments field for parameters)',
      },
    ]);
    // The server looks for the space character only.
    expect(validateStdioServer(stdio({ command: 'a\tb' }))).to.deep.equal([]);
    expect(validateStdioServer(stdio({ command: ' /usr/bin/uvx ' }))).to.deep.equal([]);
  });

  it('args and env: lists of strings and maps of strings, pointers relative to the server', () => {
    expect(validateStdioServer(stdio({ args: ['a', 2, null] }))).to.deep.equal([
      { pointer: '/args/1', code: 'not_string', message: 'Input should be a valid string' },
      { pointer: '/args/2', code: 'not_string', message: 'Input should be a valid string' },
    ]);
    expect(validateStdioServer(stdio({ args: 'a b' }))).to.deep.equal([
      { pointer: '/args', code: 'not_list', message: 'Input should be a valid list' },
    ]);
    expect(validateStdioServer(stdio({ env: { MY_KEY: 1 } }))).to.deep.equal([
      { pointer: '/env/MY_KEY', code: 'not_string', message: 'Input should be a valid string' },
    ]);
    expect(validateStdioServer(stdio({ env: [] }))).to.deep.equal([
      { pointer: '/env', code: 'not_object', message: 'Input should be a valid dictionary' },
    ]);
    expect(validateStdioServer(stdio({ env: { 'not a valid name': 'ok' } }))).to.deep.equal([]);
  });

  it('escapes env keys in pointers: /, ~, ., unicode, empty, __proto__, constructor', () => {
    const env = JSON.parse('{"a/b":1,"t~x":1,"x.y":1,"ключ":1,"":1,"__proto__":1,"constructor":1,"~1":1}') as Record<
      string,
      unknown
    >;
    const pointers = validateStdioServer(stdio({ env })).map((i) => i.pointer);
    expect(pointers).to.have.members([
      '/env/a~1b',
      '/env/t~0x',
      '/env/x.y',
      '/env/ключ',
      '/env/',
      '/env/__proto__',
      '/env/constructor',
      '/env/~01',
    ]);
    expect(pointers).to.have.length(8);
  });

  it('checks an own __proto__ env entry (zod skips it)', () => {
    const ok = JSON.parse('{"name":"a","command":"b","env":{"__proto__":"value"}}') as unknown;
    expect(validateStdioServer(ok)).to.deep.equal([]);
    const bad = JSON.parse('{"name":"a","command":"b","env":{"__proto__":{"polluted":true}}}') as unknown;
    expect(validateStdioServer(bad)).to.deep.equal([
      { pointer: '/env/__proto__', code: 'not_string', message: 'Input should be a valid string' },
    ]);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  });

  it('reports several problems of one server at once', () => {
    expect(validateStdioServer({ name: '', command: 'a b', args: [1] }).map((i) => i.code)).to.deep.equal([
      'name_empty',
      'command_has_space',
      'not_string',
    ]);
    expect(validateStdioServer({}).map((i) => `${i.pointer} ${i.code}`)).to.deep.equal([
      '/name required',
      '/command required',
    ]);
  });
});

describe('contract/validate: whole request body', () => {
  const body = () => ({
    provider_tokens: { github: { token: 'ghp_x', host: null }, gitlab: { token: null, host: 'gitlab.example.com' } },
    mcp_config: {
      sse_servers: [{ url: 'https://sse.example.com', api_key: null }],
      stdio_servers: [stdio(), stdio({ name: 'bad name' })],
      shttp_servers: [{ url: 'localhost:8080' }],
    },
  });

  it('gives absolute pointers', () => {
    expect(validateRequestBody(body())).to.deep.equal([
      { pointer: '/mcp_config/stdio_servers/1/name', code: 'name_invalid', message: ISSUE_MESSAGES.name_invalid },
      { pointer: '/mcp_config/shttp_servers/0/url', code: 'url_no_host', message: ISSUE_MESSAGES.url_no_host },
    ]);
  });

  it('accepts what the server accepts: {}, missing lists, null mcp_config, empty token entries', () => {
    expect(validateRequestBody({})).to.deep.equal([]);
    expect(validateRequestBody({ provider_tokens: {}, mcp_config: null })).to.deep.equal([]);
    expect(validateRequestBody({ provider_tokens: { github: {} }, mcp_config: {} })).to.deep.equal([]);
    expect(
      validateRequestBody({ provider_tokens: { azure_devops: { token: 't', host: 'dev.azure.com', user_id: null } } }),
    ).to.deep.equal([]);
  });

  it('token and host must be strings or null', () => {
    expect(validateRequestBody({ provider_tokens: { github: { token: 1, host: {} } } })).to.deep.equal([
      { pointer: '/provider_tokens/github/token', code: 'not_string', message: ISSUE_MESSAGES.not_string },
      { pointer: '/provider_tokens/github/host', code: 'not_string', message: ISSUE_MESSAGES.not_string },
    ]);
    expect(validateRequestBody({ provider_tokens: { github: 'ghp' } })).to.deep.equal([
      { pointer: '/provider_tokens/github', code: 'not_object', message: ISSUE_MESSAGES.not_object },
    ]);
  });

  it('mcp_config forbids unknown keys, one issue per key at the key', () => {
    expect(validateRequestBody({ mcp_config: { mcpServers: {}, 'a/b': 1 } })).to.deep.equal([
      { pointer: '/mcp_config/mcpServers', code: 'unknown_key', message: 'Extra inputs are not permitted' },
      { pointer: '/mcp_config/a~1b', code: 'unknown_key', message: 'Extra inputs are not permitted' },
    ]);
    const proto = JSON.parse('{"mcp_config":{"__proto__":{}}}') as unknown;
    expect(validateRequestBody(proto)).to.deep.equal([
      { pointer: '/mcp_config/__proto__', code: 'unknown_key', message: ISSUE_MESSAGES.unknown_key },
    ]);
  });

  it('a bare string server entry is not accepted by the client (the form never sends one)', () => {
    expect(validateRequestBody({ mcp_config: { sse_servers: ['https://h'] } })).to.deep.equal([
      { pointer: '/mcp_config/sse_servers/0', code: 'not_object', message: ISSUE_MESSAGES.not_object },
    ]);
  });

  it('escapes provider keys and checks an own __proto__ provider entry', () => {
    const tokens = JSON.parse('{"provider_tokens":{"a/b~c":{"token":1},"__proto__":{"token":2}}}') as unknown;
    expect(validateRequestBody(tokens)).to.deep.equal([
      { pointer: '/provider_tokens/a~1b~0c/token', code: 'not_string', message: ISSUE_MESSAGES.not_string },
      { pointer: '/provider_tokens/__proto__/token', code: 'not_string', message: ISSUE_MESSAGES.not_string },
    ]);
    const env = JSON.parse(
      '{"mcp_config":{"stdio_servers":[{"name":"a","command":"b"},{"name":"a","command":"b","env":{"__proto__":3}}]}}',
    ) as unknown;
    expect(validateRequestBody(env)).to.deep.equal([
      { pointer: '/mcp_config/stdio_servers/1/env/__proto__', code: 'not_string', message: ISSUE_MESSAGES.not_string },
    ]);
  });

  it('a body that is not an object is one issue on the whole body', () => {
    expect(validateRequestBody(undefined)).to.deep.equal([
      { pointer: '', code: 'required', message: 'Field required' },
    ]);
    expect(validateRequestBody(null)).to.deep.equal([
      { pointer: '', code: 'not_object', message: ISSUE_MESSAGES.not_object },
    ]);
    expect(validateRequestBody([])).to.deep.equal([
      { pointer: '', code: 'not_object', message: ISSUE_MESSAGES.not_object },
    ]);
    expect(validateRequestBody({ provider_tokens: null, mcp_config: 'x' })).to.deep.equal([
      { pointer: '/provider_tokens', code: 'not_object', message: ISSUE_MESSAGES.not_object },
      { pointer: '/mcp_config', code: 'not_object', message: ISSUE_MESSAGES.not_object },
    ]);
  });

  it('does not change the body it validates', () => {
    const value = body();
    const before = JSON.stringify(value);
    validateRequestBody(value);
    expect(JSON.stringify(value)).to.equal(before);
  });

  // Speed is measured by `npm run bench`, not asserted here: timed tests flake on a busy machine.
  it('validates 2,000 valid servers without an issue', () => {
    const servers = Array.from({ length: 1000 }, (_, i) => stdio({ name: `s${i}`, env: { A: 'b' } }));
    const urls = Array.from({ length: 1000 }, (_, i) => ({ url: `https://h${i}.example.com/sse` }));
    const big = { provider_tokens: {}, mcp_config: { stdio_servers: servers, sse_servers: urls, shttp_servers: [] } };
    expect(validateRequestBody(big)).to.have.length(0);
  });

  it('every code has a message, and codes are distinct strings', () => {
    const codes = Object.keys(ISSUE_MESSAGES);
    expect(codes).to.deep.equal([
      'url_empty',
      'url_no_scheme',
      'url_no_host',
      'url_bad_scheme',
      'name_empty',
      'name_invalid',
      'command_empty',
      'command_has_space',
      'required',
      'not_string',
      'not_object',
      'not_list',
      'unknown_key',
      'invalid',
    ]);
  });
});
