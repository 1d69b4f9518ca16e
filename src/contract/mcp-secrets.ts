/**
 * Where the secrets of an MCP configuration are, for the newer APIs' clients: the stored ones a
 * server shows masked (`**********`), which a save must not lose, and the typed ones, which no
 * message may quote.
 *
 * Masked values are found in the server map as it goes on the wire (`{name: entry}`, unwrapped):
 * what is sent and what is read back are compared there, entry fields as the server stores them
 * (`env/API_KEY`, `headers/X-Key`, `auth/value`), with nothing lost to a conversion (an entry the
 * form cannot show is in the map too). A place is the server's name and the path in its entry.
 *
 * Its pointer in the form is the server's V0-style pointer (`/mcp_config/<list>/<index>`, the
 * server found by its name: a stdio server's `name`, a URL server's `x.name`) with the path after
 * it: `/mcp_config/stdio_servers/0/env/API_KEY` (V0's own), `/mcp_config/sse_servers/1/headers/X-Key`,
 * and `/api_key` for the `auth` a V0 API key is written as (as mcp-masks.ts names it). Where the
 * form renders no such field the error lands on the server; a server the form does not have (added
 * by someone else) is named in words instead.
 */
import { isRecord, ownKeys, readArray, readOwn } from './json.js';
import { isMasked, ownName, type NamedMcpConfig } from './mcp-server.js';
import { toPointer } from './pointer-join.js';
import type { ServerFieldError, SubmitResult } from './result.js';
import type { SaveContent } from './settings-api.js';

export const SERVER_LISTS = ['sse_servers', 'shttp_servers', 'stdio_servers'] as const;
export type ServerList = (typeof SERVER_LISTS)[number];

/** A stored secret shown masked: the server's name in the map and the path in its entry. */
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
  return ownName(server, list === 'stdio_servers');
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

/** The server's fields and its extras side by side, as one object: where typed secrets are looked for. */
function secretView(server: unknown): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  const x = readOwn(server, 'x');
  for (const key of ['env', 'api_key']) view[key] = readOwn(server, key);
  for (const key of ['headers', 'auth']) view[key] = readOwn(x, key);
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

/** The server map inside a stored `mcp_config`: unwrapped from `{"mcpServers": ...}`; `{}` when not a map. */
export function serverMap(mcpConfig: unknown): Record<string, unknown> {
  const inner = readOwn(mcpConfig, 'mcpServers');
  if (isRecord(inner)) return inner;
  return isRecord(mcpConfig) ? mcpConfig : {};
}

/** Every masked value of a server map (or of a merge patch of one), by server name and path. */
export function maskedLeaves(map: unknown): MaskedLeaf[] {
  const leaves: MaskedLeaf[] = [];
  const budget = { n: MAX_LEAVES };
  for (const name of ownKeys(map))
    walk(
      readOwn(map, name),
      [],
      (path, leaf) => {
        if (isMasked(leaf)) leaves.push({ server: name, path });
      },
      budget,
    );
  return leaves;
}

/** The value at `leaf` in a server map, or `undefined` when absent. */
export function leafValue(map: unknown, leaf: MaskedLeaf): unknown {
  let value = readOwn(map, leaf.server);
  for (const segment of leaf.path)
    value = Array.isArray(value) ? readArray(value)[Number(segment)] : readOwn(value, segment);
  return value;
}

/** The form's pointer of the server named `name` in `config` (`/mcp_config/stdio_servers/2`), or null. */
export function serverPointer(config: NamedMcpConfig | null, name: string): string | null {
  for (const server of servers(config))
    if (server.name === name) return toPointer(['mcp_config', server.list, server.index]);
  return null;
}

/** The form's pointer of `leaf` in `config`, or `''` (the summary only) when the form has no such server. */
export function leafPointer(config: NamedMcpConfig | null, leaf: MaskedLeaf): string {
  for (const { list, index, server, name } of servers(config)) {
    if (name !== leaf.server) continue;
    const pointer = toPointer(['mcp_config', list, index]);
    // A V0 API key is written as bearer `auth` when the server has no `auth` of its own.
    const x = readOwn(server, 'x');
    if (list !== 'stdio_servers' && leaf.path[0] === 'auth' && readOwn(x, 'auth') === undefined) {
      const apiKey = readOwn(server, 'api_key');
      if (typeof apiKey === 'string' && apiKey !== '') return pointer + '/api_key';
    }
    return pointer + toPointer(leaf.path);
  }
  return '';
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

/**
 * The secrets of `leaves` as errors on their fields (`type`, `text` on each; a server the form
 * does not show is named in words, summary only, after the placed ones), and their names for a
 * sentence: the form of every "type these secrets again" result.
 */
export function secretErrors(
  leaves: readonly MaskedLeaf[],
  content: SaveContent,
  type: string,
  text: string,
): { errors: ServerFieldError[]; names: string[] } {
  const placed = leaves.map((leaf) => ({ leaf, pointer: leafPointer(content.servers, leaf) }));
  placed.sort((a, b) => Number(a.pointer === '') - Number(b.pointer === ''));
  return {
    errors: placed.map(({ leaf, pointer }) => ({
      pointer,
      type,
      message: pointer === '' ? `${leafWords(leaf)}: ${text}` : text,
    })),
    names: placed.map(({ leaf, pointer }) => pointer || leafWords(leaf)),
  };
}

/** Nothing was sent: the masked secrets `leaves` must be typed again first (`why`: the reason, on each field). */
export function secretsRequired(leaves: readonly MaskedLeaf[], content: SaveContent, why: string): SubmitResult {
  const { errors, names } = secretErrors(leaves, content, 'secret_required', why);
  const n = leaves.length;
  return {
    kind: 'validation',
    status: 0,
    errors,
    message: `Nothing was sent: ${n} ${n === 1 ? 'secret' : 'secrets'} shown masked must be typed again (${names.join(', ')}). ${why}`,
  };
}
