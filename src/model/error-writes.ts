/**
 * What only the checks write into the error store (checks.ts): an error placed on its field or
 * about no place, and the client errors replaced, set or dropped. Apart from errors.ts so that it
 * loads with the checks, on demand; what the form shows and the edits that clear errors stay there.
 */
import type { ErrorTarget } from './draft.js';
import { NONE, type ErrorStore, type FieldError, type UnplacedError } from './errors.js';

/** Client errors found by one whole-form check: row id -> field -> errors, plus the unplaced ones. */
export interface ClientErrors {
  fields: Map<string, Map<string, FieldError[]>>;
  unplaced: UnplacedError[];
}

function sameErrors(a: readonly FieldError[], b: readonly FieldError[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((e, i) => e.code === b[i]?.code && e.message === b[i]?.message && e.subpath === b[i]?.subpath);
}

function sameUnplaced(a: readonly UnplacedError[], b: readonly UnplacedError[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((e, i) => e.pointer === b[i]?.pointer && e.code === b[i]?.code && e.message === b[i]?.message);
}

/** O(1): many errors on one field (a 422 listing thousands) must not cost O(n²). */
export function addError(store: ErrorStore, target: ErrorTarget, error: FieldError): void {
  let fields = store.rows.get(target.rowId);
  if (!fields) {
    fields = new Map();
    store.rows.set(target.rowId, fields);
  }
  let slot = fields.get(target.field);
  if (!slot) {
    slot = { client: [], server: [], merged: null };
    fields.set(target.field, slot);
  }
  (error.source === 'client' ? slot.client : slot.server).push(error);
  slot.merged = null;
  store.count += 1;
  store.changes += 1;
}

export function addUnplaced(store: ErrorStore, error: UnplacedError): void {
  store.unplaced.push(error);
  store.changes += 1;
}

/**
 * Makes `found` the client errors of the whole form, touching only the fields whose client
 * errors differ (so a check that finds what is already shown changes nothing). Returns whether
 * anything changed. O(fields with errors before + fields with errors found).
 */
export function replaceClient(store: ErrorStore, found: ClientErrors): boolean {
  const before = store.changes;
  for (const [rowId, fields] of [...store.rows]) {
    for (const [field, slot] of [...fields]) {
      if (slot.client.length && !found.fields.get(rowId)?.has(field)) store.write(rowId, field, NONE, slot.server);
    }
  }
  for (const [rowId, fields] of found.fields)
    for (const [field, errors] of fields) setClient(store, rowId, field, errors);
  const unplaced = store.unplaced.filter((e) => e.source !== 'client');
  if (!sameUnplaced(store.unplaced, [...unplaced, ...found.unplaced])) {
    store.unplaced = [...unplaced, ...found.unplaced];
    store.changes += 1;
  }
  return store.changes !== before;
}

/** Replaces one field's client errors; returns whether what that field shows changed. */
export function setClient(store: ErrorStore, rowId: string, field: string, errors: readonly FieldError[]): boolean {
  const slot = store.rows.get(rowId)?.get(field);
  const before = slot?.client ?? NONE;
  if (sameErrors(before, errors)) return false;
  store.write(rowId, field, errors, slot?.server ?? NONE);
  return true;
}

/** Drops the client errors of one code from one field; returns whether any were dropped. */
export function dropClientCode(store: ErrorStore, rowId: string, field: string, code: string): boolean {
  const slot = store.rows.get(rowId)?.get(field);
  if (!slot) return false;
  const kept = slot.client.filter((e) => e.code !== code);
  if (kept.length === slot.client.length) return false;
  store.write(rowId, field, kept, slot.server);
  return true;
}
