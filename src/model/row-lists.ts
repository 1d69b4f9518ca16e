/**
 * The lists the person edits row by row: a kind's servers, a server's arguments and variables.
 * Adding, removing and moving a row are one operation for every list, because each must keep the
 * model's parts in step the same way: the row index (ids and positions), the errors (a row that
 * goes takes its errors with it) and dirty tracking (a list's order is part of what is compared).
 */
import type { CheckedState } from './checks.js';
import { argsListKey, envListKey, serverListKey, type DirtyTracker } from './dirty.js';
import type { Draft } from './draft.js';
import type { IdSource } from './ids.js';
import type { RowEntry } from './row-index.js';

/** A form model's parts, which its modules edit together ({@link FormModel.state}). */
export interface FormState extends CheckedState {
  readonly ids: IdSource;
  readonly tracker: DirtyTracker;
}

/** A row that sits in a list: a server, an argument, a variable. */
export type ListedEntry = Exclude<RowEntry, { kind: 'provider' }>;
export type ListedKind = ListedEntry['kind'];

interface Row {
  id: string;
}

/** The list an entry's row sits in, and that list's key in dirty tracking. */
function listOf(draft: Draft, entry: ListedEntry): [rows: Row[], key: string] {
  switch (entry.kind) {
    case 'arg':
      return [entry.parent.args, argsListKey(entry.parent.id)];
    case 'env':
      return [entry.parent.env, envListKey(entry.parent.id)];
    default:
      return [draft[entry.kind], serverListKey(entry.kind)];
  }
}

/** Row `id` when it is of one of `kinds`: an id of another kind is a button of another list. */
function entryOf(state: FormState, id: string, kinds: readonly ListedKind[]): ListedEntry | undefined {
  const entry = state.index.get(id);
  return entry && (kinds as readonly string[]).includes(entry.kind) ? (entry as ListedEntry) : undefined;
}

/** Adds `entry.row` at the end of its list; returns its id. */
export function addRow(state: FormState, entry: ListedEntry): string {
  const [rows, key] = listOf(state.draft, entry);
  rows.push(entry.row);
  state.index.add(entry);
  state.tracker.updateList(key, rows);
  return entry.row.id;
}

export function removeRow(state: FormState, id: string, kinds: readonly ListedKind[]): void {
  const entry = entryOf(state, id, kinds);
  if (!entry) return;
  const [rows, key] = listOf(state.draft, entry);
  rows.splice(rows.indexOf(entry.row), 1);
  dropRows(state, [entry.row]);
  state.tracker.updateList(key, rows);
}

/** Moves a row `delta` places within its list, stopping at either end. */
export function moveRow(state: FormState, id: string, kinds: readonly ListedKind[], delta: number): void {
  const entry = entryOf(state, id, kinds);
  if (!entry) return;
  const [rows, key] = listOf(state.draft, entry);
  const from = rows.indexOf(entry.row);
  const step = Number.isFinite(delta) ? Math.trunc(delta) : 0;
  const to = Math.min(Math.max(from + step, 0), rows.length - 1);
  if (to === from) return;
  rows.splice(from, 1);
  rows.splice(to, 0, entry.row);
  state.index.moved();
  state.tracker.updateList(key, rows);
}

/**
 * Forgets rows taken out of the draft, a stdio server's arguments and variables with it: their
 * index entries, errors and dirty state. Recording their list's change is the caller's part.
 */
export function dropRows(state: FormState, rows: readonly Row[]): void {
  for (const row of rows)
    for (const id of state.index.remove(row.id)) {
      state.errors.clearRow(id);
      state.tracker.forget(id);
    }
}
