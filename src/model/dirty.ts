/**
 * Whether the form differs from its baseline, kept up to date incrementally so reading `dirty`
 * on every keystroke costs nothing and an edit costs O(row).
 *
 * "Differs" is about what the person sees, compared exactly (no trimming): a typed token, a host
 * other than the stored one, a removed provider, an MCP value changed, or an MCP list (servers,
 * args, env rows) whose row ids are not the baseline's ids in the baseline's order. So adding a
 * blank env row makes the form dirty and removing it again makes it clean.
 *
 * Value changes are tracked per row (a set of dirty row ids); structural changes per list (a set
 * of lists whose id order differs), each recomputed only for the list that changed.
 */
import type { ArgRow, EnvRow, ProviderRow, ServerKind, StdioServerRow, UrlServerRow } from './draft.js';
import { SERVER_KINDS } from './draft.js';
import type { RowEntry } from './row-index.js';

export interface McpRows {
  sse: readonly UrlServerRow[];
  shttp: readonly UrlServerRow[];
  stdio: readonly StdioServerRow[];
}

export function serverListKey(kind: ServerKind): string {
  return `list:${kind}`;
}

export function argsListKey(serverId: string): string {
  return `list:args:${serverId}`;
}

export function envListKey(serverId: string): string {
  return `list:env:${serverId}`;
}

/** JSON arrays make the signatures unambiguous whatever the values contain. */
export const signature = {
  url: (row: UrlServerRow): string => JSON.stringify([row.url, row.apiKey, row.x]),
  stdio: (row: StdioServerRow): string => JSON.stringify([row.name, row.command, row.x]),
  arg: (row: ArgRow): string => JSON.stringify([row.value]),
  env: (row: EnvRow): string => JSON.stringify([row.key, row.value]),
};

/** A provider's baseline is implied by the row itself: no token typed, the stored host, not removed. */
export function providerIsDirty(row: ProviderRow): boolean {
  return row.token !== '' || row.host !== (row.storedHost ?? '') || row.removed;
}

/** What {@link DirtyTracker.updateRow} compares for a row now. */
export function rowSignature(entry: RowEntry): string | boolean {
  switch (entry.kind) {
    case 'provider':
      return providerIsDirty(entry.row);
    case 'sse':
    case 'shttp':
      return signature.url(entry.row);
    case 'stdio':
      return signature.stdio(entry.row);
    case 'arg':
      return signature.arg(entry.row);
    case 'env':
      return signature.env(entry.row);
  }
}

function ids(rows: readonly { id: string }[]): string[] {
  return rows.map((row) => row.id);
}

function sameIds(rows: readonly { id: string }[], baseline: readonly string[] | undefined): boolean {
  const base = baseline ?? [];
  if (rows.length !== base.length) return false;
  return rows.every((row, i) => row.id === base[i]);
}

export class DirtyTracker {
  private readonly signatures = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();
  private readonly dirtyRows = new Set<string>();
  private readonly dirtyLists = new Set<string>();

  get dirty(): boolean {
    return this.dirtyRows.size > 0 || this.dirtyLists.size > 0;
  }

  /** Whether anything but the given rows differs from the baseline (with provider ids: the MCP part). */
  dirtyBeyond(rowIds: ReadonlySet<string>): boolean {
    if (this.dirtyLists.size > 0) return true;
    for (const id of this.dirtyRows) if (!rowIds.has(id)) return true;
    return false;
  }

  /** New baseline for the MCP part. Providers need none (see {@link providerIsDirty}). */
  rebase(baseline: McpRows): void {
    this.signatures.clear();
    this.lists.clear();
    this.dirtyRows.clear();
    this.dirtyLists.clear();
    for (const kind of SERVER_KINDS) this.lists.set(serverListKey(kind), ids(baseline[kind]));
    for (const row of [...baseline.sse, ...baseline.shttp]) this.signatures.set(row.id, signature.url(row));
    for (const row of baseline.stdio) {
      this.signatures.set(row.id, signature.stdio(row));
      this.lists.set(argsListKey(row.id), ids(row.args));
      this.lists.set(envListKey(row.id), ids(row.env));
      for (const arg of row.args) this.signatures.set(arg.id, signature.arg(arg));
      for (const env of row.env) this.signatures.set(env.id, signature.env(env));
    }
  }

  /**
   * A row's current signature against its baseline one. A row with no baseline (added since) is
   * not tracked here: its list's structure already differs. A boolean is a provider's dirtiness,
   * computed by the caller. Returns whether `dirty` flipped.
   */
  updateRow(id: string, current: string | boolean): boolean {
    const before = this.dirty;
    const base = this.signatures.get(id);
    const isDirty = typeof current === 'boolean' ? current : base !== undefined && base !== current;
    if (isDirty) this.dirtyRows.add(id);
    else this.dirtyRows.delete(id);
    return before !== this.dirty;
  }

  /** O(list). Returns whether `dirty` flipped. */
  updateList(key: string, rows: readonly { id: string }[]): boolean {
    const before = this.dirty;
    if (sameIds(rows, this.lists.get(key))) this.dirtyLists.delete(key);
    else this.dirtyLists.add(key);
    return before !== this.dirty;
  }

  /** The row or list no longer exists; its parent list's structure records the change. */
  forget(id: string): void {
    this.dirtyRows.delete(id);
    this.dirtyLists.delete(argsListKey(id));
    this.dirtyLists.delete(envListKey(id));
  }

  /** O(form): after a bulk change (new settings, new value, reset, save). */
  recompute(providers: readonly ProviderRow[], mcp: McpRows): void {
    this.dirtyRows.clear();
    this.dirtyLists.clear();
    for (const row of providers) this.updateRow(row.id, providerIsDirty(row));
    for (const kind of SERVER_KINDS) this.updateList(serverListKey(kind), mcp[kind]);
    for (const row of [...mcp.sse, ...mcp.shttp]) this.updateRow(row.id, signature.url(row));
    for (const row of mcp.stdio) {
      this.updateRow(row.id, signature.stdio(row));
      this.updateList(argsListKey(row.id), row.args);
      this.updateList(envListKey(row.id), row.env);
      for (const arg of row.args) this.updateRow(arg.id, signature.arg(arg));
      for (const env of row.env) this.updateRow(env.id, signature.env(env));
    }
  }
}
