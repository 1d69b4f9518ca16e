/**
 * One entry of a name-keyed MCP server map and the form's list it belongs in, both ways. Three
 * readers meet such maps: the import panel (`{"mcpServers": {...}}` files, VS Code's `servers`),
 * the export, and the wire conversion of the newer OpenHands APIs (`mcp-map.ts`). They share this
 * module so they never disagree on which list a server is in, what its transport is called, or
 * what a server without a name is called.
 *
 * Only the decisions live here. What each reader then takes from an entry differs on purpose: the
 * import normalises and says what it dropped; the wire keeps every byte, to send it back.
 */
import { readOwn } from './json.js';

/** The form's three lists (V0's `sse_servers`, `shttp_servers`, `stdio_servers`). */
export type EntryKind = 'sse' | 'shttp' | 'stdio';

/** Each list's key in V0's `mcp_config` (as model/draft.ts's `SERVER_LIST_KEYS`, which the contract cannot import). */
export const LIST_KEY = {
  sse: 'sse_servers',
  shttp: 'shttp_servers',
  stdio: 'stdio_servers',
} as const satisfies Record<EntryKind, string>;

/** Why an entry is not a server the form can hold (worded by `strings.mcpTools.skipReason`). */
export type SkipReason =
  | { code: 'not_object' }
  | { code: 'no_command' }
  | { code: 'no_url'; type: string | null }
  | { code: 'neither_command_nor_url' }
  | { code: 'unknown_type'; type: string };

/** How a map spells transports: the files people paste, or OpenHands' own settings. */
export interface EntryDialect {
  /** The fields that name the transport; the first one set wins. */
  readonly typeKeys: readonly string[];
  /** The names of streamable HTTP (the `shttp` list). */
  readonly httpTypes: readonly string[];
  /** Whether `null` counts as no transport (a pydantic dump can hold one) or as an unknown one. */
  readonly nullIsUnset: boolean;
  /** The list of a URL server whose entry names no transport. */
  readonly guess: (url: string) => 'sse' | 'shttp';
}

/**
 * Claude Desktop, Cursor and VS Code files: `type`. A URL ending in `/sse` is taken as SSE (the
 * panel tells the person so, `type_guessed`).
 */
export const IMPORT_DIALECT: EntryDialect = {
  typeKeys: ['type'],
  httpTypes: ['http', 'streamable-http', 'streamableHttp'],
  nullIsUnset: false,
  guess: (url) => (/\/sse\/?$/.test(url.trim()) ? 'sse' : 'shttp'),
};

/**
 * The SDK's `MCPServer`: `transport`, or the legacy `type` (SDK config.py keeps both; its
 * migrations turn `shttp` into `http`). An entry with neither is resolved by FastMCP when the
 * server connects, so the guess is FastMCP's (`infer_transport_type_from_url`): the list shown,
 * and the transport written back, is then the one the server already uses.
 */
export const WIRE_DIALECT: EntryDialect = {
  typeKeys: ['transport', 'type'],
  httpTypes: ['http', 'shttp', 'streamable-http', 'streamableHttp'],
  nullIsUnset: true,
  guess: (url) => {
    try {
      return /\/sse(\/|\?|&|$)/.test(new URL(url).pathname) ? 'sse' : 'shttp';
    } catch {
      return 'shttp';
    }
  },
};

export type ClassifiedEntry =
  | { kind: 'stdio'; command: string }
  /** `type`: the transport as the entry named it; `undefined` when it named none and the list was guessed. */
  | { kind: 'sse' | 'shttp'; url: string; type: string | undefined }
  | { reason: SkipReason };

/**
 * Which list an entry belongs in. Stdio when the transport says so, or when none is named and
 * there is a `command`; otherwise a URL server, by its transport or the dialect's guess. An entry
 * with a blank `command` or `url` is none of them: the form could not show it as it is.
 */
export function classifyEntry(entry: Record<string, unknown>, dialect: EntryDialect): ClassifiedEntry {
  const type = declaredType(entry, dialect);
  const url = readOwn(entry, 'url');
  const command = readOwn(entry, 'command');
  if (type === 'stdio' || (type === undefined && typeof command === 'string')) {
    if (typeof command !== 'string' || command.trim() === '') return { reason: { code: 'no_command' } };
    return { kind: 'stdio', command };
  }
  if (typeof url !== 'string' || url.trim() === '')
    return { reason: typeof type === 'string' ? { code: 'no_url', type } : { code: 'neither_command_nor_url' } };
  if (type === 'sse') return { kind: 'sse', url, type };
  if (typeof type === 'string' && dialect.httpTypes.includes(type)) return { kind: 'shttp', url, type };
  if (type === undefined) return { kind: dialect.guess(url), url, type };
  return { reason: { code: 'unknown_type', type: String(type) } };
}

/** The transport an entry names: the first of the dialect's fields that is set; `undefined` for none. */
function declaredType(entry: Record<string, unknown>, dialect: EntryDialect): unknown {
  for (const key of dialect.typeKeys) {
    const value = readOwn(entry, key);
    if (value !== undefined && !(value === null && dialect.nullIsUnset)) return value;
  }
  return undefined;
}

/** The transport a map entry names each list by (`type` in `mcpServers` files, `transport` in OpenHands). */
export const KIND_TRANSPORT = { sse: 'sse', shttp: 'http', stdio: 'stdio' } as const satisfies Record<
  EntryKind,
  string
>;

/** A URL server's name when it has none (V0 names none): its host, as a map key people can read. */
export function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/[^a-zA-Z0-9_-]+/g, '-');
  } catch {
    return 'server';
  }
}

/** `base`, or `base-2`, `base-3`... : the first that is not taken (an empty base counts as `server`). */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  const stem = base || 'server';
  let name = stem;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
  return name;
}
