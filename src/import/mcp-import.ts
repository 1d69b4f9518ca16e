/**
 * MCP servers from the formats people already have, turned into OpenHands' `mcp_config` servers:
 * Claude Desktop / Cursor (`{"mcpServers": {name: {...}}}`), VS Code (`{"servers": {name: {type,
 * ...}}}`) and OpenHands' own `mcp_config` JSON. Every entry says how it was converted and what
 * could not be carried over; nothing is dropped without a reason. Pure: no DOM, no network.
 */
import { MASK as SECRET_MASK, type NamedUrlServer } from '../contract/mcp-server.js';
import { MASK as EXPORT_MASK } from './mcp-export.js';
import type { StdioServer } from '../contract/schema.js';
import { SERVER_LIST_KEYS } from '../model/draft.js';
import { isRecord, ownKeys, readArray, readOwn, setOwn } from '../contract/json.js';
import { classifyEntry, IMPORT_DIALECT, type SkipReason } from '../contract/mcp-entry.js';
import { shellSplit } from '../model/shell-split.js';
import { parseJsonAt, type JsonSyntaxError } from './json-location.js';

export type ImportFormat = 'mcpServers' | 'vscode' | 'openhands';

/**
 * How an entry was converted, or what of it was not carried over. Codes with the values the
 * sentence needs, not sentences: the panel words them (`strings.mcpTools.note`), in any language.
 */
export type ImportNote =
  | { code: 'type_became_shttp'; type: string }
  | { code: 'type_guessed'; kind: 'sse' | 'shttp' }
  | { code: 'bearer_became_api_key' }
  | { code: 'header_dropped'; header: string }
  | { code: 'uses_variables' }
  | { code: 'command_split'; command: string; args: number }
  | { code: 'arg_became_text'; value: string }
  | { code: 'arg_dropped' }
  | { code: 'args_string_split' }
  | { code: 'env_became_text'; key: string; value: string }
  | { code: 'env_dropped'; key: string }
  | { code: 'name_changed'; from: string; to: string }
  | { code: 'field_dropped'; field: string }
  | { code: 'bare_url' }
  /**
   * A secret written as the export's placeholder (`••••••`): no value came with it. `field`: where;
   * `kept`: a secret stored under that server's name and field stays (a newer API), else it is empty.
   */
  | { code: 'secret_not_exported'; field: string; kept: boolean };

/** Why an entry was not imported (worded by `strings.mcpTools.skipReason`). */
export type { SkipReason };

/** Why an imported server would duplicate one in the form (worded by `strings.mcpTools.clash`). */
export type ClashReason = { code: 'same_name'; name: string } | { code: 'same_url'; url: string };

export type ImportedServer =
  /** `server.x`: with `named`, the name and headers, which the newer server APIs store. */
  | { kind: 'sse' | 'shttp'; name: string; server: NamedUrlServer; notes: ImportNote[] }
  | { kind: 'stdio'; name: string; server: StdioServer; notes: ImportNote[] };

export interface SkippedEntry {
  name: string;
  reason: SkipReason;
}

export interface ImportPreview {
  format: ImportFormat;
  servers: ImportedServer[];
  skipped: SkippedEntry[];
}

export type ImportOutcome =
  | { ok: true; preview: ImportPreview }
  | { ok: false; syntax: JsonSyntaxError }
  /** Valid JSON, but not an object (`not_object`) or with no MCP servers in a known place (`nothing_found`). */
  | { ok: false; problem: 'not_object' | 'nothing_found' };

const VALID_NAME = /^[a-zA-Z0-9_-]+$/;
const BEARER = /^\s*Bearer\s+(\S.*?)\s*$/i;
/** VS Code's `${input:id}`, `${env:NAME}`...: resolved by the editor, meaningless here. */
const VARIABLE = /\$\{[^}]+\}/;

export interface ImportOptions {
  /**
   * The server speaks a newer API, which stores a URL server's name and headers: they are kept
   * (`server.x`) instead of an `Authorization: Bearer` header becoming V0's API key and the other
   * headers being dropped.
   */
  named?: boolean;
}

/**
 * A secret that an export without secrets wrote as its placeholder carries no value: on a newer
 * API it becomes the stored-secret mask (kept where a server of that name stores one, asked for
 * at save otherwise), on V0 empty, to type; a note says so either way.
 */
function secretValue(value: string, field: string, notes: ImportNote[], named: boolean): string {
  // The placeholder alone, or after a scheme (`Bearer ••••••`, an exported API key's header).
  const scheme = value.endsWith(EXPORT_MASK) ? value.slice(0, -EXPORT_MASK.length) : null;
  if (scheme === null || !/^([A-Za-z][A-Za-z0-9_-]* )?$/.test(scheme)) return value;
  notes.push({ code: 'secret_not_exported', field, kept: named });
  return named ? scheme + SECRET_MASK : '';
}

/** Reads pasted or dropped text. Never throws. */
export function importMcpServers(text: string, options: ImportOptions = {}): ImportOutcome {
  const parsed = parseJsonAt(text);
  if (!parsed.ok) return { ok: false, syntax: parsed.error };
  const json = parsed.value;
  if (!isRecord(json)) return { ok: false, problem: 'not_object' };
  if (isRecord(readOwn(json, 'mcpServers')))
    return { ok: true, preview: fromNamedMap('mcpServers', readOwn(json, 'mcpServers'), options) };
  if (isRecord(readOwn(json, 'servers')))
    return { ok: true, preview: fromNamedMap('vscode', readOwn(json, 'servers'), options) };
  const config = isRecord(readOwn(json, 'mcp_config')) ? readOwn(json, 'mcp_config') : json;
  if (Object.values(SERVER_LIST_KEYS).some((k) => readOwn(config, k) !== undefined))
    return { ok: true, preview: fromOpenHands(config, options.named === true) };
  return { ok: false, problem: 'nothing_found' };
}

function fromNamedMap(format: 'mcpServers' | 'vscode', map: unknown, options: ImportOptions): ImportPreview {
  const preview: ImportPreview = { format, servers: [], skipped: [] };
  for (const name of ownKeys(map)) {
    const entry = readOwn(map, name);
    if (!isRecord(entry)) {
      preview.skipped.push({ name, reason: { code: 'not_object' } });
      continue;
    }
    const result = namedEntry(name, entry, options.named === true);
    if ('reason' in result) preview.skipped.push({ name, reason: result.reason });
    else preview.servers.push(result);
  }
  return preview;
}

function namedEntry(name: string, entry: Record<string, unknown>, named: boolean): ImportedServer | SkippedEntry {
  const classified = classifyEntry(entry, IMPORT_DIALECT);
  if ('reason' in classified) return { name, reason: classified.reason };
  if (classified.kind === 'stdio') return stdioEntry(name, entry, classified.command, named);
  const { kind, url, type } = classified;
  const notes: ImportNote[] = [];
  if (type === undefined) notes.push({ code: 'type_guessed', kind });
  else if (kind === 'shttp') notes.push({ code: 'type_became_shttp', type });
  const server: NamedUrlServer = { url: url.trim(), api_key: null };
  const headers = readOwn(entry, 'headers');
  const kept: Record<string, string> = {};
  for (const header of ownKeys(headers)) {
    const value = readOwn(headers, header);
    const bearer = header.toLowerCase() === 'authorization' && typeof value === 'string' ? BEARER.exec(value) : null;
    if (named && typeof value === 'string') {
      setOwn(kept, header, secretValue(value, header, notes, named));
    } else if (bearer && server.api_key === null) {
      server.api_key = secretValue(bearer[1]!, header, notes, named) || null;
      notes.push({ code: 'bearer_became_api_key' });
    } else {
      notes.push({ code: 'header_dropped', header });
    }
  }
  if (named) server.x = Object.keys(kept).length ? { name, headers: kept } : { name };
  unknownFields(entry, ['type', 'url', 'headers'], notes);
  const texts = [server.url, server.api_key ?? '', ...Object.values(kept)];
  if (texts.some((text) => VARIABLE.test(text))) notes.push({ code: 'uses_variables' });
  return { kind, name, server, notes };
}

const STDIO_FIELDS = ['type', 'command', 'args', 'env'];

function stdioEntry(
  name: string,
  entry: Record<string, unknown>,
  rawCommand: string,
  named: boolean,
  known = STDIO_FIELDS,
): ImportedServer {
  const notes: ImportNote[] = [];
  let command = rawCommand.trim();
  const args: string[] = [];
  if (/\s/.test(command)) {
    // OpenHands wants one executable; the rest of a command line is arguments.
    const [first = '', ...rest] = shellSplit(command);
    command = first;
    args.push(...rest);
    notes.push({ code: 'command_split', command, args: rest.length });
  }
  const rawArgs = readOwn(entry, 'args');
  for (const arg of readArray(rawArgs)) {
    if (typeof arg === 'string') args.push(arg);
    else if (typeof arg === 'number' || typeof arg === 'boolean') {
      args.push(String(arg));
      notes.push({ code: 'arg_became_text', value: String(arg) });
    } else notes.push({ code: 'arg_dropped' });
  }
  if (typeof rawArgs === 'string') {
    args.push(...shellSplit(rawArgs));
    notes.push({ code: 'args_string_split' });
  }
  const env: Record<string, string> = {};
  const rawEnv = readOwn(entry, 'env');
  for (const key of ownKeys(rawEnv)) {
    const value = readOwn(rawEnv, key);
    if (typeof value === 'string') setOwn(env, key, secretValue(value, key, notes, named));
    else if (typeof value === 'number' || typeof value === 'boolean') {
      setOwn(env, key, String(value));
      notes.push({ code: 'env_became_text', key, value: String(value) });
    } else notes.push({ code: 'env_dropped', key });
  }
  let serverName = name;
  if (!VALID_NAME.test(name)) {
    serverName = name.replace(/[^a-zA-Z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'server';
    notes.push({ code: 'name_changed', from: name, to: serverName });
  }
  unknownFields(entry, known, notes);
  if ([command, ...args, ...Object.values(env)].some((v) => VARIABLE.test(v))) notes.push({ code: 'uses_variables' });
  return { kind: 'stdio', name, server: { name: serverName, command, args, env }, notes };
}

function unknownFields(entry: Record<string, unknown>, known: readonly string[], notes: ImportNote[]): void {
  for (const key of ownKeys(entry)) {
    if (!known.includes(key)) notes.push({ code: 'field_dropped', field: key });
  }
}

function fromOpenHands(config: unknown, named: boolean): ImportPreview {
  const preview: ImportPreview = { format: 'openhands', servers: [], skipped: [] };
  for (const [list, kind] of [
    ['sse_servers', 'sse'],
    ['shttp_servers', 'shttp'],
  ] as const) {
    readArray(readOwn(config, list)).forEach((item, i) => {
      const label = `${list}[${i}]`;
      if (typeof item === 'string') {
        // The server accepts a bare URL string as `{ url }`.
        preview.servers.push({
          kind,
          name: item,
          server: { url: item.trim(), api_key: null },
          notes: [{ code: 'bare_url' }],
        });
        return;
      }
      const url = readOwn(item, 'url');
      if (typeof url !== 'string') {
        preview.skipped.push({ name: label, reason: { code: 'no_url', type: null } });
        return;
      }
      const apiKey = readOwn(item, 'api_key');
      const notes: ImportNote[] = [];
      const key = typeof apiKey === 'string' ? secretValue(apiKey, 'api_key', notes, named) : '';
      unknownFields(isRecord(item) ? item : {}, ['url', 'api_key'], notes);
      preview.servers.push({
        kind,
        name: url,
        server: { url: url.trim(), api_key: key || null },
        notes,
      });
    });
  }
  readArray(readOwn(config, 'stdio_servers')).forEach((item, i) => {
    const name = readOwn(item, 'name');
    const command = readOwn(item, 'command');
    const label = typeof name === 'string' && name !== '' ? name : `stdio_servers[${i}]`;
    if (!isRecord(item) || typeof command !== 'string' || command.trim() === '') {
      preview.skipped.push({ name: label, reason: { code: 'no_command' } });
      return;
    }
    const imported = stdioEntry(typeof name === 'string' ? name : '', item, command, named, [
      'name',
      'command',
      'args',
      'env',
    ]);
    preview.servers.push({ ...imported, name: label });
  });
  return preview;
}

/**
 * A server already in the form that an imported one would duplicate: the same name (a stdio
 * server's, or on a newer API a URL server's: one map holds them all there), or the same URL.
 */
export interface Clash {
  imported: ImportedServer;
  reason: ClashReason;
}

export function findClashes(
  imported: readonly ImportedServer[],
  existing: {
    sse_servers: readonly NamedUrlServer[];
    shttp_servers: readonly NamedUrlServer[];
    stdio_servers: readonly StdioServer[];
  },
): Clash[] {
  const urlServers = [...existing.sse_servers, ...existing.shttp_servers];
  const names = new Set([
    ...existing.stdio_servers.map((s) => s.name.trim()),
    ...urlServers.flatMap((s) => (s.x?.name === undefined ? [] : [s.x.name])),
  ]);
  const urls = new Set(urlServers.map((s) => s.url.trim()));
  const clashes: Clash[] = [];
  for (const item of imported) {
    const name = item.kind === 'stdio' ? item.server.name : item.server.x?.name;
    if (name !== undefined && names.has(name)) clashes.push({ imported: item, reason: { code: 'same_name', name } });
    else if (item.kind !== 'stdio' && urls.has(item.server.url))
      clashes.push({ imported: item, reason: { code: 'same_url', url: item.server.url } });
  }
  return clashes;
}
