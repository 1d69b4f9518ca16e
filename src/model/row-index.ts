/**
 * id -> row, for O(1) `row(id)`, `setField` and error lookups, plus each row's position, which
 * pointers need. Positions are cached and rebuilt lazily after a structural change: edits are far
 * more frequent than reads of positions, and one rebuild is O(rows).
 */
import type { ArgRow, Draft, EnvRow, ProviderRow, ServerKind, StdioServerRow, UrlServerRow } from './draft.js';

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

  /** Call after any add, remove or move. */
  moved(): void {
    this.positions = null;
  }

  addProvider(row: ProviderRow): void {
    this.entries.set(row.id, { kind: 'provider', row });
  }

  addServer(kind: ServerKind, row: UrlServerRow | StdioServerRow): void {
    this.positions = null;
    if (kind === 'stdio') {
      const server = row as StdioServerRow;
      this.entries.set(server.id, { kind, row: server });
      for (const arg of server.args) this.addArg(server, arg);
      for (const env of server.env) this.addEnv(server, env);
    } else {
      this.entries.set(row.id, { kind, row: row as UrlServerRow });
    }
  }

  addArg(parent: StdioServerRow, row: ArgRow): void {
    this.positions = null;
    this.entries.set(row.id, { kind: 'arg', row, parent });
  }

  addEnv(parent: StdioServerRow, row: EnvRow): void {
    this.entries.set(row.id, { kind: 'env', row, parent });
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

  /** Forgets every row: the draft was replaced wholesale. */
  clear(): void {
    this.entries.clear();
    this.positions = null;
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
