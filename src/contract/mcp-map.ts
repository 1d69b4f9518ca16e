/**
 * The `mcp_config` of the newer OpenHands APIs (a map keyed by server name, flat or wrapped in
 * `{"mcpServers": ...}`; docs/CURRENT-SERVERS.md §3) to and from the form's model: V0's three lists,
 * each server with what the newer APIs add as `x` (mcp-server.ts).
 *
 * Reading keeps every byte, so that a save sends back what nobody changed exactly as it was read:
 * - A field the form edits is taken when it has the form's type (`url`, `command`: strings;
 *   `args`: strings; `env`, `headers`: string to string; `auth`: one of `McpAuth`'s shapes with no
 *   other field; `enabled`: a boolean). A value of any other type (a number in `env`, an `auth`
 *   the form does not know, `enabled: "no"`) goes to `x.rest` as read, and is written back as
 *   read. The server's own validation never answers such values, so this costs the form nothing.
 * - A stdio server's `args` and `env` are taken only when non-empty; an empty one that was sent
 *   (`"env": {}`) is kept in `x.rest`, so it is written back too. Written, the form's non-empty
 *   value wins over `x.rest`'s; an empty one leaves the field to `x.rest`, or out.
 * - `transport` and the legacy `type` decide the list (mcp-entry.ts) and are not kept: they are
 *   written back as `transport` (`sse`, `http`) for URL servers, and not at all for stdio ones,
 *   which the SDK and FastMCP know by their `command`. A server that named no transport is
 *   written with the one FastMCP was inferring, so it is still reached the same way.
 * - Masks (`"**********"`, `"<redacted>"`) stay as they are: they mean "stored, unchanged".
 * - An entry the form cannot show (not an object, a blank `command` or `url`, an unknown
 *   transport) is kept, by name, in `opaque`, and written back verbatim: a save never deletes a
 *   server nobody removed.
 * - Each list is in the map's order, as JavaScript gives it (integer-like names first).
 */
import { isRecord, ownKeys, readArray, readOwn, setOwn } from './json.js';
import { classifyEntry, freeName, hostName, KIND_TRANSPORT, WIRE_DIALECT, type EntryKind } from './mcp-entry.js';
import {
  ownName,
  type McpAuth,
  type NamedMcpConfig,
  type NamedStdioServer,
  type NamedUrlServer,
  type ServerExtras,
} from './mcp-server.js';
import { cloneJson } from './merge-patch.js';

export interface ServerMapRead {
  /** The map came wrapped, `{"mcpServers": {...}}` (SDK 1.30's FastMCP shape): send it back so. */
  wrapped: boolean;
  config: NamedMcpConfig;
  /** The entries the form cannot show, by name, as read: give them back to {@link writeServerMap}. */
  opaque: Record<string, unknown>;
}

/**
 * Reads the `mcp_config` of a V1 or agent-server answer; `null` when it is not an object. The map
 * is taken as wrapped when it has an `mcpServers` object, as the app server reads it
 * (`mcp_config_server_map`); the wrapper's other members, if any, are not kept. Never throws.
 */
export function readServerMap(value: unknown): ServerMapRead | null {
  if (!isRecord(value)) return null;
  const inner = readOwn(value, 'mcpServers');
  const wrapped = isRecord(inner);
  const map = wrapped ? inner : value;
  const config: NamedMcpConfig = { sse_servers: [], shttp_servers: [], stdio_servers: [] };
  const opaque: Record<string, unknown> = {};
  for (const name of ownKeys(map)) {
    const entry = readOwn(map, name);
    let read: ReturnType<typeof readEntry> = null;
    let kept = entry;
    try {
      read = isRecord(entry) ? readEntry(name, entry) : null;
      if (read === null) kept = cloneJson(entry);
    } catch {
      // A host page's object whose getters throw: kept as it is, never lost.
    }
    if (read === null) setOwn(opaque, name, kept);
    else if (read.kind === 'stdio') config.stdio_servers.push(read.server);
    else (read.kind === 'sse' ? config.sse_servers : config.shttp_servers).push(read.server);
  }
  return { wrapped, config, opaque };
}

type ReadEntry = { kind: 'stdio'; server: NamedStdioServer } | { kind: 'sse' | 'shttp'; server: NamedUrlServer } | null;

function readEntry(name: string, entry: Record<string, unknown>): ReadEntry {
  const classified = classifyEntry(entry, WIRE_DIALECT);
  if ('reason' in classified) return null;
  const x: ServerExtras = {};
  const rest: Record<string, unknown> = {};
  if (classified.kind === 'stdio') {
    const server: NamedStdioServer = { name, command: classified.command, args: [], env: {} };
    for (const key of ownKeys(entry)) {
      const value = readOwn(entry, key);
      if (key === 'transport' || key === 'type' || key === 'command') continue;
      if (key === 'args' && isStringArray(value) && value.length > 0) server.args = [...value];
      else if (key === 'env' && isStringMap(value) && ownKeys(value).length > 0) server.env = copyMap(value);
      else if (key === 'enabled' && typeof value === 'boolean') x.enabled = value;
      else setOwn(rest, key, cloneJson(value));
    }
    if (ownKeys(rest).length > 0) x.rest = rest;
    if (ownKeys(x).length > 0) server.x = x;
    return { kind: 'stdio', server };
  }
  x.name = name;
  for (const key of ownKeys(entry)) {
    const value = readOwn(entry, key);
    if (key === 'transport' || key === 'type' || key === 'url') continue;
    const auth = key === 'auth' ? readAuth(value) : null;
    if (key === 'headers' && isStringMap(value)) x.headers = copyMap(value);
    else if (auth !== null) x.auth = auth;
    else if (key === 'enabled' && typeof value === 'boolean') x.enabled = value;
    else setOwn(rest, key, cloneJson(value));
  }
  if (ownKeys(rest).length > 0) x.rest = rest;
  return { kind: classified.kind, server: { url: classified.url, api_key: null, x } };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && readArray(value).every((item) => typeof item === 'string');
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && ownKeys(value).every((key) => typeof readOwn(value, key) === 'string');
}

function copyMap(value: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ownKeys(value)) setOwn(out, key, readOwn(value, key) as string);
  return out;
}

/** `auth` when it is one of the shapes the form edits, with no other field; otherwise `null`. */
function readAuth(value: unknown): McpAuth | null {
  if (!isRecord(value)) return null;
  const keys = ownKeys(value);
  const only = (...fields: string[]) => keys.every((key) => fields.includes(key));
  const text = (field: string) => typeof readOwn(value, field) === 'string';
  switch (readOwn(value, 'strategy')) {
    case 'none':
      return only('strategy') ? { strategy: 'none' } : null;
    case 'bearer':
      return only('strategy', 'value') && text('value')
        ? { strategy: 'bearer', value: readOwn(value, 'value') as string }
        : null;
    case 'api_key': {
      const header = readOwn(value, 'header_name');
      if (!only('strategy', 'value', 'header_name') || !text('value')) return null;
      if (header !== undefined && header !== null && typeof header !== 'string') return null;
      const auth: McpAuth = { strategy: 'api_key', value: readOwn(value, 'value') as string };
      if (keys.includes('header_name')) auth.header_name = header as string | null;
      return auth;
    }
    case 'basic':
      return only('strategy', 'username', 'password') && text('username') && text('password')
        ? {
            strategy: 'basic',
            username: readOwn(value, 'username') as string,
            password: readOwn(value, 'password') as string,
          }
        : null;
    case 'header': {
      const headers = readOwn(value, 'headers');
      return only('strategy', 'headers') && isStringMap(headers)
        ? { strategy: 'header', headers: copyMap(headers) }
        : null;
    }
    case 'oauth2':
      // Shown, never edited: every field as read.
      return cloneJson(value) as McpAuth;
    default:
      return null;
  }
}

/** A server of the config with the key it is written under. */
export interface ServerKey {
  kind: EntryKind;
  /** Its index in its list (`sse_servers`...). */
  index: number;
  name: string;
}

/**
 * The key each server is written under, stdio servers first, then SSE, then streamable HTTP.
 * A server's own name (a stdio `name`, a URL server's `x.name`) is its key; a URL server without
 * one (V0 has no names) is named after its host. No two servers share a key, nor does a server
 * take an opaque entry's: the first server to claim a name keeps it, and the others (and every
 * generated name) get the first free `name-2`, `name-3`... Deterministic: the same config gives
 * the same keys.
 */
export function serverKeys(config: NamedMcpConfig, opaque: Readonly<Record<string, unknown>> = {}): ServerKey[] {
  const servers: { kind: EntryKind; index: number; own: string | undefined; base: string }[] = [
    ...config.stdio_servers.map((s, index) => ({ kind: 'stdio' as const, index, own: ownName(s, true), base: s.name })),
    ...(['sse', 'shttp'] as const).flatMap((kind) =>
      (kind === 'sse' ? config.sse_servers : config.shttp_servers).map((s, index) => ({
        kind,
        index,
        own: ownName(s, false),
        base: ownName(s, false) ?? hostName(s.url),
      })),
    ),
  ];
  // Own names are claimed before any name is made up, so a made-up one never takes a later server's own.
  const taken = new Set(ownKeys(opaque));
  const claimed = servers.map((s) => {
    if (s.own === undefined || taken.has(s.own)) return false;
    taken.add(s.own);
    return true;
  });
  return servers.map((s, i) => {
    let name = s.own as string;
    if (!claimed[i]) {
      name = freeName(s.base, taken);
      taken.add(name);
    }
    return { kind: s.kind, index: s.index, name };
  });
}

/** The server a key stands for. */
function serverAt(config: NamedMcpConfig, key: ServerKey): NamedStdioServer | NamedUrlServer {
  if (key.kind === 'stdio') return config.stdio_servers[key.index]!;
  return (key.kind === 'sse' ? config.sse_servers : config.shttp_servers)[key.index]!;
}

/**
 * The flat map to send (wrap it in `{"mcpServers": ...}` for a server that read it so), keyed as
 * {@link serverKeys} says, with the opaque entries as they were read.
 */
export function writeServerMap(
  config: NamedMcpConfig,
  opaque: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ownKeys(opaque)) setOwn(out, key, cloneJson(readOwn(opaque, key)));
  for (const key of serverKeys(config, opaque)) setOwn(out, key.name, writeEntry(key.kind, serverAt(config, key)));
  return out;
}

/**
 * One server as the map holds it. `x.rest` first, then the fields the form edits over it. A V0
 * `api_key` becomes bearer `auth` when `x.auth` is not set; when it is, `x.auth` is what is sent.
 * A stdio server's `x.name`, `x.headers` and `x.auth` are not written: its name is `name`, and
 * headers and auth are a remote server's (a stdio entry that had them keeps them in `x.rest`).
 */
export function writeEntry(kind: EntryKind, server: NamedStdioServer | NamedUrlServer): Record<string, unknown> {
  const x = server.x ?? {};
  const out: Record<string, unknown> = {};
  if (kind === 'stdio') {
    const stdio = server as NamedStdioServer;
    setOwn(out, 'command', stdio.command);
    restInto(out, x.rest, 'command');
    if (stdio.args.length > 0) setOwn(out, 'args', [...stdio.args]);
    if (ownKeys(stdio.env).length > 0) setOwn(out, 'env', cloneJson(stdio.env));
  } else {
    const remote = server as NamedUrlServer;
    setOwn(out, 'transport', KIND_TRANSPORT[kind]);
    setOwn(out, 'url', remote.url);
    restInto(out, x.rest, 'transport', 'url');
    if (x.headers !== undefined) setOwn(out, 'headers', cloneJson(x.headers));
    const auth: McpAuth | undefined =
      x.auth ?? (remote.api_key ? { strategy: 'bearer', value: remote.api_key } : undefined);
    if (auth !== undefined) setOwn(out, 'auth', cloneJson(auth));
  }
  if (x.enabled !== undefined) setOwn(out, 'enabled', x.enabled);
  return out;
}

function restInto(out: Record<string, unknown>, rest: Record<string, unknown> | undefined, ...written: string[]): void {
  for (const key of ownKeys(rest)) if (!written.includes(key)) setOwn(out, key, cloneJson(readOwn(rest, key)));
}
