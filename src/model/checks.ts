/**
 * The form's checks and the placing of every error on its row: what runs when a field is left,
 * when the form is checked or saved, and when the server answers with a 422. It is apart from
 * the model's core (the draft, edits, dirty state, the error store) so that the element can show
 * and edit the form before loading it: it comes with zod and the schema in the element's
 * on-demand module. A `FormModel` is given one with `useChecks` (or `checks` in its options).
 */
import { KEY_SEGMENT } from '../contract/pointer.js';
import type { ServerFieldError } from '../contract/result.js';
import type { ProviderSettingsBody } from '../contract/schema.js';
import type { Validators } from '../contract/validate.js';
import type { Draft, ErrorTarget, ProviderRow, StdioServerRow, UrlServerRow } from './draft.js';
import type { ErrorSource, ErrorStore, FieldError } from './errors.js';
import { addError, addUnplaced, dropClientCode, replaceClient, setClient, type ClientErrors } from './error-writes.js';
import {
  PointerIndex,
  envKeyIndex,
  placeInProvider,
  placeInStdioServer,
  placeInUrlServer,
  splitPointer,
} from './locate.js';
import { readArray, readOwn, setOwn } from '../contract/json.js';
import type { RowIndex } from './row-index.js';
import { envRuleIssues, providerRuleIssues, type ModelMessages, type RuleIssue } from './rules.js';
import { hasMcpConfig, providerEntry, providerTokensBody, stdioServerBody, urlServerBody } from './to-body.js';

/** What of a `FormModel` the checks read and write (the model hands over its own parts). */
export interface CheckedState {
  readonly draft: Draft;
  readonly index: RowIndex;
  readonly errors: ErrorStore;
  readonly messages: ModelMessages;
}

/** One client error found by a check, with the field it is on. */
interface Finding {
  readonly target: ErrorTarget;
  readonly error: FieldError;
}

/** What a server row's last check found, and the row's content it was found for. */
interface Verdict {
  readonly content: string;
  readonly findings: readonly Finding[];
}

/**
 * The checks, with the validators they run (the contract's, or a test's). One instance can serve
 * many forms: what it keeps is keyed by their rows.
 */
export class FormChecks {
  /**
   * Each server row's findings, kept with the content they were found for: a server is checked
   * again only when what it holds changed, so checking a large form again costs the servers
   * edited since. Keyed by the row object, so rows that are gone take their entries with them.
   */
  private readonly verdicts = new WeakMap<UrlServerRow | StdioServerRow, Verdict>();

  constructor(private readonly validators: Validators) {}

  /**
   * On blur: re-checks one field (its row's contract validator plus the model's rules) and
   * replaces that field's client errors. Errors are only ever ADDED to the field being left;
   * elsewhere this only removes what the edit made stale: leaving a host clears a
   * `token_required_for_host` that no longer applies, and leaving an env key clears
   * `env_key_duplicate` on sibling rows that are no longer duplicates. New problems on other
   * fields wait for their own blur or for the submit, so nobody is scolded for a field not
   * reached yet. Returns true if any errors changed.
   */
  validateField(state: CheckedState, rowId: string, field: string): boolean {
    const entry = state.index.get(rowId);
    if (!entry) return false;
    let findings: readonly Finding[];
    let stale = false;
    switch (entry.kind) {
      case 'provider':
        findings = this.providerFindings(state, entry.row);
        if (field === 'host' && !findings.some((f) => f.error.code === 'token_required_for_host')) {
          stale = dropClientCode(state.errors, rowId, 'token', 'token_required_for_host');
        }
        break;
      case 'sse':
      case 'shttp':
        findings = this.urlFindings(entry.row);
        break;
      case 'stdio':
      case 'arg':
      case 'env': {
        const server = entry.kind === 'stdio' ? entry.row : entry.parent;
        findings = this.stdioFindings(state, server);
        if (entry.kind === 'env' && field === KEY_SEGMENT) {
          const stillDuplicate = new Set(
            findings.filter((f) => f.error.code === 'env_key_duplicate').map((f) => f.target.rowId),
          );
          stale = dropStaleDuplicates(state, server, rowId, stillDuplicate);
        }
        break;
      }
    }
    const found = findings.filter((f) => f.target.rowId === rowId && f.target.field === field).map((f) => f.error);
    const changed = setClient(state.errors, rowId, field, found);
    return changed || stale;
  }

  /**
   * On submit: checks everything, replacing every client error. True when none. The providers
   * and the body's own shape are checked in one pass of the body validator, with the servers
   * left out; each server is checked on its own (the schema has no rule across servers), again
   * only if it changed since its last check. Fields whose errors come out the same are left
   * alone, so the errors' revision moves only when what the form shows changed.
   */
  validateAll(state: CheckedState): boolean {
    const found: ClientErrors = { fields: new Map(), unplaced: [] };
    let count = 0;
    const add = ({ target, error }: Finding): void => {
      let fields = found.fields.get(target.rowId);
      if (!fields) found.fields.set(target.rowId, (fields = new Map()));
      const list = fields.get(target.field);
      if (list) list.push(error);
      else fields.set(target.field, [error]);
      count += 1;
    };
    const draft = state.draft;
    const outline: ProviderSettingsBody = {
      provider_tokens: providerTokensBody(draft),
      mcp_config: hasMcpConfig(draft) ? { sse_servers: [], stdio_servers: [], shttp_servers: [] } : null,
    };
    let index: PointerIndex | undefined;
    for (const issue of this.validators.body(outline)) {
      const placement = (index ??= new PointerIndex(draft)).place(issue.pointer);
      if (placement) add({ target: placement.target, error: clientError(issue, placement.subpath) });
      else {
        found.unplaced.push({ pointer: issue.pointer, message: issue.message, code: issue.code, source: 'client' });
        count += 1;
      }
    }
    for (const row of draft.providers) for (const f of providerRuleFindings(state, row)) add(f);
    for (const row of draft.sse) for (const f of this.urlFindings(row)) add(f);
    for (const row of draft.shttp) for (const f of this.urlFindings(row)) add(f);
    for (const row of draft.stdio) for (const f of this.stdioFindings(state, row)) add(f);
    replaceClient(state.errors, found);
    return count === 0;
  }

  /**
   * Checks the servers not checked since they last changed, while `more()` says there is time
   * (the element calls it in short background tasks): the next {@link validateAll} finds their
   * verdicts ready. Nothing shown changes. Returns true when every server is checked.
   */
  checkAhead(state: CheckedState, more: () => boolean): boolean {
    const draft = state.draft;
    for (const row of [...draft.sse, ...draft.shttp]) {
      if (!more()) return false;
      this.urlFindings(row);
    }
    for (const row of draft.stdio) {
      if (!more()) return false;
      this.stdioFindings(state, row);
    }
    return true;
  }

  /**
   * Replaces the server errors. Each pointer is resolved once, now, against the draft as it is
   * (which is what was just sent), to a row id + field; from then on the error follows its row.
   * One pointer index per call keeps this O(rows + errors).
   */
  applyServerErrors(state: CheckedState, errors: readonly ServerFieldError[]): void {
    state.errors.clearSource('server');
    const index = new PointerIndex(state.draft);
    for (const error of readArray(errors)) {
      const pointer = readOwn(error, 'pointer');
      const message = readOwn(error, 'message');
      const type = readOwn(error, 'type');
      place(
        state,
        index,
        typeof pointer === 'string' ? pointer : '',
        typeof message === 'string' ? message : '',
        typeof type === 'string' ? type : '',
        'server',
        readOwn(error, 'own') === true,
      );
    }
  }

  /** A provider's findings: its entry through the body validator, and the model's rules. */
  private providerFindings(state: CheckedState, row: ProviderRow): Finding[] {
    const findings: Finding[] = [];
    const sent = providerEntry(row);
    if (sent) {
      const body: ProviderSettingsBody = { provider_tokens: {}, mcp_config: null };
      setOwn(body.provider_tokens, row.provider, sent);
      for (const issue of this.validators.body(body)) {
        const segments = splitPointer(issue.pointer);
        if (segments?.[0] !== 'provider_tokens' || segments[1] !== row.provider) continue;
        const placement = placeInProvider(row, segments, 2);
        findings.push({ target: placement.target, error: clientError(issue, placement.subpath) });
      }
    }
    findings.push(...providerRuleFindings(state, row));
    return findings;
  }

  /** A URL server's findings, from its verdict when that is current. */
  private urlFindings(row: UrlServerRow): readonly Finding[] {
    return this.verdict(row, urlContent(row), () =>
      this.validators.urlServer(urlServerBody(row)).map((issue) => {
        const segments = splitPointer(issue.pointer);
        const placement = segments
          ? placeInUrlServer(row, segments, 0)
          : { target: { rowId: row.id, field: '' }, subpath: '' };
        return { target: placement.target, error: clientError(issue, placement.subpath) };
      }),
    );
  }

  /** A stdio server's findings, its arguments' and variables' included, from its verdict when that is current. */
  private stdioFindings(state: CheckedState, row: StdioServerRow): readonly Finding[] {
    return this.verdict(row, stdioContent(row), () => {
      const envIndex = envKeyIndex(row);
      const findings: Finding[] = this.validators.stdioServer(stdioServerBody(row)).map((issue) => {
        const segments = splitPointer(issue.pointer);
        const placement = segments
          ? placeInStdioServer(row, segments, 0, () => envIndex)
          : { target: { rowId: row.id, field: '' }, subpath: '' };
        return { target: placement.target, error: clientError(issue, placement.subpath) };
      });
      if (row.env.length) for (const issue of envRuleIssues(row, state.messages)) findings.push(ruleFinding(issue));
      return findings;
    });
  }

  /** The row's kept findings if they were found for `content`; else `check()`'s, kept. */
  private verdict(row: UrlServerRow | StdioServerRow, content: string, check: () => Finding[]): readonly Finding[] {
    const kept = this.verdicts.get(row);
    if (kept?.content === content) return kept.findings;
    const findings = check();
    this.verdicts.set(row, { content, findings });
    return findings;
  }
}

function clientError(issue: { message: string; code: string }, subpath: string): FieldError {
  return { message: issue.message, code: issue.code, source: 'client', subpath };
}

function ruleFinding(issue: RuleIssue): Finding {
  const error = clientError(issue, '');
  if (issue.params) error.params = issue.params;
  return { target: issue.target, error };
}

function providerRuleFindings(state: CheckedState, row: ProviderRow): Finding[] {
  return providerRuleIssues(row, state.messages).map(ruleFinding);
}

/** A string that changes whenever the row's checked content does: each part with its length, so no two rows share one. */
const part = (text: string): string => text.length + ':' + text;

function urlContent(row: UrlServerRow): string {
  return part(row.url) + part(row.apiKey);
}

/** Row ids count too: the findings name the argument and variable rows they are on. */
function stdioContent(row: StdioServerRow): string {
  let out = part(row.name) + part(row.command) + row.args.length + ';';
  for (const arg of row.args) out += part(arg.id) + part(arg.value);
  for (const env of row.env) out += part(env.id) + part(env.key) + part(env.value);
  return out;
}

function place(
  state: CheckedState,
  index: PointerIndex,
  pointer: string,
  message: string,
  code: string,
  source: ErrorSource,
  own = false,
): void {
  const placement = index.place(pointer);
  const error = { message, code, source, ...(own ? { own: true as const } : {}) };
  if (placement) addError(state.errors, placement.target, { ...error, subpath: placement.subpath });
  else addUnplaced(state.errors, { ...error, pointer });
}

/** Removes `env_key_duplicate` from siblings of `rowId` that the current keys no longer make duplicates. */
function dropStaleDuplicates(
  state: CheckedState,
  server: StdioServerRow,
  rowId: string,
  stillDuplicate: ReadonlySet<string>,
): boolean {
  let changed = false;
  for (const env of server.env) {
    if (env.id === rowId || stillDuplicate.has(env.id)) continue;
    if (dropClientCode(state.errors, env.id, KEY_SEGMENT, 'env_key_duplicate')) changed = true;
  }
  return changed;
}
