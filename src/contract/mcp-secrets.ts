/**
 * Where the secrets of an MCP configuration are, for the newer APIs' clients: the stored ones the
 * form shows masked (`**********`), which a save must not lose, named by server and place and by
 * the form's V0-style pointer; and the typed ones, which no message may quote.
 *
 * A server is looked at as one object, its "secret view": V0's fields (`env`, `api_key`, ...) and
 * what the newer APIs add (`headers`, `auth`, and the fields the form does not edit, `rest`) side
 * by side, as the servers store them. A place in it is a list of segments (`['env', 'API_KEY']`,
 * `['auth', 'value']`), and its pointer is the server's pointer in the form
 * (`/mcp_config/<list>/<index>`) with those segments after it: `/mcp_config/stdio_servers/0/env/API_KEY`
 * (V0's own pointer), `/mcp_config/sse_servers/1/headers/X-Key`, `/mcp_config/shttp_servers/0/auth/value`.
 * Where the form renders no such field the error lands on the nearest ancestor (the server).
 */
import { isRecord, ownKeys, readArray, readOwn } from './json.js';
import { isMasked, type NamedMcpConfig } from './mcp-server.js';
import { toPointer } from './pointer.js';

export const SERVER_LISTS = ['sse_servers', 'shttp_servers', 'stdio_servers'] as const;
export type ServerList = (typeof SERVER_LISTS)[number];

/** A stored secret shown masked: the server's name in the map and the place in its secret view. */
export interface MaskedLeaf {
  server: string;
  path: string[];
}

/** No server field is nested deeper than `auth.authentication.<field>.<item>`; a deeper walk is noise. */
const MAX_DEPTH = 8;
/** A hostile configuration cannot make a walk take long: at most this many leaves are visited. */
const MAX_LEAVES = 10_000;

/** The server's key in the map: a stdio server's `name`, a URL server's `x.name`. */
export function serverName(server: unknown, list: ServerList): string | undefined {
  const name = list === 'stdio_servers' ? readOwn(server, 'name') : readOwn(readOwn(server, 'x'), 'name');
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** Each server of `config` with its list, index and name. */
function* servers(config: NamedMcpConfig | null) {
  if (config === null) return;
  for (const list of SERVER_LISTS) {
    const items = readArray(readOwn(config, list));
    for (let index = 0; index < items.length; index++) {
      const server = items[index];
      yield { list, index, server, name: serverName(server, list) };
    }
  }
}

/** The server's fields and its extras side by side, as one object (see the module's comment). */
function secretView(server: unknown): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  const x = readOwn(server, 'x');
  const rest = readOwn(x, 'rest');
  for (const key of ownKeys(rest)) view[key] = readOwn(rest, key);
  for (const key of ownKeys(server)) if (key !== 'x') view[key] = readOwn(server, key);
  for (const key of ['headers', 'auth']) {
    const value = readOwn(x, key);
    if (value !== undefined) view[key] = value;
  }
  return view;
}

function walk(value: unknown, path: string[], visit: (path: string[], leaf: unknown) => void, budget: { n: number }) {
  if (budget.n <= 0) return;
  if (Array.isArray(value) || isRecord(value)) {
    if (path.length >= MAX_DEPTH) return;
    const keys = Array.isArray(value) ? readArray(value).map((_, i) => String(i)) : ownKeys(value);
    for (const key of keys)
      walk(Array.isArray(value) ? value[Number(key)] : readOwn(value, key), [...path, key], visit, budget);
    return;
  }
  budget.n--;
  visit(path, value);
}

/** Every masked value of `config` (each server's secret view walked), in list order. */
export function maskedLeaves(config: NamedMcpConfig | null): MaskedLeaf[] {
  const leaves: MaskedLeaf[] = [];
  const budget = { n: MAX_LEAVES };
  for (const { server, name } of servers(config)) {
    // A server without a name cannot be found again in a map; the wire conversion names every one.
    if (name === undefined) continue;
    walk(
      secretView(server),
      [],
      (path, leaf) => {
        if (isMasked(leaf)) leaves.push({ server: name, path });
      },
      budget,
    );
  }
  return leaves;
}

/** The value at `leaf` in `config` (the server found by name), or `undefined` when absent. */
export function leafValue(config: NamedMcpConfig | null, leaf: MaskedLeaf): unknown {
  for (const { server, name } of servers(config)) {
    if (name !== leaf.server) continue;
    let value: unknown = secretView(server);
    for (const segment of leaf.path)
      value = Array.isArray(value) ? readArray(value)[Number(segment)] : readOwn(value, segment);
    return value;
  }
  return undefined;
}

/** The form's pointer of the server named `name` in `config` (`/mcp_config/stdio_servers/2`), or null. */
export function serverPointer(config: NamedMcpConfig | null, name: string): string | null {
  for (const server of servers(config))
    if (server.name === name) return toPointer(['mcp_config', server.list, server.index]);
  return null;
}

/** The form's pointer of `leaf` in `config`, or `''` (the summary only) when the form has no such server. */
export function leafPointer(config: NamedMcpConfig | null, leaf: MaskedLeaf): string {
  const pointer = serverPointer(config, leaf.server);
  return pointer === null ? '' : pointer + toPointer(leaf.path);
}

/** A leaf in words, for a message when it has no field in the form: `“fs”: env.API_KEY`. */
export function leafWords(leaf: MaskedLeaf): string {
  return `“${leaf.server}”: ${leaf.path.join('.')}`;
}

/**
 * Every typed secret value in the MCP servers (env values, API keys, header values, auth fields
 * other than the strategy, the header's name and the user name), for the redaction of messages.
 * Masks are not secrets and are left out.
 */
export function typedSecrets(config: NamedMcpConfig | null): string[] {
  const secrets: string[] = [];
  const budget = { n: MAX_LEAVES };
  for (const { server } of servers(config)) {
    const view = secretView(server);
    for (const key of ['env', 'api_key', 'headers', 'auth']) {
      walk(
        readOwn(view, key),
        [key],
        (path, leaf) => {
          const last = path[path.length - 1];
          if (key === 'auth' && (last === 'strategy' || last === 'header_name' || last === 'username')) return;
          if (typeof leaf === 'string' && leaf !== '' && !isMasked(leaf)) secrets.push(leaf);
        },
        budget,
      );
    }
  }
  return secrets;
}
