/**
 * The form model: the one object the element talks to. It owns the draft (rows with stable ids),
 * the baseline (what is stored), the errors (keyed by row id + field) and the dirty state, and
 * keeps them consistent through every edit. Pure TypeScript, no DOM.
 *
 * The element must change rows only through these methods: `draft` is exposed for rendering,
 * and writing to it directly would bypass the indexes, the errors and dirty tracking.
 *
 * This file is the model's surface, and its field edits and errors; the rest is a module each:
 * the lists' rows (row-lists.ts), what is stored and the draft kept in step with it
 * (stored-baseline.ts), a value laid over the draft (value-over-draft.ts), the checks and the
 * placing of errors (checks.ts, loaded on demand).
 *
 * Costs: field edits and `errorsFor` are O(1); list edits O(that list); validating a field
 * O(its row); whole-form operations (settings, value, validateAll, server errors, save, reset)
 * O(form + errors).
 */
import { KEY_SEGMENT } from '../contract/pointer.js';
import type { ServerFieldError } from '../contract/result.js';
import type { ServerExtras } from '../contract/mcp-server.js';
import type { ProviderSettingsBody, StoredSettings } from '../contract/schema.js';
import type { FormChecks } from './checks.js';
import { DirtyTracker, providerIsDirty, rowSignature } from './dirty.js';
import type { Draft, ProviderRow, ServerKind, StdioServerRow, UrlServerRow } from './draft.js';
import { SERVER_KINDS } from './draft.js';
import { ErrorStore, type FieldError, type UnplacedError } from './errors.js';
import type { StoredState } from './changes.js';
import { IdSource } from './ids.js';
import { isRecord, ownKeys, readArray, readOwn, setOwn } from '../contract/json.js';
import { RowIndex, type AnyRow, type RowEntry } from './row-index.js';
import { addRow, moveRow, removeRow, type FormState } from './row-lists.js';
import type { ModelRuleCode } from './rules.js';
import { StoredBaseline, type StoredKnowledge } from './stored-baseline.js';
import { draftToBody } from './to-body.js';
import { layValueOverDraft } from './value-over-draft.js';

export type { ErrorSource, FieldError, UnplacedError } from './errors.js';
export type { ModelRuleCode } from './rules.js';

export type { Validators } from '../contract/validate.js';
export type { FormChecks } from './checks.js';

export interface FormModelOptions {
  providers?: readonly string[];
  settings?: StoredSettings | null;
  value?: unknown;
  /** Text overrides for the model's own rules, by code. */
  messages?: Partial<Record<ModelRuleCode, string>>;
  /**
   * The form's checks: `new FormChecks(CONTRACT_VALIDATORS)` (model/checks.ts, contract/validate.ts),
   * or checks with other validators for a test of the wiring. They are passed in, not imported,
   * so that a page can show and edit the form before loading zod, the schema and the code that
   * places errors: the element loads them with its on-demand module and hands them over with
   * {@link FormModel.useChecks}. Until then nothing can be checked and no error placed.
   */
  checks?: FormChecks;
}

export { UNPLACED_ROW_ID } from './errors.js';
export type { ListedError } from './error-list.js';

export type { StoredKnowledge } from './stored-baseline.js';

export class FormModel {
  readonly draft: Draft = { providers: [], sse: [], shttp: [], stdio: [], mcpPresent: false };

  private readonly ids = new IdSource();
  private readonly index = new RowIndex(() => this.draft);
  private readonly errors = new ErrorStore();
  private readonly tracker = new DirtyTracker();
  private checker: FormChecks | null;
  /**
   * The model's parts, for its own modules: those it is made of (row-lists.ts, stored-baseline.ts,
   * value-over-draft.ts) and those that load on demand (checks.ts, error-list.ts, save-snapshot.ts).
   * Not for the element: it edits through the methods.
   */
  readonly state: FormState;
  /**
   * What is stored and known (stored-baseline.ts), for the model's own modules too: a save moves
   * it on (save-snapshot.ts). Not for the element.
   */
  readonly baseline: StoredBaseline;

  constructor(options: FormModelOptions = {}) {
    // Only the host page's own texts (the checks fill in the defaults), copied as they are now.
    const messages: Record<string, string> = {};
    for (const code of ownKeys(options.messages)) {
      const text = readOwn(options.messages, code);
      if (typeof text === 'string') setOwn(messages, code, text);
    }
    this.checker = options.checks ?? null;
    const { draft, ids, index, errors, tracker } = this;
    this.state = { draft, ids, index, errors, tracker, messages };
    this.baseline = new StoredBaseline(this.state);
    if (options.providers) this.baseline.listed = normaliseProviders(options.providers);
    this.setSettings(options.settings ?? null);
    if (options.value !== undefined) this.setValue(options.value);
  }

  // ---------------------------------------------------------------- content

  get providers(): readonly string[] {
    return this.baseline.listed;
  }

  /**
   * Which provider sections exist, in order. Stored providers not listed are appended (hiding one
   * would make it impossible to see what a save keeps). A provider that is neither listed nor
   * stored disappears, typed content and errors with it: the host page chose not to offer it.
   */
  setProviders(list: readonly string[]): void {
    this.baseline.listed = normaliseProviders(list);
    this.baseline.arrangeProviders();
  }

  /**
   * New baseline. What the person changed survives it, because settings often arrive after they
   * started typing (a slow `GET /api/settings`): typed tokens, hosts they edited, removals of
   * providers that are still stored, and the MCP servers when they edited any. Everything they did
   * not touch follows the new baseline. Errors are cleared, but a save's answer about MCP servers
   * the person edited, which survive (a partial save reloads). `reset()` discards the edits.
   *
   * An object makes what is stored known (see {@link known}): it is `GET /api/settings`' answer or
   * the host's copy of one. Its MCP servers are known; its tokens when it has `provider_tokens_set`
   * (`null` there means none: some OpenHands versions send that), which OpenHands' answer always
   * has: an object without it (`{ mcp_config }` alone) says nothing about the tokens. `null` makes
   * both unknown. `tokensKnown` overrides that for the tokens ({@link settingsNotFound}). When the MCP servers were not known before,
   * servers the person added are added to the stored ones (the baseline they were added to was
   * only assumed empty); a server equal to a stored one is that server.
   */
  setSettings(
    settings: StoredSettings | null,
    tokensKnown = readOwn(settings, 'provider_tokens_set') !== undefined,
  ): void {
    this.baseline.rebase(settings, tokensKnown);
  }

  /**
   * `GET /api/settings` answered 404: the server has no settings record, so no MCP servers are
   * stored. It says nothing about the tokens (they live in a store of their own): a token set
   * known before (from settings or this form's own save) stays known, an unknown one stays unknown.
   */
  settingsNotFound(): void {
    this.baseline.notFound();
  }

  /**
   * Whether the form knows what is stored, part by part. Known from a `settings` object (a 200
   * `GET /api/settings` or the host's), and for the tokens from this form's own save; unknown
   * before that, and for the tokens after a 404 that follows nothing known. A save must not
   * replace a token map it has not seen: the provider map sent replaces the stored one.
   */
  get known(): Readonly<StoredKnowledge> {
    return this.baseline.known;
  }

  /**
   * New form content from a request-body-shaped object. Stored flags stay from the settings.
   *
   * - Not an object: the form goes back to its baseline (as `reset()`).
   * - Reconciled by position, as if the person had typed it: rows keep their ids where a row
   *   already exists at that place, so a host page that feeds `value` back on every change
   *   (a controlled component) keeps focus and keyed DOM, and only fields whose value changed lose
   *   their errors.
   * - `provider_tokens`: a provider left out is NOT removed (removal is a deliberate act,
   *   `removeProvider`); it goes back to "keep what is stored". A provider that is neither listed
   *   nor stored gets a section when the value gives it a token or a host, so nothing set is
   *   dropped unseen. A missing or non-string `host` keeps the stored host; `host: null` clears it.
   * - `mcp_config`: missing or malformed keeps the baseline servers; `null` means no servers.
   *   Whether an empty `mcp_config` object is sent still follows the baseline (`mcpPresent`).
   */
  setValue(value: unknown): void {
    if (isRecord(value)) layValueOverDraft(this, this.baseline, value);
    else this.reset();
  }

  /** The request the form stands for. */
  toBody(): ProviderSettingsBody {
    return draftToBody(this.draft);
  }

  row(id: string): AnyRow | undefined {
    return this.index.get(id)?.row;
  }

  // ---------------------------------------------------------------- editing

  /**
   * Sets one field. Returns true when something besides the typed text changed: an error was
   * cleared, `dirty` flipped, or an env key changed (which changes that row's `data-path`).
   * Editing clears the field's errors from both sources; the client ones come back on blur.
   * Fields: provider `token` `host`; url server `url` `api_key`; stdio `name` `command`;
   * arg `value`; env `[key]` `value`.
   */
  setField(rowId: string, field: string, value: string): boolean {
    const entry = this.index.get(rowId);
    if (!entry || typeof value !== 'string') return false;
    const changed = this.assign(entry, field, value);
    if (!changed) return false;
    const flipped = this.tracker.updateRow(rowId, rowSignature(entry));
    const cleared = this.errors.clearField(rowId, field);
    return cleared || flipped || (entry.kind === 'env' && field === KEY_SEGMENT);
  }

  /**
   * Replaces what a newer API stores for a server besides V0's fields (`x`: its name, headers,
   * auth, `enabled`); the late editors build the new object. Clears the server's errors on `field`.
   */
  setExtras(rowId: string, x: ServerExtras | undefined, field = ''): void {
    const entry = this.index.get(rowId);
    if (entry?.kind !== 'sse' && entry?.kind !== 'shttp' && entry?.kind !== 'stdio') return;
    entry.row.x = x;
    this.tracker.updateRow(rowId, rowSignature(entry));
    this.errors.clearField(rowId, field);
  }

  /** What an editable field holds now; `undefined` for an unknown row or field. */
  fieldValue(rowId: string, field: string): string | undefined {
    const entry = this.index.get(rowId);
    const key = entry ? this.property(entry, field) : null;
    return entry && key !== null ? (entry.row as unknown as Record<string, string>)[key] : undefined;
  }

  addServer(kind: ServerKind): string {
    const id = this.ids.next();
    return addRow(
      this.state,
      kind === 'stdio'
        ? { kind, row: { id, name: '', command: '', args: [], env: [] } }
        : { kind, row: { id, url: '', apiKey: '' } },
    );
  }

  removeServer(id: string): void {
    removeRow(this.state, id, SERVER_KINDS);
  }

  moveServer(id: string, delta: number): void {
    moveRow(this.state, id, SERVER_KINDS, delta);
  }

  /** Throws for an id that is not a stdio server: adding to nothing is a bug, not a user action. */
  addArg(serverId: string, value = ''): string {
    const parent = this.stdioServer(serverId);
    return addRow(this.state, { kind: 'arg', row: { id: this.ids.next(), value: String(value) }, parent });
  }

  removeArg(argId: string): void {
    removeRow(this.state, argId, ['arg']);
  }

  moveArg(argId: string, delta: number): void {
    moveRow(this.state, argId, ['arg'], delta);
  }

  /** Throws for an id that is not a stdio server. */
  addEnv(serverId: string, key = '', value = ''): string {
    const parent = this.stdioServer(serverId);
    return addRow(this.state, {
      kind: 'env',
      row: { id: this.ids.next(), key: String(key), value: String(value) },
      parent,
    });
  }

  removeEnv(envId: string): void {
    removeRow(this.state, envId, ['env']);
  }

  /**
   * Deletes a stored provider at the next save (it is left out of the body). Its errors go: they
   * were about a token that will not be sent. On a provider with nothing stored there is nothing
   * to delete, so this clears what was typed instead.
   */
  removeProvider(rowId: string): void {
    const row = this.providerRow(rowId);
    if (!row) return;
    if (!row.stored) {
      this.clearProvider(rowId);
      return;
    }
    row.removed = true;
    this.errors.clearRow(rowId);
    this.tracker.updateRow(rowId, providerIsDirty(row));
  }

  restoreProvider(rowId: string): void {
    const row = this.providerRow(rowId);
    if (!row || !row.removed) return;
    row.removed = false;
    this.tracker.updateRow(rowId, providerIsDirty(row));
  }

  /** Discards what was typed for a provider: token and host blank (stored host, if it is stored). */
  clearProvider(rowId: string): void {
    const row = this.providerRow(rowId);
    if (!row) return;
    row.token = '';
    row.host = row.stored ? (row.storedHost ?? '') : '';
    this.errors.clearRow(rowId);
    this.tracker.updateRow(rowId, providerIsDirty(row));
  }

  // ---------------------------------------------------------------- errors

  errorsFor(rowId: string, field: string): readonly FieldError[] {
    return this.errors.get(rowId, field);
  }

  hasErrors(): boolean {
    return this.errors.hasAny();
  }

  /** Whether a server, or one of its arguments or variables, has an error. */
  serverHasErrors(row: UrlServerRow | StdioServerRow): boolean {
    const has = (r: { id: string }) => this.errors.rowHasErrors(r.id);
    return has(row) || ('args' in row && (row.args.some(has) || row.env.some(has)));
  }

  unplacedErrors(): readonly UnplacedError[] {
    return this.errors.unplacedErrors();
  }

  /** Hands the model its checks (see {@link FormModelOptions.checks}); the last one given wins. */
  useChecks(checks: FormChecks): void {
    this.checker = checks;
  }

  /** Whether the model has its checks, so that it can validate and place server errors. */
  get canValidate(): boolean {
    return this.checker !== null;
  }

  /**
   * On blur: re-checks one field and replaces its client errors (see `FormChecks.validateField`).
   * Returns true if any errors changed. Throws when the model has no checks yet.
   */
  validateField(rowId: string, field: string): boolean {
    return this.checks().validateField(this.state, rowId, field);
  }

  /** On submit: checks everything, replacing every client error; true when none. Throws without checks. */
  validateAll(): boolean {
    return this.checks().validateAll(this.state);
  }

  /** Replaces the server errors, each placed on its row now (see `FormChecks.applyServerErrors`). Throws without checks. */
  applyServerErrors(errors: readonly ServerFieldError[]): void {
    this.checks().applyServerErrors(this.state, errors);
  }

  /**
   * Checks servers ahead while `more()` says there is time (see `FormChecks.checkAhead`); true
   * when all are checked, or when there are no checks to run.
   */
  checkAhead(more: () => boolean): boolean {
    return this.checker?.checkAhead(this.state, more) ?? true;
  }

  private checks(): FormChecks {
    if (!this.checker) throw new Error('FormModel: no checks yet: pass options.checks or call useChecks()');
    return this.checker;
  }

  /** Goes up whenever the errors change (any source, any field); equal before and after a call means nothing to re-render. */
  get errorsRevision(): number {
    return this.errors.revision;
  }

  clearServerErrors(): void {
    this.errors.clearSource('server');
  }

  // ---------------------------------------------------------------- baseline

  get dirty(): boolean {
    return this.tracker.dirty;
  }

  /**
   * What the server holds as far as the form knows (its baseline), for `describeChanges`; `named`:
   * the servers with what a newer API stores besides (`x`).
   */
  storedState(named = false): StoredState {
    return this.baseline.stored(named);
  }

  /**
   * Back to the baseline: typed values discarded, removed providers restored, errors cleared.
   * Baseline rows come back under their baseline ids (the same logical rows, so keyed DOM is
   * reused); ids of rows added since are never handed out again.
   */
  reset(): void {
    this.baseline.reset();
  }

  // ---------------------------------------------------------------- internals

  /** The row property behind an editable field, or null when the row has no such field. */
  private property(entry: RowEntry, field: string): string | null {
    switch (entry.kind) {
      case 'provider':
        return field === 'token' || field === 'host' ? field : null;
      case 'sse':
      case 'shttp':
        return field === 'url' ? 'url' : field === 'api_key' ? 'apiKey' : null;
      case 'stdio':
        return field === 'name' || field === 'command' ? field : null;
      case 'arg':
        return field === 'value' ? 'value' : null;
      case 'env':
        return field === KEY_SEGMENT ? 'key' : field === 'value' ? 'value' : null;
    }
  }

  private assign(entry: RowEntry, field: string, value: string): boolean {
    const key = this.property(entry, field);
    const row = entry.row as unknown as Record<string, string>;
    if (key === null || row[key] === value) return false;
    row[key] = value;
    return true;
  }

  private providerRow(rowId: string): ProviderRow | undefined {
    const entry = this.index.get(rowId);
    return entry?.kind === 'provider' ? entry.row : undefined;
  }

  private stdioServer(serverId: string): StdioServerRow {
    const entry = this.index.get(serverId);
    if (entry?.kind !== 'stdio') throw new Error(`No stdio server with id ${JSON.stringify(serverId)}`);
    return entry.row;
  }
}

function normaliseProviders(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const item of readArray(list)) if (typeof item === 'string' && !out.includes(item)) out.push(item);
  return out;
}
