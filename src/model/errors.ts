/**
 * Errors keyed by target (row id + field), never by pointer, so they follow their row.
 * Client errors (from validation) and server errors (from a 422 or a rejected token) are kept
 * apart because they are replaced at different moments: validation replaces the client ones,
 * a server answer replaces the server ones, and editing a field clears both for that field.
 */

export type ErrorSource = 'client' | 'server';

export interface FieldError {
  message: string;
  /** A contract/model rule code for client errors; pydantic's error type for server ones (`''` if none). */
  code: string;
  source: ErrorSource;
  /**
   * When the reported place does not exist in the form and the error landed on an ancestor: the
   * part of the pointer that could not be followed (e.g. `/azure_devops/token` on the
   * provider_tokens section). `''` when the error sits exactly where it was reported.
   */
  subpath: string;
  /** Values for the `{name}` placeholders of a client message (see `RuleIssue.params`); absent when none. */
  params?: Readonly<Record<string, string>>;
  /** A server-side error whose text is the component's own (a newer API client's refusal, `code` its code): worded like a client error. */
  own?: true;
}

/** An error about no place in the form (the whole body, a json_invalid offset). */
export interface UnplacedError {
  pointer: string;
  message: string;
  code: string;
  source: ErrorSource;
  /** As {@link FieldError.own}. */
  own?: true;
}

/** One field's errors. */
export interface Slot {
  client: FieldError[];
  server: FieldError[];
  /** What {@link ErrorStore.get} returns; rebuilt lazily so adding N errors to one field stays O(N). */
  merged: readonly FieldError[] | null;
}

/** No errors: what a field without errors shows, and what a writer passes to clear one side. */
export const NONE: readonly FieldError[] = Object.freeze([]);

/** Up to this many errors on one field, repeats are found by comparing with those kept so far. */
const SCAN_LIMIT = 16;

/** Server first (it has the last word), then client errors saying something new; repeats shown once. */
function merge(slot: Slot): readonly FieldError[] {
  const { server, client } = slot;
  // Runs once per field with errors after a 422 (thousands of fields, or thousands of errors on
  // one): no key string is built per error.
  if (server.length + client.length <= SCAN_LIMIT) {
    const out: FieldError[] = [];
    for (const list of [server, client]) {
      for (let i = 0; i < list.length; i++) {
        const e = list[i]!;
        let j = 0;
        while (j < out.length && (out[j]!.message !== e.message || out[j]!.subpath !== e.subpath)) j++;
        if (j === out.length) out.push(e);
      }
    }
    return Object.freeze(out);
  }
  const all = server.concat(client);
  // Usually every message differs, and one set of them proves there is nothing to drop.
  const messages = new Set<string>();
  for (let i = 0; i < all.length; i++) messages.add(all[i]!.message);
  if (messages.size === all.length) return Object.freeze(all);
  // Otherwise keyed by message, with the subpath(s) seen for it: a set is made only for a message
  // that comes back with another subpath.
  const out: FieldError[] = [];
  const seen = new Map<string, string | Set<string>>();
  for (const e of all) {
    const had = seen.get(e.message);
    if (had === undefined) seen.set(e.message, e.subpath);
    else if (typeof had === 'string') {
      if (had === e.subpath) continue;
      seen.set(e.message, new Set([had, e.subpath]));
    } else {
      if (had.has(e.subpath)) continue;
      had.add(e.subpath);
    }
    out.push(e);
  }
  return Object.freeze(out);
}

/**
 * What the form shows and the edits that clear errors. What only the checks write (adding errors,
 * replacing or dropping client errors) is in error-writes.ts, loaded on demand with them: it works
 * on the fields below, which are for the model's own modules and no one else.
 */
export class ErrorStore {
  /** Row id -> field -> its errors (a row with none is not in it). */
  readonly rows = new Map<string, Map<string, Slot>>();
  /** How many field errors the rows hold. */
  count = 0;
  unplaced: UnplacedError[] = [];
  /** The {@link revision}. */
  changes = 0;

  /** Goes up whenever what the store holds changes: equal before and after means nothing to re-render. */
  get revision(): number {
    return this.changes;
  }

  /** O(1) (amortised: the merged list is cached until the field's errors change). */
  get(rowId: string, field: string): readonly FieldError[] {
    const slot = this.rows.get(rowId)?.get(field);
    if (!slot) return NONE;
    slot.merged ??= merge(slot);
    return slot.merged;
  }

  hasAny(): boolean {
    return this.count > 0 || this.unplaced.length > 0;
  }

  /** Whether any field of the row has an error. O(1). */
  rowHasErrors(rowId: string): boolean {
    return (this.rows.get(rowId)?.size ?? 0) > 0;
  }

  unplacedErrors(): readonly UnplacedError[] {
    return this.unplaced;
  }

  /** Both sources, one field (editing it). Returns whether anything was removed. */
  clearField(rowId: string, field: string): boolean {
    if (!this.rows.get(rowId)?.has(field)) return false;
    this.write(rowId, field, NONE, NONE);
    return true;
  }

  /** Every field of a row (the row is gone, or its content was discarded). */
  clearRow(rowId: string): boolean {
    const fields = this.rows.get(rowId);
    if (!fields) return false;
    for (const field of [...fields.keys()]) this.write(rowId, field, NONE, NONE);
    return true;
  }

  /** O(fields with errors). */
  clearSource(source: ErrorSource): void {
    for (const [rowId, fields] of [...this.rows]) {
      for (const [field, slot] of [...fields]) {
        if (source === 'client' && slot.client.length) this.write(rowId, field, NONE, slot.server);
        if (source === 'server' && slot.server.length) this.write(rowId, field, slot.client, NONE);
      }
    }
    const kept = this.unplaced.filter((e) => e.source !== source);
    if (kept.length !== this.unplaced.length) {
      this.unplaced = kept;
      this.changes += 1;
    }
  }

  clearAll(): void {
    if (this.hasAny()) this.changes += 1;
    this.rows.clear();
    this.count = 0;
    this.unplaced = [];
  }

  /** Makes a field's errors `client` and `server` (none of either: the field has none). */
  write(rowId: string, field: string, client: readonly FieldError[], server: readonly FieldError[]): void {
    let fields = this.rows.get(rowId);
    const old = fields?.get(field);
    this.changes += 1;
    this.count += client.length + server.length - (old ? old.client.length + old.server.length : 0);
    if (client.length === 0 && server.length === 0) {
      if (!fields) return;
      fields.delete(field);
      if (fields.size === 0) this.rows.delete(rowId);
      return;
    }
    if (!fields) {
      fields = new Map();
      this.rows.set(rowId, fields);
    }
    fields.set(field, { client: [...client], server: [...server], merged: null });
  }
}

/** The row id of a listed error's target for errors that have no place in the form. */
export const UNPLACED_ROW_ID = 'unplaced';
