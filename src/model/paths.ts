/**
 * The JSON Pointer of every place in the form: a section, a row, a field. The one place pointers
 * are built: the templates write them as `data-path` (the DOM contract), the error list and the
 * summary name errors by them, and locate.ts resolves them back to rows; all three must agree.
 * A row's pointer is its place in the body as it would be sent now. The sections' pointers by
 * their row ids, which only the error list needs, are section-pointers.ts (on demand).
 */
import { escapeSegment, KEY_SEGMENT } from '../contract/pointer.js';
import type { EnvRow, ServerKind } from './draft.js';
import { SERVER_LIST_KEYS } from './draft.js';
import { envBodyKey } from './to-body.js';

export const PROVIDERS_POINTER = '/provider_tokens';
export const MCP_POINTER = '/mcp_config';

/** The pointer of a server list (`/mcp_config/sse_servers`). */
export function listPointer(kind: ServerKind): string {
  return MCP_POINTER + '/' + SERVER_LIST_KEYS[kind];
}

/** The suffixes of the fields rows have, made once: listing errors asks for one per field of every row. */
const FIELD_SUFFIXES: ReadonlyMap<string, string> = new Map(
  ['token', 'host', KEY_SEGMENT, 'url', 'api_key', 'name', 'command', 'args', 'env'].map((field) => [
    field,
    '/' + escapeSegment(field),
  ]),
);

/**
 * The pointer suffix a field adds to its row's pointer. `value` is the row itself for args and
 * env; a field with a `/` is already a path of escaped segments (what a newer API stores besides:
 * `auth/value`, `headers/X-Key`).
 */
export function fieldSuffix(field: string): string {
  if (field === '' || field === 'value') return '';
  return FIELD_SUFFIXES.get(field) ?? '/' + (field.includes('/') ? field : escapeSegment(field));
}

// The builders below run for every row when the errors are listed (after each 422, for the
// failed event's count and the summary): plain concatenation, no segment arrays. Only a provider
// name and an env key can need escaping; the list keys and indexes never do.

export function providerPointer(provider: string): string {
  return PROVIDERS_POINTER + '/' + escapeSegment(provider);
}

export function serverPointer(kind: ServerKind, index: number): string {
  return listPointer(kind) + '/' + String(index);
}

export function argPointer(serverIndex: number, argIndex: number): string {
  return serverPointer('stdio', serverIndex) + '/args/' + String(argIndex);
}

export function envPointer(serverIndex: number, env: EnvRow): string {
  return serverPointer('stdio', serverIndex) + '/env/' + escapeSegment(envBodyKey(env));
}

/** A field's pointer under its row's (`fieldPointer(row, 'url')`). */
export const fieldPointer = (rowPointer: string, field: string): string => rowPointer + fieldSuffix(field);
