/**
 * A refusal of the newer APIs' clients that the form can check again itself (two servers of one
 * name, a header without a name, incomplete auth: contract/mcp-checks.ts) goes once an edit settles it, rather
 * than staying until the next save as a server's error does: removing one of two servers of a
 * name takes the error off the other.
 */
import type { ServerFieldError } from '../contract/result.js';
import type { FormState } from './row-lists.js';
import { PointerIndex } from './locate.js';

/** Whether any error on a field is the client's own with one of `codes` (only rows with errors are looked at). */
export function hasOwnErrors(state: FormState, codes: ReadonlySet<string>): boolean {
  for (const fields of state.errors.rows.values())
    for (const slot of fields.values()) if (slot.server.some((e) => e.own && codes.has(e.code))) return true;
  return false;
}

/**
 * Keeps, of the client's own errors with one of `codes`, those that `found` (the same check run on
 * the form as it is now) still reports at the same place; the others go. Returns whether any went.
 */
export function keepOwnErrors(
  state: FormState,
  codes: ReadonlySet<string>,
  found: readonly ServerFieldError[],
): boolean {
  const index = new PointerIndex(state.draft);
  const still = new Set<string>();
  for (const error of found) {
    const placement = index.place(error.pointer);
    if (placement) still.add(`${placement.target.rowId}\n${placement.target.field}\n${error.type}`);
  }
  let changed = false;
  for (const [rowId, fields] of [...state.errors.rows])
    for (const [field, slot] of [...fields]) {
      const kept = slot.server.filter(
        (e) => !e.own || !codes.has(e.code) || still.has(`${rowId}\n${field}\n${e.code}`),
      );
      if (kept.length === slot.server.length) continue;
      state.errors.write(rowId, field, slot.client, kept);
      changed = true;
    }
  return changed;
}
