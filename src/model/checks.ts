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
import type { Draft, ErrorTarget, StdioServerRow } from './draft.js';
import type { ClientErrors, ErrorSource, ErrorStore, FieldError } from './errors.js';
import { PointerIndex, envKeyIndex, placeInProvider, placeInStdioServer, placeInUrlServer, splitPointer, type Placement } from './locate.js';
import { readArray, readOwn, setOwn } from './read.js';
import type { RowIndex } from './row-index.js';
import { envRuleIssues, providerRuleIssues, type ModelMessages, type RuleIssue } from './rules.js';
import { providerEntry, stdioServerBody, urlServerBody } from './to-body.js';

/** What of a `FormModel` the checks read and write (the model hands over its own parts). */
export interface CheckedState {
  readonly draft: Draft;
  readonly index: RowIndex;
  readonly errors: ErrorStore;
  readonly messages: ModelMessages;
  toBody(): ProviderSettingsBody;
}

/** The checks of one form, with the validators they run (the contract's, or a test's). */
export class FormChecks {
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
    const found: FieldError[] = [];
    const keep = (placement: Placement, issue: { code: string; message: string; params?: RuleIssue['params'] }): void => {
      if (placement.target.rowId === rowId && placement.target.field === field) {
        const error: FieldError = { message: issue.message, code: issue.code, source: 'client', subpath: placement.subpath };
        if (issue.params) error.params = issue.params;
        found.push(error);
      }
    };
    const keepRules = (issues: readonly RuleIssue[]): void => {
      for (const issue of issues) keep({ target: issue.target, subpath: '' }, issue);
    };
    let stale = false;

    switch (entry.kind) {
      case 'provider': {
        const row = entry.row;
        const sent = providerEntry(row);
        if (sent) {
          const body: ProviderSettingsBody = { provider_tokens: {}, mcp_config: null };
          setOwn(body.provider_tokens, row.provider, sent);
          for (const issue of this.validators.body(body)) {
            const segments = splitPointer(issue.pointer);
            if (segments?.[0] === 'provider_tokens' && segments[1] === row.provider) keep(placeInProvider(row, segments, 2), issue);
          }
        }
        const rules = providerRuleIssues(row, state.messages);
        keepRules(rules);
        if (field === 'host' && !rules.some((r) => r.code === 'token_required_for_host')) {
          stale = state.errors.dropClientCode(rowId, 'token', 'token_required_for_host');
        }
        break;
      }
      case 'sse':
      case 'shttp':
        for (const issue of this.validators.urlServer(urlServerBody(entry.row))) {
          const segments = splitPointer(issue.pointer);
          if (segments) keep(placeInUrlServer(entry.row, segments, 0), issue);
        }
        break;
      case 'stdio':
      case 'arg':
      case 'env': {
        const server = entry.kind === 'stdio' ? entry.row : entry.parent;
        const envIndex = envKeyIndex(server);
        for (const issue of this.validators.stdioServer(stdioServerBody(server))) {
          const segments = splitPointer(issue.pointer);
          if (segments) keep(placeInStdioServer(server, segments, 0, () => envIndex), issue);
        }
        if (entry.kind === 'env') {
          const rules = envRuleIssues(server, state.messages);
          keepRules(rules);
          if (field === KEY_SEGMENT) stale = dropStaleDuplicates(state, server, rowId, rules);
        }
        break;
      }
    }
    const changed = state.errors.setClient(rowId, field, found);
    return changed || stale;
  }

  /**
   * On submit: checks the whole body plus the model's rules, replacing every client error. True
   * when none. Fields whose errors come out the same are left alone, so {@link errorsRevision}
   * moves only when what the form shows changed (a valid form checked again changes nothing).
   */
  validateAll(state: CheckedState): boolean {
        const found: ClientErrors = { fields: new Map(), unplaced: [] };
    const add = (target: ErrorTarget, error: FieldError): void => {
      let fields = found.fields.get(target.rowId);
      if (!fields) found.fields.set(target.rowId, (fields = new Map()));
      const list = fields.get(target.field);
      if (list) list.push(error);
      else fields.set(target.field, [error]);
    };
    let count = 0;
    let index: PointerIndex | undefined;
    for (const issue of this.validators.body(state.toBody())) {
      const placement = (index ??= new PointerIndex(state.draft)).place(issue.pointer);
      if (placement) add(placement.target, { message: issue.message, code: issue.code, source: 'client', subpath: placement.subpath });
      else found.unplaced.push({ pointer: issue.pointer, message: issue.message, code: issue.code, source: 'client' });
      count += 1;
    }
    const rules = (issues: readonly RuleIssue[]): void => {
      for (const issue of issues) {
        const error: FieldError = { message: issue.message, code: issue.code, source: 'client', subpath: '' };
        if (issue.params) error.params = issue.params;
        add(issue.target, error);
        count += 1;
      }
    };
    for (const row of state.draft.providers) rules(providerRuleIssues(row, state.messages));
    for (const row of state.draft.stdio) if (row.env.length) rules(envRuleIssues(row, state.messages));
    state.errors.replaceClient(found);
    return count === 0;
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
      place(state, 
        index,
        typeof pointer === 'string' ? pointer : '',
        typeof message === 'string' ? message : '',
        typeof type === 'string' ? type : '',
        'server',
      );
    }
  }
}

function place(state: CheckedState, index: PointerIndex, pointer: string, message: string, code: string, source: ErrorSource): void {
  const placement = index.place(pointer);
  if (placement) state.errors.add(placement.target, { message, code, source, subpath: placement.subpath });
  else state.errors.addUnplaced({ pointer, message, code, source });
}

/** Removes `env_key_duplicate` from siblings of `rowId` that the current keys no longer make duplicates. */
function dropStaleDuplicates(state: CheckedState, server: StdioServerRow, rowId: string, rules: readonly RuleIssue[]): boolean {
  const stillDuplicate = new Set(rules.filter((r) => r.code === 'env_key_duplicate').map((r) => r.target.rowId));
  let changed = false;
  for (const env of server.env) {
    if (env.id === rowId || stillDuplicate.has(env.id)) continue;
    if (state.errors.dropClientCode(env.id, KEY_SEGMENT, 'env_key_duplicate')) changed = true;
  }
  return changed;
}
