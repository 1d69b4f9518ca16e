/**
 * id -> row, for O(1) `row(id)`, `setField` and error lookups, plus each row's position, which
 * pointers need. Positions are cached and rebuilt lazily after a structural change: edits are far
 * more frequent than reads of positions, and one rebuild is O(rows).
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
  private positions: Map<string, number> | null = null;

  constructor(private readonly draft: () => Draft) {}

  get(id: string): RowEntry | undefined {
    return this.entries.get(id);
  }

  /** Index of a row in its list (servers in their kind's list, args in their server's list). */
  position(id: string): number | undefined {
    if (!this.positions) this.positions = this.buildPositions();
    return this.positions.get(id);
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

  private buildPositions(): Map<string, number> {
    const draft = this.draft();
    const out = new Map<string, number>();
    draft.sse.forEach((row, i) => out.set(row.id, i));
    draft.shttp.forEach((row, i) => out.set(row.id, i));
    draft.stdio.forEach((row, i) => {
      out.set(row.id, i);
      row.args.forEach((arg, j) => out.set(arg.id, j));
    });
    return out;
  }
}
