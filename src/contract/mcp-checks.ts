/**
 * What a newer API's save must not send, found from the MCP servers alone; such a save is refused
 * before anything is sent (tokens included), each problem on its field:
 *
 * - A server's name is its key in the stored map: two servers of one name would be one server
 *   there, so the second would be renamed or would overwrite the first (a URL server left without a
 *   name is named after its host when written: mcp-map.ts).
 * - A header without a name is no HTTP header, yet the servers store it.
 * - An auth method without what it needs (a key or token, a user name and password, a secret
 *   header): stored so, the server would hold a method that cannot authenticate, and the secret it
 *   had would be gone.
 */
import { isMasked, ownName, type NamedMcpConfig, type NamedUrlServer } from './mcp-server.js';
import { KEY_SEGMENT } from './pointer.js';
import { toPointer } from './pointer-join.js';
import { ownKeys } from './json.js';
import { refusal, type RefusalCode } from './refusals.js';
import type { ServerFieldError, SubmitResult } from './result.js';
import { SERVER_LISTS } from './mcp-secrets.js';

/** Every server whose name another server also has, as an error on its name field. */
function duplicateNames(config: NamedMcpConfig | null): ServerFieldError[] {
  if (!config) return [];
  const named: { pointer: string; name: string }[] = [];
  for (const list of SERVER_LISTS)
    config[list].forEach((server, i) => {
      const name = ownName(server, list === 'stdio_servers');
      if (name !== undefined) named.push({ pointer: `/mcp_config/${list}/${i}/name`, name });
    });
  const counts = new Map<string, number>();
  for (const { name } of named) counts.set(name, (counts.get(name) ?? 0) + 1);
  return named.filter(({ name }) => counts.get(name)! > 1).map(({ pointer }) => refusal(pointer, 'name_taken'));
}

type UrlList = 'sse_servers' | 'shttp_servers';

/**
 * The errors `visit` reports for each URL server of `config`: `at(code, ...path)` puts one on the
 * field at `path` under the server.
 */
function eachUrlServer(
  config: NamedMcpConfig | null,
  visit: (server: NamedUrlServer, at: (code: RefusalCode, ...path: string[]) => void, list: UrlList) => void,
): ServerFieldError[] {
  const errors: ServerFieldError[] = [];
  if (config)
    for (const list of ['sse_servers', 'shttp_servers'] as const)
      config[list].forEach((server, i) =>
        visit(server, (code, ...path) => errors.push(refusal(toPointer(['mcp_config', list, i, ...path]), code)), list),
      );
  return errors;
}

/** Every header (of a URL server's headers, or of its `header` auth) without a name, as an error on its name field. */
function emptyHeaderNames(config: NamedMcpConfig | null): ServerFieldError[] {
  return eachUrlServer(config, (server, at) => {
    const auth = server.x?.auth;
    const maps: [string[], unknown][] = [[['headers'], server.x?.headers]];
    if (auth?.strategy === 'header') maps.push([['auth', 'headers'], auth.headers]);
    for (const [path, map] of maps)
      if (Object.prototype.hasOwnProperty.call(map ?? {}, '')) at('header_name_empty', ...path, '', KEY_SEGMENT);
  });
}

/** Every auth method of a URL server without what it needs, as an error on the field to fill. */
function incompleteAuth(config: NamedMcpConfig | null): ServerFieldError[] {
  return eachUrlServer(config, (server, at) => {
    const auth = server.x?.auth;
    if ((auth?.strategy === 'api_key' || auth?.strategy === 'bearer') && auth.value === '')
      at('auth_value_empty', 'auth', 'value');
    if (auth?.strategy === 'basic') {
      if (auth.username === '') at('auth_username_empty', 'auth', 'username');
      if (auth.password === '') at('auth_password_empty', 'auth', 'password');
    }
    if (auth?.strategy === 'header' && ownKeys(auth.headers).length === 0) at('auth_headers_empty', 'auth', 'headers');
  });
}

/** The host (and port) a URL points at, or the URL itself when it is none. */
function origin(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

/**
 * Every stored secret (read back masked) of a URL server that now points at another host than the
 * stored server of its name: kept, the server would send it there without the person having typed
 * it for that host. Each is asked for again, on its field.
 */
function secretsToNewHost(config: NamedMcpConfig | null, stored: NamedMcpConfig | null): ServerFieldError[] {
  if (!stored) return [];
  const hosts = (list: UrlList) => new Map(stored[list].map((server) => [ownName(server, false), server.url]));
  const before = { sse_servers: hosts('sse_servers'), shttp_servers: hosts('shttp_servers') };
  return eachUrlServer(config, (server, at, list) => {
    const was = before[list].get(ownName(server, false));
    if (was === undefined || origin(was) === origin(server.url)) return;
    const moved = (...path: string[]) => at('secret_to_new_host', ...path);
    if (server.x?.auth === undefined && isMasked(server.api_key)) moved('api_key');
    for (const [key, value] of Object.entries(server.x?.headers ?? {})) if (isMasked(value)) moved('headers', key);
    const auth = server.x?.auth;
    if (auth?.strategy === 'api_key' || auth?.strategy === 'bearer') {
      if (isMasked(auth.value)) moved('auth', 'value');
    } else if (auth?.strategy === 'basic') {
      if (isMasked(auth.password)) moved('auth', 'password');
    } else if (auth?.strategy === 'header')
      for (const [key, value] of Object.entries(auth.headers)) if (isMasked(value)) moved('auth', 'headers', key);
  });
}

/**
 * Every problem of `config` a newer API's save must not send (the codes of {@link MCP_CHECK_CODES});
 * `stored`: what the form loaded, for what depends on it.
 */
export function mcpChecks(config: NamedMcpConfig | null, stored: NamedMcpConfig | null = null): ServerFieldError[] {
  return [
    ...duplicateNames(config),
    ...emptyHeaderNames(config),
    ...incompleteAuth(config),
    ...secretsToNewHost(config, stored),
  ];
}

/** The codes {@link mcpChecks} reports: problems the form can check again after each edit. */
export const MCP_CHECK_CODES: ReadonlySet<string> = /* @__PURE__ */ new Set<RefusalCode>([
  'name_taken',
  'header_name_empty',
  'auth_value_empty',
  'auth_username_empty',
  'auth_password_empty',
  'auth_headers_empty',
  'secret_to_new_host',
]);

/** The refusal of a save whose MCP servers have any problem {@link mcpChecks} finds, or null. */
export function checksRefusal(
  config: NamedMcpConfig | null,
  stored: NamedMcpConfig | null = null,
): SubmitResult | null {
  const errors = mcpChecks(config, stored);
  if (errors.length === 0) return null;
  const shared = errors.filter((e) => e.type === 'name_taken').length;
  const unnamed = errors.filter((e) => e.type === 'header_name_empty').length;
  const moved = errors.filter((e) => e.type === 'secret_to_new_host').length;
  const auth = errors.length - shared - unnamed - moved;
  const why = [
    shared > 0 ? `${shared} MCP servers share a name (a name is what tells servers apart here)` : '',
    unnamed > 0 ? `${unnamed === 1 ? 'a header has' : `${unnamed} headers have`} no name` : '',
    auth > 0
      ? auth === 1
        ? 'an auth field lacks a value it needs'
        : `${auth} auth fields lack a value they need`
      : '',
    moved > 0 ? `${moved === 1 ? 'a stored secret' : `${moved} stored secrets`} would go to another host` : '',
  ];
  return { kind: 'validation', status: 0, errors, message: `Nothing was sent: ${why.filter(Boolean).join('; ')}.` };
}
