/**
 * The newer APIs' MCP server map <-> the form's model (src/contract/mcp-map.ts): what each entry
 * becomes, what is written back, and, as properties, that the two are inverse on valid configs and
 * on any valid wire map, flat or wrapped, and never throw or pollute on anything else.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readServerMap, serverKeys, writeServerMap, type ServerMapRead } from '../../src/contract/mcp-map.js';
import type { McpAuth, NamedMcpConfig } from '../../src/contract/mcp-server.js';
import { jsonValue, prototypeState, sortedJson } from './json-arbitraries.js';
import { mcpArbitraries } from './mcp-arbitraries.js';

const { namedConfig, wireMap } = mcpArbitraries();

const RUNS = { numRuns: 300 };
const EMPTY: NamedMcpConfig = { sse_servers: [], shttp_servers: [], stdio_servers: [] };

function read(value: unknown): ServerMapRead {
  const result = readServerMap(value);
  if (result === null) throw new Error('not read');
  return result;
}

describe('mcp map: reading', () => {
  it('is null for anything but an object', () => {
    for (const value of [null, undefined, 'x', 1, [], [{}], true]) expect(readServerMap(value)).to.equal(null);
  });

  it("reads CONTRACT-CURRENT.md's example into the three lists, extras in x", () => {
    const result = read({
      docs: {
        transport: 'http',
        url: 'https://example.test/mcp',
        auth: { strategy: 'bearer', value: '**********' },
        headers: { 'X-Env': 'prod' },
      },
      legacy: { transport: 'sse', url: 'https://x.example/sse' },
      fs: {
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-filesystem', '/w'],
        env: { API_KEY: '**********' },
        enabled: false,
      },
    });
    expect(result.wrapped).to.equal(false);
    expect(result.opaque).to.deep.equal({});
    expect(result.config).to.deep.equal({
      shttp_servers: [
        {
          url: 'https://example.test/mcp',
          api_key: null,
          x: { name: 'docs', auth: { strategy: 'bearer', value: '**********' }, headers: { 'X-Env': 'prod' } },
        },
      ],
      sse_servers: [{ url: 'https://x.example/sse', api_key: null, x: { name: 'legacy' } }],
      stdio_servers: [
        {
          name: 'fs',
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-filesystem', '/w'],
          env: { API_KEY: '**********' },
          x: { enabled: false },
        },
      ],
    });
  });

  it('unwraps {"mcpServers": {...}} and says so', () => {
    const result = read({ mcpServers: { a: { command: 'x' } } });
    expect(result.wrapped).to.equal(true);
    expect(result.config.stdio_servers).to.deep.equal([{ name: 'a', command: 'x', args: [], env: {} }]);
    // A `mcpServers` that is not an object is an entry like any other (kept, since it is no server).
    const flat = read({ mcpServers: 'x', a: { command: 'x' } });
    expect(flat.wrapped).to.equal(false);
    expect(flat.opaque).to.deep.equal({ mcpServers: 'x' });
  });

  it('maps every spelling of a transport to its list, and guesses as FastMCP does when there is none', () => {
    const kinds = (map: Record<string, unknown>) => {
      const { config } = read(map);
      const out: Record<string, string> = {};
      for (const s of config.sse_servers) out[s.x!.name!] = 'sse';
      for (const s of config.shttp_servers) out[s.x!.name!] = 'shttp';
      for (const s of config.stdio_servers) out[s.name] = 'stdio';
      return out;
    };
    const url = 'https://h.example/mcp';
    expect(
      kinds({
        a: { transport: 'sse', url },
        b: { transport: 'http', url },
        c: { transport: 'shttp', url },
        d: { transport: 'streamable-http', url },
        e: { transport: 'streamableHttp', url },
        f: { type: 'sse', url },
        g: { transport: null, type: 'sse', url },
        h: { transport: 'stdio', command: 'x' },
        i: { command: 'x', url },
        j: { url: 'https://h.example/sse' },
        k: { url: 'https://h.example/sse/' },
        l: { url: 'https://h.example/sse/messages?x=1' },
        m: { url: 'https://h.example/sse?key=1' },
        n: { url: 'https://h.example/mcp' },
        o: { url: 'https://h.example/ssex' },
        p: { url: 'not a url' },
      }),
    ).to.deep.equal({
      a: 'sse',
      b: 'shttp',
      c: 'shttp',
      d: 'shttp',
      e: 'shttp',
      f: 'sse',
      g: 'sse',
      h: 'stdio',
      i: 'stdio',
      j: 'sse',
      k: 'sse',
      l: 'sse',
      m: 'sse',
      n: 'shttp',
      o: 'shttp',
      p: 'shttp',
    });
  });

  it('keeps every other field in x.rest as read, and not transport or type', () => {
    const rest = {
      description: 'd',
      timeout: 30,
      cwd: '/w',
      icon: null,
      sse_read_timeout: 5.5,
      keep_alive: true,
      custom: { deep: [1, { a: null }] },
    };
    const { config } = read({
      u: { type: 'http', transport: 'sse', url: 'https://u.example', ...rest, api_key: 'legacy' },
      s: { transport: 'stdio', type: 'stdio', command: 'c', ...rest, url: 'https://ignored.example' },
    });
    expect(config.sse_servers[0]!.x).to.deep.equal({ name: 'u', rest: { ...rest, api_key: 'legacy' } });
    expect(config.sse_servers[0]!.api_key).to.equal(null);
    expect(config.stdio_servers[0]!.x).to.deep.equal({ rest: { ...rest, url: 'https://ignored.example' } });
  });

  it('reads every auth strategy, masks and all, and keeps one it cannot edit in x.rest', () => {
    const auths: McpAuth[] = [
      { strategy: 'none' },
      { strategy: 'api_key', value: '**********' },
      { strategy: 'api_key', value: 'k', header_name: 'X-Key' },
      { strategy: 'api_key', value: 'k', header_name: null },
      { strategy: 'bearer', value: '<redacted>' },
      { strategy: 'basic', username: 'u', password: '**********' },
      { strategy: 'header', headers: { 'X-A': '**********', 'X-B': 'b' } },
      { strategy: 'oauth2', authentication: { type: 'oauth', client_id: 'c' }, state: { tokens: null } },
    ];
    for (const auth of auths) {
      const { config } = read({ s: { transport: 'http', url: 'https://s.example', auth } });
      expect(config.shttp_servers[0]!.x, JSON.stringify(auth)).to.deep.equal({ name: 's', auth });
    }
    const odd: unknown[] = [
      'oauth',
      null,
      { strategy: 'bearer' },
      { strategy: 'bearer', value: null },
      { strategy: 'bearer', value: 'v', extra: 1 },
      { strategy: 'basic', username: 'u' },
      { strategy: 'header', headers: { a: 1 } },
      { strategy: 'api_key', value: 'v', header_name: 3 },
      { strategy: 'kerberos' },
      [],
    ];
    for (const auth of odd) {
      const { config } = read({ s: { transport: 'http', url: 'https://s.example', auth } });
      expect(config.shttp_servers[0]!.x, JSON.stringify(auth)).to.deep.equal({ name: 's', rest: { auth } });
    }
  });

  it('keeps values of a type the form does not edit in x.rest (env numbers, odd headers, enabled "no")', () => {
    const { config } = read({
      s: { command: 'c', args: ['a', 1], env: { A: 1, B: 'b' }, enabled: 'no' },
      e: { command: 'c', args: [], env: {} },
      u: { transport: 'sse', url: 'https://u.example', headers: { A: null }, enabled: 0 },
      v: { transport: 'sse', url: 'https://v.example', headers: {}, enabled: true },
    });
    expect(config.stdio_servers).to.deep.equal([
      {
        name: 's',
        command: 'c',
        args: [],
        env: {},
        x: { rest: { args: ['a', 1], env: { A: 1, B: 'b' }, enabled: 'no' } },
      },
      // Empty ones too: written back, they say what was read (`"env": {}`).
      { name: 'e', command: 'c', args: [], env: {}, x: { rest: { args: [], env: {} } } },
    ]);
    expect(config.sse_servers.map((s) => s.x)).to.deep.equal([
      { name: 'u', rest: { headers: { A: null }, enabled: 0 } },
      { name: 'v', headers: {}, enabled: true },
    ]);
  });

  it('keeps what the form cannot show in opaque, and writes it back verbatim', () => {
    const odd = {
      text: 'not a server',
      nothing: null,
      list: [1, 2],
      bare: { description: 'neither command nor url' },
      blank: { command: '   ' },
      blankUrl: { transport: 'sse', url: '' },
      ws: { transport: 'websocket', url: 'wss://w.example' },
      stdioless: { transport: 'stdio', url: 'https://x.example' },
      numbered: { transport: 7, url: 'https://x.example' },
    };
    const result = read({ ...odd, ok: { command: 'c' } });
    expect(result.opaque).to.deep.equal(odd);
    expect(result.config.stdio_servers.map((s) => s.name)).to.deep.equal(['ok']);
    expect(writeServerMap(result.config, result.opaque)).to.deep.equal({ ...odd, ok: { command: 'c' } });
  });

  it('takes __proto__, constructor and a/b as plain names and fields', () => {
    const before = prototypeState();
    const map = JSON.parse(
      '{"__proto__": {"command": "p", "env": {"__proto__": "x"}, "__proto__x": 1},' +
        ' "constructor": {"transport": "sse", "url": "https://c.example", "headers": {"__proto__": "h"}, "__proto__": {"a": 1}},' +
        ' "a/b": {"command": "ab"}, "~": {"mcpServers": 1, "command": "t"}}',
    ) as unknown;
    const result = read(map);
    expect(result.config.stdio_servers.map((s) => s.name)).to.deep.equal(['__proto__', 'a/b', '~']);
    expect(Object.keys(result.config.stdio_servers[0]!.env)).to.deep.equal(['__proto__']);
    const url = result.config.sse_servers[0]!;
    expect(url.x!.name).to.equal('constructor');
    expect(Object.keys(url.x!.headers!)).to.deep.equal(['__proto__']);
    expect(Object.keys(url.x!.rest!)).to.deep.equal(['__proto__']);
    const written = writeServerMap(result.config, result.opaque);
    expect(sortedJson(written)).to.equal(sortedJson(map));
    expect(Object.getPrototypeOf(written)).to.equal(Object.prototype);
    expect(prototypeState()).to.equal(before);
  });

  it('never throws on a host object whose getters throw', () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('get');
        },
        ownKeys() {
          throw new Error('keys');
        },
      },
    );
    const getter = Object.defineProperty({}, 'command', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    const result = read({ trap, getter, args: { command: 'c', args: trap, env: trap } });
    expect(result.config.stdio_servers.map((s) => s.name)).to.deep.equal(['args']);
    expect(Object.keys(result.opaque)).to.deep.equal(['trap', 'getter']);
    expect(() => writeServerMap(result.config, result.opaque)).not.to.throw();
  });
});

describe('mcp map: writing', () => {
  it('writes each server by its name: transport for URL servers, none for stdio (known by its command)', () => {
    const config: NamedMcpConfig = {
      sse_servers: [{ url: 'https://s.example/sse', api_key: null, x: { name: 'events', enabled: false } }],
      shttp_servers: [
        {
          url: 'https://h.example/mcp',
          api_key: null,
          x: { name: 'docs', headers: { 'X-Env': 'prod' }, auth: { strategy: 'basic', username: 'u', password: 'p' } },
        },
      ],
      stdio_servers: [
        { name: 'fs', command: 'npx', args: ['-y', 'srv'], env: { K: 'v' }, x: { rest: { cwd: '/w' } } },
        { name: 'bare', command: 'run', args: [], env: {} },
      ],
    };
    expect(writeServerMap(config)).to.deep.equal({
      fs: { command: 'npx', cwd: '/w', args: ['-y', 'srv'], env: { K: 'v' } },
      bare: { command: 'run' },
      events: { transport: 'sse', url: 'https://s.example/sse', enabled: false },
      docs: {
        transport: 'http',
        url: 'https://h.example/mcp',
        headers: { 'X-Env': 'prod' },
        auth: { strategy: 'basic', username: 'u', password: 'p' },
      },
    });
  });

  it('names a V0 URL server after its host, and sends its api_key as bearer auth unless x.auth is set', () => {
    const config: NamedMcpConfig = {
      ...EMPTY,
      sse_servers: [
        { url: 'https://tools.example.com/sse', api_key: 'k1' },
        { url: 'https://tools.example.com/other', api_key: null },
        { url: 'not a url', api_key: '' },
      ],
      shttp_servers: [
        { url: 'https://api.example/mcp', api_key: 'k2', x: { auth: { strategy: 'none' } } },
        {
          url: 'https://api.example/mcp',
          api_key: 'k3',
          x: { name: 'named', auth: { strategy: 'bearer', value: 'v' } },
        },
      ],
    };
    expect(writeServerMap(config)).to.deep.equal({
      'tools-example-com': {
        transport: 'sse',
        url: 'https://tools.example.com/sse',
        auth: { strategy: 'bearer', value: 'k1' },
      },
      'tools-example-com-2': { transport: 'sse', url: 'https://tools.example.com/other' },
      server: { transport: 'sse', url: 'not a url' },
      'api-example': { transport: 'http', url: 'https://api.example/mcp', auth: { strategy: 'none' } },
      named: { transport: 'http', url: 'https://api.example/mcp', auth: { strategy: 'bearer', value: 'v' } },
    });
  });

  it('never merges two servers: own names are claimed first, the rest get the first free -2, -3...', () => {
    const config: NamedMcpConfig = {
      stdio_servers: [
        { name: 'a', command: '1', args: [], env: {} },
        { name: 'a', command: '2', args: [], env: {} },
        { name: 'h-example', command: '3', args: [], env: {} },
      ],
      sse_servers: [
        { url: 'https://h.example', api_key: null },
        { url: 'https://x.example', api_key: null, x: { name: 'a-2' } },
        { url: 'https://y.example', api_key: null, x: { name: 'kept' } },
      ],
      shttp_servers: [],
    };
    const keys = serverKeys(config, { kept: { command: 'opaque' } });
    expect(keys.map((k) => `${k.kind}${k.index}:${k.name}`)).to.deep.equal([
      'stdio0:a',
      'stdio1:a-3',
      'stdio2:h-example',
      'sse0:h-example-2',
      'sse1:a-2',
      'sse2:kept-2',
    ]);
    const written = writeServerMap(config, { kept: { command: 'opaque' } });
    expect(Object.keys(written)).to.have.length(7);
    expect(written['kept']).to.deep.equal({ command: 'opaque' });
    // The same config, the same names.
    expect(serverKeys(config, { kept: 1 })).to.deep.equal(keys);
  });

  it("writes an emptied args or env back as read, and the form's non-empty one over it", () => {
    const { config } = read({ s: { command: 'c', args: [], env: {} }, t: { command: 'c', env: { A: 1 } } });
    expect(writeServerMap(config)).to.deep.equal({
      s: { command: 'c', args: [], env: {} },
      t: { command: 'c', env: { A: 1 } },
    });
    config.stdio_servers[1]!.env = { B: 'b' };
    config.stdio_servers[0]!.args = ['x'];
    expect(writeServerMap(config)).to.deep.equal({
      s: { command: 'c', args: ['x'], env: {} },
      t: { command: 'c', env: { B: 'b' } },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** `config`'s lists in the order a read of `map` gives them: a JS object puts integer-like keys first. */
function inMapOrder(config: NamedMcpConfig, map: object): NamedMcpConfig {
  const order = Object.keys(map);
  const rank = (name: string | undefined) => order.indexOf(name!);
  const byName = <T>(list: T[], name: (s: T) => string | undefined) =>
    [...list].sort((a, b) => rank(name(a)) - rank(name(b)));
  return {
    sse_servers: byName(config.sse_servers, (s) => s.x?.name),
    shttp_servers: byName(config.shttp_servers, (s) => s.x?.name),
    stdio_servers: byName(config.stdio_servers, (s) => s.name),
  };
}

describe('mcp map: properties', () => {
  it('reading what was written gives back any valid named config', () => {
    const before = prototypeState();
    fc.assert(
      fc.property(namedConfig, (config) => {
        const written = writeServerMap(config);
        const result = read(written);
        expect(result.wrapped).to.equal(false);
        expect(result.opaque).to.deep.equal({});
        expect(result.config).to.deep.equal(inMapOrder(config, written));
        expect(sortedJson(result.config)).to.equal(sortedJson(inMapOrder(config, written)));
      }),
      RUNS,
    );
    expect(prototypeState()).to.equal(before);
  });

  it('writing what was read gives back any valid wire map, flat or wrapped', () => {
    const before = prototypeState();
    fc.assert(
      fc.property(wireMap, fc.boolean(), (map, wrap) => {
        const result = read(wrap ? { mcpServers: map } : map);
        expect(result.wrapped).to.equal(wrap);
        const written = writeServerMap(result.config, result.opaque);
        expect(written).to.deep.equal(map);
        expect(sortedJson(written)).to.equal(sortedJson(map));
      }),
      RUNS,
    );
    expect(prototypeState()).to.equal(before);
  });

  it('never throws and never pollutes, whatever it is given', () => {
    const before = prototypeState();
    fc.assert(
      fc.property(fc.oneof(fc.anything(), wireMap, jsonValue({ maxDepth: 4 })), (value) => {
        const result = readServerMap(value);
        if (result !== null) writeServerMap(result.config, result.opaque);
      }),
      RUNS,
    );
    expect(prototypeState()).to.equal(before);
  });
});
