/**
 * The errors as a list, in form order, each named by the pointer of its place now: what the error
 * summary shows, the failed event counts and `invalid` outcomes carry. Errors exist only once the
 * checks or a save's answer arrived, so this loads with them (on demand), not with the form.
 */
import { KEY_SEGMENT } from '../contract/pointer.js';
import type { CheckedState } from './checks.js';
import type { ErrorTarget } from './draft.js';
import { SECTION_IDS } from './draft.js';
import { type ErrorSource, type FieldError, UNPLACED_ROW_ID } from './errors.js';
import type { FormModel } from './form-model.js';
import { argPointer, envPointer, fieldSuffix, providerPointer, serverPointer } from './paths.js';
import { SECTION_POINTERS } from './section-pointers.js';

/** One entry of the error summary. */
export interface ListedError {
  target: ErrorTarget;
  /** The target's pointer at its current position (its `data-path`); for an unplaced error, the pointer as reported. */
  pointer: string;
  message: string;
  source: ErrorSource;
  code: string;
  /** `pointer` plus what could not be followed below it ({@link FieldError.subpath}): the most precise readable location. */
  location: string;
  /** The message's placeholder values ({@link FieldError.params}); absent when none. */
  params?: Readonly<Record<string, string>>;
  /** {@link FieldError.own}. */
  own?: true;
}

/** Render order of each row kind's fields, for the summary. */
const PROVIDER_FIELD_ORDER = ['', KEY_SEGMENT, 'token', 'host'];
const URL_FIELD_ORDER = ['', 'url', 'api_key'];
const ENV_FIELD_ORDER = ['', KEY_SEGMENT, 'value'];
const STDIO_FIELD_ORDER = ['', 'name', 'command', 'args'];
const STDIO_OWN_FIELDS = [...STDIO_FIELD_ORDER, 'env'];
/** The order of the newer APIs' fields on a card (named/extras.ts); any other after them. */
const EXTRA_ORDER = ['name', 'auth', 'headers', 'enabled'];
function extraRank(field: string): number {
  const rank = EXTRA_ORDER.indexOf(field.split('/', 1)[0]!);
  return rank === -1 ? EXTRA_ORDER.length : rank;
}

/** Every current error in form order (sections before their rows, fields in render order), then the unplaced ones. */
export function listErrors(model: FormModel): ListedError[] {
  const { errors } = model.state;
  const out: ListedError[] = [];
  if (!errors.hasAny()) return out;
  eachErrorField(model.state, (rowId, field, errors, pointer) => {
    for (const e of errors) {
      const listed: ListedError = {
        target: { rowId, field },
        pointer,
        message: e.message,
        source: e.source,
        code: e.code,
        location: pointer + e.subpath,
      };
      if (e.params) listed.params = e.params;
      if (e.own) listed.own = true;
      out.push(listed);
    }
  });
  for (const e of errors.unplacedErrors()) {
    out.push({
      target: { rowId: UNPLACED_ROW_ID, field: '' },
      pointer: e.pointer,
      message: e.message,
      source: e.source,
      code: e.code,
      location: e.pointer,
      ...(e.own ? { own: true as const } : {}),
    });
  }
  return out;
}

/** How many entries {@link listErrors} has, without building them (the failed event's count). */
export function errorCount(model: FormModel): number {
  const { errors } = model.state;
  if (!errors.hasAny()) return 0;
  let count = errors.unplacedErrors().length;
  eachErrorField(model.state, (_rowId, _field, errors) => (count += errors.length));
  return count;
}

/**
 * Every field with errors, in form order (sections before their rows, fields in render order),
 * with its pointer at its current position. Rows without errors are stepped over before any
 * pointer is built: on a large form with few errors that is most of them.
 */
function eachErrorField(
  { draft, errors }: CheckedState,
  visit: (rowId: string, field: string, errors: readonly FieldError[], pointer: string) => void,
): void {
  const add = (rowId: string, field: string, pointer: string): void => {
    const found = errors.get(rowId, field);
    if (found.length) visit(rowId, field, found, pointer);
  };
  // A row's fields with errors that the orders above do not name (what the newer APIs store
  // besides), in the order the card renders them: name, auth, headers, enabled.
  const others = (rowId: string, known: readonly string[], base: string): void => {
    const fields = [...(errors.rows.get(rowId)?.keys() ?? [])].filter((field) => !known.includes(field));
    fields.sort((a, b) => extraRank(a) - extraRank(b));
    for (const field of fields) add(rowId, field, base + fieldSuffix(field));
  };
  const section = (id: string): void => {
    if (errors.rowHasErrors(id)) add(id, '', SECTION_POINTERS.get(id) ?? '');
  };
  section(SECTION_IDS.providerTokens);
  for (const row of draft.providers) {
    if (!errors.rowHasErrors(row.id)) continue;
    const base = providerPointer(row.provider);
    for (const field of PROVIDER_FIELD_ORDER) add(row.id, field, base + fieldSuffix(field));
  }
  section(SECTION_IDS.mcpConfig);
  for (const kind of ['sse', 'shttp'] as const) {
    section(SECTION_IDS[kind]);
    draft[kind].forEach((row, i) => {
      if (!errors.rowHasErrors(row.id)) return;
      const base = serverPointer(kind, i);
      for (const field of URL_FIELD_ORDER) add(row.id, field, base + fieldSuffix(field));
      others(row.id, URL_FIELD_ORDER, base);
    });
  }
  section(SECTION_IDS.stdio);
  draft.stdio.forEach((row, i) => {
    const own = errors.rowHasErrors(row.id);
    const base = own ? serverPointer('stdio', i) : '';
    if (own) for (const field of STDIO_FIELD_ORDER) add(row.id, field, base + fieldSuffix(field));
    row.args.forEach((arg, j) => {
      if (errors.rowHasErrors(arg.id)) add(arg.id, 'value', argPointer(i, j));
    });
    if (own) add(row.id, 'env', base + '/env');
    for (const env of row.env) {
      if (!errors.rowHasErrors(env.id)) continue;
      const pointer = envPointer(i, env);
      for (const field of ENV_FIELD_ORDER) add(env.id, field, pointer + fieldSuffix(field));
    }
    if (own) others(row.id, STDIO_OWN_FIELDS, base);
  });
}

/** The target's pointer at its current position, or null when the row is gone (or the error is unplaced). */
export function pointerOf(model: FormModel, target: ErrorTarget): string | null {
  const row = rowPointer(model.state, target.rowId);
  return row === null ? null : row + fieldSuffix(target.field);
}

/** Index of a row in its list (servers in their kind's list, args in their server's list). */
function position({ index, draft }: CheckedState, id: string): number | undefined {
  if (!index.positions) {
    const out = new Map<string, number>();
    draft.sse.forEach((row, i) => out.set(row.id, i));
    draft.shttp.forEach((row, i) => out.set(row.id, i));
    draft.stdio.forEach((row, i) => {
      out.set(row.id, i);
      row.args.forEach((arg, j) => out.set(arg.id, j));
    });
    index.positions = out;
  }
  return index.positions.get(id);
}

/** A row's (or a section's) pointer at its current position; null when there is no such row. */
function rowPointer(state: CheckedState, rowId: string): string | null {
  const { index } = state;
  const section = SECTION_POINTERS.get(rowId);
  if (section !== undefined) return section;
  const entry = index.get(rowId);
  if (!entry) return null;
  switch (entry.kind) {
    case 'provider':
      return providerPointer(entry.row.provider);
    case 'arg': {
      const i = position(state, entry.parent.id);
      const j = position(state, entry.row.id);
      return i === undefined || j === undefined ? null : argPointer(i, j);
    }
    case 'env': {
      const i = position(state, entry.parent.id);
      return i === undefined ? null : envPointer(i, entry.row);
    }
    default: {
      const i = position(state, entry.row.id);
      return i === undefined ? null : serverPointer(entry.kind, i);
    }
  }
}
