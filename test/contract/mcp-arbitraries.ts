/**
 * fast-check arbitraries for the MCP server map: the form's named configs as a read gives them,
 * and wire maps as the newer APIs hold them (any value in the fields the form edits, odd entries
 * that no list can hold). Shared by the map's and the save patch's property tests.
 */
import fc from 'fast-check';
import type {
  McpAuth,
  NamedMcpConfig,
  NamedStdioServer,
  NamedUrlServer,
  ServerExtras,
} from '../../src/contract/mcp-server.js';
import { SECRET_MASKS } from '../../src/contract/mcp-server.js';
import { anyKey, jsonValue, objectOf, recordOf } from './json-arbitraries.js';

/** The arbitraries, with keys (names, env and header keys, rest fields) drawn from `key`. */
export function mcpArbitraries(key: fc.Arbitrary<string> = anyKey) {
  /** Names of servers: any key but `mcpServers` (a flat map with a server of that name reads as wrapped, as on the app server). */
  const serverName = key.filter((k) => k !== 'mcpServers');
  const secret = fc.oneof(fc.constantFrom(...SECRET_MASKS), fc.string({ maxLength: 6 }));
  const stringMap = recordOf(secret, key);
  const nonBlank = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== '');
  const url = fc.oneof(
    fc.constantFrom('https://a.example/sse', 'https://b.example/mcp', 'http://127.0.0.1:3000/mcp'),
    nonBlank,
  );

  const auth: fc.Arbitrary<McpAuth> = fc.oneof(
    fc.constant({ strategy: 'none' as const }),
    fc.record({ strategy: fc.constant('bearer' as const), value: secret }),
    fc.record(
      {
        strategy: fc.constant('api_key' as const),
        value: secret,
        header_name: fc.option(fc.string({ maxLength: 6 }), { nil: null }),
      },
      { requiredKeys: ['strategy', 'value'] },
    ),
    fc.record({ strategy: fc.constant('basic' as const), username: fc.string({ maxLength: 4 }), password: secret }),
    fc.record({ strategy: fc.constant('header' as const), headers: stringMap }),
    fc
      .tuple(
        recordOf(
          jsonValue({ key }),
          key.filter((k) => k !== 'strategy'),
        ),
        fc.constant('oauth2' as const),
      )
      .map(([fields, strategy]) => ({ ...fields, strategy }) as McpAuth),
  );

  const STDIO_FIELDS = ['transport', 'type', 'command', 'args', 'env', 'enabled'];
  const URL_FIELDS = ['transport', 'type', 'url', 'headers', 'auth', 'enabled'];
  const restOf = (taken: string[]) =>
    recordOf(
      jsonValue({ key }),
      key.filter((k) => !taken.includes(k)),
    ).filter((r) => Object.keys(r).length > 0);

  /** `x` as a read gives it: only what is there, no empty `x`. */
  function extras(fields: ServerExtras): ServerExtras | undefined {
    const x = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as ServerExtras;
    return Object.keys(x).length > 0 ? x : undefined;
  }

  const stdioServer = (name: string): fc.Arbitrary<NamedStdioServer> =>
    fc
      .record({
        command: nonBlank,
        args: fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
        env: stringMap,
        enabled: fc.option(fc.boolean(), { nil: undefined }),
        rest: fc.option(restOf(STDIO_FIELDS), { nil: undefined }),
      })
      .map(({ command, args, env, enabled, rest }) => {
        const server: NamedStdioServer = { name, command, args, env };
        const x = extras({ enabled, rest });
        if (x) server.x = x;
        return server;
      });

  const urlServer = (name: string): fc.Arbitrary<NamedUrlServer> =>
    fc
      .record({
        url,
        headers: fc.option(stringMap, { nil: undefined }),
        auth: fc.option(auth, { nil: undefined }),
        enabled: fc.option(fc.boolean(), { nil: undefined }),
        rest: fc.option(restOf(URL_FIELDS), { nil: undefined }),
      })
      .map(({ url, headers, auth, enabled, rest }) => ({
        url,
        api_key: null,
        x: extras({ name, headers, auth, enabled, rest })!,
      }));

  /** A config as a read gives it: every server named, names unique, URL servers' api_key null. */
  const namedConfig: fc.Arbitrary<NamedMcpConfig> = fc
    .uniqueArray(fc.tuple(serverName, fc.constantFrom('sse', 'shttp', 'stdio')), { selector: ([n]) => n, maxLength: 6 })
    .chain((servers) =>
      fc
        .tuple(...servers.map(([name, kind]) => (kind === 'stdio' ? stdioServer(name) : urlServer(name))))
        .map((made) => {
          const config: NamedMcpConfig = { sse_servers: [], shttp_servers: [], stdio_servers: [] };
          made.forEach((server, i) => {
            const kind = servers[i]![1];
            if (kind === 'stdio') config.stdio_servers.push(server as NamedStdioServer);
            else (kind === 'sse' ? config.sse_servers : config.shttp_servers).push(server as NamedUrlServer);
          });
          return config;
        }),
    );

  /** A field that is there with any value, or not there. */
  const maybe = (value: fc.Arbitrary<unknown>) => fc.option(value, { nil: undefined });
  const anything = jsonValue({ key });

  /** A wire entry of a stdio server: any value for the fields the form edits, and no transport (stdio is written without). */
  const stdioEntry = fc
    .record({
      command: nonBlank,
      args: maybe(fc.oneof(fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }), anything)),
      env: maybe(fc.oneof(stringMap, anything)),
      enabled: maybe(fc.oneof(fc.boolean(), anything)),
      rest: fc.option(restOf(STDIO_FIELDS), { nil: {} }),
    })
    .map(({ rest, ...fields }) =>
      objectOf([...Object.entries(fields).filter(([, v]) => v !== undefined), ...Object.entries(rest)]),
    );

  const urlEntry = fc
    .record({
      transport: fc.constantFrom('sse', 'http'),
      url,
      headers: maybe(fc.oneof(stringMap, anything)),
      auth: maybe(fc.oneof(auth, anything)),
      enabled: maybe(fc.oneof(fc.boolean(), anything)),
      rest: fc.option(restOf(URL_FIELDS), { nil: {} }),
    })
    .map(({ rest, ...fields }) =>
      objectOf([...Object.entries(fields).filter(([, v]) => v !== undefined), ...Object.entries(rest)]),
    );

  /** Entries no list can hold: kept in opaque. */
  const opaqueEntry = fc.oneof(
    fc.oneof(fc.constant(null), fc.string({ maxLength: 3 }), fc.integer(), fc.array(anything, { maxLength: 2 })),
    fc.record({ transport: fc.constantFrom('websocket', 'STDIO', 'grpc'), url }),
    fc.record({ transport: fc.constant('stdio'), url }),
    fc.record({ command: fc.constantFrom('', '  ', '\t') }),
    fc.record({ transport: fc.constantFrom('sse', 'http'), url: fc.constantFrom('', ' ') }),
    recordOf(
      anything,
      key.filter((k) => !['command', 'url', 'transport', 'type'].includes(k)),
    ),
  );

  const wireMap = fc
    .uniqueArray(fc.tuple(serverName, fc.oneof(stdioEntry, urlEntry, urlEntry, opaqueEntry)), {
      selector: ([n]) => n,
      maxLength: 6,
    })
    .map(objectOf);

  return { serverName, secret, stringMap, auth, namedConfig, stdioEntry, urlEntry, opaqueEntry, wireMap };
}
