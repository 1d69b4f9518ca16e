/**
 * The stored secrets of an MCP configuration that a server shows masked (`**********`), which a
 * save must not lose, for the newer APIs' clients (the typed ones, which no message may quote, are
 * found by entry-secrets.ts).
 *
 * Masked values are found in the server map as it goes on the wire (`{name: entry}`, unwrapped):
 * what is sent and what is read back are compared there, entry fields as the server stores them
 * (`env/API_KEY`, `headers/X-Key`, `auth/value`), with nothing lost to a conversion (an entry the
 * form cannot show is in the map too). A place is the server's name and the path in its entry.
 *
 * Its pointer in the form is the server's V0-style pointer (`/mcp_config/<list>/<index>`, the
 * server found by its name: a stdio server's `name`, a URL server's `x.name`) with the path after
 * it: `/mcp_config/stdio_servers/0/env/API_KEY` (V0's own), `/mcp_config/sse_servers/1/headers/X-Key`,
 * and `/api_key` for the `auth` a V0 API key is written as. Where the form renders no such field
 * the error lands on the server; a server the form does not have (added by someone else) is named
 * by its place in the stored map (`/mcp_config/<name>/env/API_KEY`), which the summary words.
 */
import { isRecord, ownKeys, readArray, readOwn } from './json.js';
import { entryFieldPointer, MAX_LEAVES, walkLeaves } from './entry-secrets.js';
import { isMasked, ownName, type NamedMcpConfig } from './mcp-server.js';
import { toPointer } from './pointer-join.js';
import { refusal, REFUSAL_MESSAGES, type RefusalCode } from './refusals.js';
import type { ServerFieldError, SubmitResult } from './result.js';
import type { SaveContent } from './settings-api.js';

export const SERVER_LISTS = ['sse_servers', 'shttp_servers', 'stdio_servers'] as const;
export type ServerList = (typeof SERVER_LISTS)[number];

/** A stored secret shown masked: the server's name in the map and the path in its entry. */
export interface MaskedLeaf {
  server: string;
  path: string[];
}

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

/**
 * Where a place of a stored server the form does not show is reported: `/mcp_config/<name>/...`,
 * which the summary words ("MCP servers › “theirs” › …"). A server named like one of the form's
 * lists (`stdio_servers`) would read as that list, so its places are the whole request's.
 */
export function storedPointer(name: string, path: readonly string[] = []): string {
  return (SERVER_LISTS as readonly string[]).includes(name) ? '' : toPointer(['mcp_config', name, ...path]);
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
    walkLeaves(
      readOwn(map, name),
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
    return toPointer(['mcp_config', list, index]) + entryFieldPointer(server, list !== 'stdio_servers', leaf.path);
  }
  return '';
}

/** A leaf in words, for a message when it has no field in the form: `“fs”: env.API_KEY`. */
function leafWords(leaf: MaskedLeaf): string {
  return `“${leaf.server}”: ${leaf.path.join('.')}`;
}

/**
 * The secrets of `leaves` as the problem `code` on their fields (a server the form does not show
 * is named by its place in the stored map, `/mcp_config/<name>/...`, after the placed ones), and
 * their names for a sentence: the form of every "type these secrets again" result.
 */
export function secretErrors(
  leaves: readonly MaskedLeaf[],
  content: SaveContent,
  code: RefusalCode,
): { errors: ServerFieldError[]; names: string[] } {
  const placed = leaves.map((leaf) => ({ leaf, pointer: leafPointer(content.servers, leaf) }));
  placed.sort((a, b) => Number(a.pointer === '') - Number(b.pointer === ''));
  return {
    errors: placed.map(({ leaf, pointer }) => refusal(pointer || storedPointer(leaf.server, leaf.path), code)),
    names: placed.map(({ leaf, pointer }) => pointer || leafWords(leaf)),
  };
}

/** Names for a sentence: the first few, and how many more. */
export function namesList(names: readonly string[]): string {
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

/** Nothing was sent: the masked secrets `leaves` must be typed again first, each on its field with `code`. */
export function secretsRequired(
  leaves: readonly MaskedLeaf[],
  content: SaveContent,
  code: 'secret_not_stored' | 'secret_would_be_erased',
): SubmitResult {
  const { errors, names } = secretErrors(leaves, content, code);
  const n = leaves.length;
  return {
    kind: 'validation',
    status: 0,
    errors,
    message: `Nothing was sent: ${n} ${n === 1 ? 'secret' : 'secrets'} shown masked must be typed again (${namesList(names)}). ${REFUSAL_MESSAGES[code]}`,
  };
}
