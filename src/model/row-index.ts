/**
 * id -> row, for O(1) `row(id)`, `setField` and error lookups, plus each row's position, which
 * pointers need. Positions are cached and rebuilt lazily after a structural change: edits are far
 * more frequent than reads of positions, and one rebuild is O(rows). Only the error list reads
 * them (it names errors by pointer), so it builds them (error-list.ts, on demand); this drops them.
 */
import type { ArgRow, Draft, EnvRow, ProviderRow, StdioServerRow, UrlServerRow } from './draft.js';

export type RowEntry =
  | { kind: 'provider'; row: ProviderRow }
  | { kind: 'sse' | 'shttp'; row: UrlServerRow }
  | { kind: 'stdio'; row: StdioServerRow }
  | { kind: 'arg'; row: ArgRow; parent: StdioServerRow }
  | { kind: 'env'; row: EnvRow; parent: StdioServerRow };

export type AnyRow = RowEntry['row'];

export class RowIndex {
  private readonly entries = new Map<string, RowEntry>();
  /**
   * Each server's index in its kind's list and each argument's in its server's, by row id; `null`
   * until asked for again after a structural change. Built and read by error-list.ts.
   */
  positions: Map<string, number> | null = null;

  constructor(private readonly draft: () => Draft) {}

  get(id: string): RowEntry | undefined {
    return this.entries.get(id);
  }

  /** Call after rows moved (adding and removing through the index says so itself). */
  moved(): void {
    this.positions = null;
  }

  /** Indexes a row; a stdio server's args and env with it. */
  add(entry: RowEntry): void {
    this.positions = null;
    this.entries.set(entry.row.id, entry);
    if (entry.kind === 'stdio') {
      const parent = entry.row;
      for (const row of parent.args) this.entries.set(row.id, { kind: 'arg', row, parent });
      for (const row of parent.env) this.entries.set(row.id, { kind: 'env', row, parent });
    }
  }

  /** Removes a row and, for a stdio server, its arg and env rows. Returns the ids removed. */
  remove(id: string): string[] {
    const entry = this.entries.get(id);
    if (!entry) return [];
    this.positions = null;
    this.entries.delete(id);
    const removed = [id];
    if (entry.kind === 'stdio') {
      for (const child of [...entry.row.args, ...entry.row.env]) {
        this.entries.delete(child.id);
        removed.push(child.id);
      }
    }
    return removed;
  }

  /** Indexes every row of the draft anew: it was replaced wholesale. */
  rebuild(): void {
    this.entries.clear();
    const draft = this.draft();
    for (const row of draft.providers) this.add({ kind: 'provider', row });
    for (const row of draft.sse) this.add({ kind: 'sse', row });
    for (const row of draft.shttp) this.add({ kind: 'shttp', row });
    for (const row of draft.stdio) this.add({ kind: 'stdio', row });
  }
}
