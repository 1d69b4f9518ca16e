/**
 * JSON Pointer <-> error target. A pointer names a place in the body as it was sent; a target
 * names a row by identity. Resolving once, at the moment errors arrive, is what lets an error
 * stay with its row when rows are later added, removed or reordered.
 *
 * A pointer that names nothing in the form lands on its nearest existing ancestor (a row, or a
 * section), with the part that could not be followed kept as `subpath` so no detail is lost.
 * Only pointers outside the body's known top-level members (`''`, `/17` for a json_invalid
 * offset) are unplaced.
 */
import { KEY_SEGMENT, unescapeSegment } from '../contract/pointer.js';
import { toPointer } from '../contract/pointer-join.js';
import type { Draft, EnvRow, ErrorTarget, ProviderRow, StdioServerRow, UrlServerRow } from './draft.js';
import { kindOfList, SECTION_IDS } from './draft.js';
import { envBodyKey, isBlankEnvRow } from './to-body.js';

/** Shared between every error with the same pointer in one batch (see {@link PointerIndex}): never mutated. */
export interface Placement {
  readonly target: Readonly<ErrorTarget>;
  /** What remained of the pointer below the target, as a pointer; `''` when it matched exactly. */
  readonly subpath: string;
}

const PROVIDER_FIELDS = new Set(['token', 'host', KEY_SEGMENT]);
const URL_FIELDS = new Set(['url', 'api_key']);
const STDIO_LEAF_FIELDS = new Set(['name', 'command']);
/**
 * What the newer APIs store for a server besides (element/named/extras.ts): its field is its path
 * under the server, as the template names it (`auth/value`, `headers/X-Key`).
 */
const EXTRA_FIELDS = new Set(['name', 'auth', 'headers', 'enabled']);

function placeExtra(rowId: string, segments: readonly string[], from: number): Placement {
  return place(rowId, toPointer(segments.slice(from)).slice(1), segments, segments.length);
}

function place(rowId: string, field: string, segments: readonly string[], from: number): Placement {
  return { target: { rowId, field }, subpath: from >= segments.length ? '' : toPointer(segments.slice(from)) };
}

/** Only canonical decimal indexes (`0`, `12`; not `01`, `-1`, `1e2`) name a list item. */
function listItem<T>(list: readonly T[], segment: string | undefined): T | undefined {
  if (segment === undefined) return undefined;
  const index = Number(segment);
  if (!Number.isSafeInteger(index) || index < 0 || String(index) !== segment) return undefined;
  return list[index];
}

/**
 * `fromPointer` without the unescaping work for segments that have nothing to unescape: this
 * runs once per server error, and a 422 can carry thousands. null for a string that is not a pointer.
 */
export function splitPointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (pointer.charCodeAt(0) !== 47 /* / */) return null;
  const segments = pointer.slice(1).split('/');
  if (!pointer.includes('~')) return segments;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.includes('~')) segments[i] = unescapeSegment(segment);
  }
  return segments;
}

/**
 * Env key -> the row sent under that key. Keys are compared trimmed, as they are sent; the first
 * non-blank row wins, as in the body. A fully blank row is not sent, so it only answers for the
 * key `''` when no sent row has that key.
 */
export function envKeyIndex(server: StdioServerRow): Map<string, EnvRow> {
  const index = new Map<string, EnvRow>();
  let firstBlank: EnvRow | undefined;
  for (const env of server.env) {
    if (isBlankEnvRow(env)) {
      firstBlank ??= env;
      continue;
    }
    const key = envBodyKey(env);
    if (!index.has(key)) index.set(key, env);
  }
  if (firstBlank && !index.has('')) index.set('', firstBlank);
  return index;
}

/** `segments[from]` onwards, inside one URL server row. */
export function placeInUrlServer(row: UrlServerRow, segments: readonly string[], from: number): Placement {
  const field = segments[from];
  if (field !== undefined && URL_FIELDS.has(field)) return place(row.id, field, segments, from + 1);
  if (field !== undefined && row.x && EXTRA_FIELDS.has(field)) return placeExtra(row.id, segments, from);
  return place(row.id, '', segments, from);
}

/** `segments[from]` onwards, inside one stdio server row. `envIndex` is passed in so callers can cache it. */
export function placeInStdioServer(
  row: StdioServerRow,
  segments: readonly string[],
  from: number,
  envIndex: (row: StdioServerRow) => Map<string, EnvRow> = envKeyIndex,
): Placement {
  const field = segments[from];
  if (field === undefined) return place(row.id, '', segments, from);
  if (STDIO_LEAF_FIELDS.has(field)) return place(row.id, field, segments, from + 1);
  if (field === 'args') {
    const arg = listItem(row.args, segments[from + 1]);
    if (arg) return place(arg.id, 'value', segments, from + 2);
    return place(row.id, 'args', segments, from + 1);
  }
  if (field === 'env') {
    const key = segments[from + 1];
    const env = key === undefined ? undefined : envIndex(row).get(key.trim());
    if (!env) return place(row.id, 'env', segments, from + 1);
    if (segments[from + 2] === KEY_SEGMENT) return place(env.id, KEY_SEGMENT, segments, from + 3);
    return place(env.id, 'value', segments, from + 2);
  }
  if (field === 'enabled' && row.x) return placeExtra(row.id, segments, from);
  return place(row.id, '', segments, from);
}

export function placeInProvider(row: ProviderRow, segments: readonly string[], from: number): Placement {
  const field = segments[from];
  if (field !== undefined && PROVIDER_FIELDS.has(field)) return place(row.id, field, segments, from + 1);
  return place(row.id, '', segments, from);
}

/**
 * Resolves many pointers against one state of the draft. Building it is O(providers); env key
 * maps are built on first use per server and cached, so placing E errors costs O(rows + E).
 * Valid only until the draft changes: build one per batch (per validation, per 422).
 */
export class PointerIndex {
  private readonly providers = new Map<string, ProviderRow>();
  private readonly envIndexes = new Map<string, Map<string, EnvRow>>();
  /**
   * Each distinct pointer is resolved once per batch: a 422 can name one place many times (the
   * benchmark's 10,000 items name 1,000 fields), and a repeat then costs one lookup. Bounded by
   * the batch, which the caller holds anyway.
   */
  private readonly placed = new Map<string, Placement | null>();

  constructor(private readonly draft: Draft) {
    for (const row of draft.providers) if (!this.providers.has(row.provider)) this.providers.set(row.provider, row);
  }

  private readonly envIndex = (row: StdioServerRow): Map<string, EnvRow> => {
    let index = this.envIndexes.get(row.id);
    if (!index) {
      index = envKeyIndex(row);
      this.envIndexes.set(row.id, index);
    }
    return index;
  };

  /**
   * null when the pointer is not inside `provider_tokens` or `mcp_config` (or is not a pointer).
   * The same pointer gives the same (shared, read-only) placement for the life of the index.
   */
  place(pointer: string): Placement | null {
    let placement = this.placed.get(pointer);
    if (placement === undefined) {
      placement = this.resolve(pointer);
      this.placed.set(pointer, placement);
    }
    return placement;
  }

  private resolve(pointer: string): Placement | null {
    const segments = splitPointer(pointer);
    if (!segments) return null;
    const top = segments[0];
    if (top === 'provider_tokens') return this.placeProvider(segments);
    if (top === 'mcp_config') return this.placeMcp(segments);
    return null;
  }

  private placeProvider(segments: readonly string[]): Placement {
    const name = segments[1];
    const row = name === undefined ? undefined : this.providers.get(name);
    if (!row) return place(SECTION_IDS.providerTokens, '', segments, 1);
    return placeInProvider(row, segments, 2);
  }

  private placeMcp(segments: readonly string[]): Placement {
    const list = segments[1];
    const kind = list === undefined ? undefined : kindOfList(list);
    if (!kind) return place(SECTION_IDS.mcpConfig, '', segments, 1);
    if (kind === 'stdio') {
      const row = listItem(this.draft.stdio, segments[2]);
      if (!row) return place(SECTION_IDS.stdio, '', segments, 2);
      return placeInStdioServer(row, segments, 3, this.envIndex);
    }
    const row = listItem(this.draft[kind], segments[2]);
    if (!row) return place(SECTION_IDS[kind], '', segments, 2);
    return placeInUrlServer(row, segments, 3);
  }
}
