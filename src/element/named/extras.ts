/**
 * The fields of an MCP server card that only the newer server APIs store (contract/mcp-server.ts):
 * a URL server's name, its auth and headers, and whether a server is enabled. Rendered inside the
 * card by templates/mcp.ts once one of those APIs answered; each edit builds a new `x` and hands
 * it to the model (`FormModel.setExtras`). Every control carries its `data-path` (the server's
 * pointer and the field's), as the card's own controls do.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { ownKeys, readOwn, setOwn } from '../../contract/json.js';
import { isMasked, type AuthStrategy, type McpAuth, type ServerExtras } from '../../contract/mcp-server.js';
import { escapeSegment } from '../../contract/pointer.js';
import type { StdioServerRow, UrlServerRow } from '../../model/draft.js';
import type { RenderContext } from '../templates/context.js';
import { domId } from '../templates/context.js';
import { errorText } from '../templates/field.js';
import type { NamedStrings, ProviderSettingsStrings } from '../strings.js';
import { defaultNamedStrings } from './strings.js';
import type { McpTests } from './tests.js';

/**
 * Hands a server's new `x` to the model; `field` names the edited field, whose errors it clears.
 * `after`: where focus goes once it is rendered (a selector), and what is announced (a row added
 * or removed, as the form's own lists do).
 */
export type EditExtras = (rowId: string, x: ServerExtras, field: string, after?: EditAfter) => void;
export interface EditAfter {
  focus?: string;
  say?: string;
}

/** The strategies a person can pick; `oauth2` is shown, never picked (it is set up elsewhere). */
const EDITABLE: readonly AuthStrategy[] = ['none', 'api_key', 'bearer', 'basic', 'header'];

/**
 * The auth a card had under each method it left, for the card's life: going back to a method
 * brings back what it held, a secret read back masked included (a fresh one starts empty, and a
 * save would ask for it).
 */
const leftAuths = new WeakMap<UrlServerRow, Map<AuthStrategy, McpAuth>>();

function switchAuth(row: UrlServerRow, strategy: AuthStrategy, old: McpAuth): McpAuth {
  let left = leftAuths.get(row);
  if (!left) leftAuths.set(row, (left = new Map()));
  left.set(old.strategy, old);
  return left.get(strategy) ?? authOf(strategy, old);
}

/**
 * A header name that was not taken because another header of the card has it, and the key field
 * it was typed in: the field shows its name again and says why while the card's `x` is the one
 * it left (any later edit of the card, or a load, makes a new one).
 */
const refusedNames = new WeakMap<UrlServerRow, { x: ServerExtras | undefined; field: string; name: string }>();

/**
 * A fresh auth of `strategy`, keeping a secret already typed where the new one has a place for it.
 * One read back masked stays behind: under another method no server keeps it (the V1 app server
 * restores a mask only under the same method), so the new field starts empty, asking for it.
 */
function authOf(strategy: AuthStrategy, old: McpAuth): McpAuth {
  const value = 'value' in old && typeof old.value === 'string' && !isMasked(old.value) ? old.value : '';
  switch (strategy) {
    case 'api_key':
      return { strategy, value, header_name: null };
    case 'bearer':
      return { strategy, value };
    case 'basic':
      return { strategy, username: '', password: '' };
    case 'header':
      return { strategy, headers: {} };
    default:
      return { strategy: 'none' };
  }
}

/** The auth a URL card shows: its own, or a V0 API key as the bearer token it is sent as. */
function shownAuth(row: UrlServerRow): McpAuth {
  return row.x?.auth ?? (row.apiKey ? { strategy: 'bearer', value: row.apiKey } : { strategy: 'none' });
}

/** A map with entry `i` set to `key: value` (or removed, `key` null), order kept. */
function withEntry(
  map: Record<string, string> | undefined,
  i: number,
  key: string | null,
  value = '',
): Record<string, string> {
  const out: Record<string, string> = {};
  ownKeys(map).forEach((k, j) => {
    if (j !== i) setOwn(out, k, String(readOwn(map, k)));
    else if (key !== null) setOwn(out, key, value);
  });
  if (i >= ownKeys(map).length && key !== null) setOwn(out, key, value);
  return out;
}

interface Input {
  id: string;
  /** The server's pointer; the control's is that and `/` `field`. */
  path: string;
  label: string;
  value: string;
  secret?: boolean;
  hint?: string;
  rowId: string;
  /** The field under the server (`name`, `auth/value`, `headers/X-Key`): its errors are the server row's errors on it. */
  field: string;
  onInput: (value: string) => void;
  /** Taken when the field is left (`change`) rather than at each keystroke: a map key, which must not pass through another key's name while typed. */
  onLeave?: boolean;
  /** Why what was typed last was not taken, said as the field's error (announced) when it has none of the model's. */
  note?: string | undefined;
}

function input(ctx: RenderContext, t: NamedStrings, o: Input): TemplateResult {
  const modelError = errorText(ctx, o.rowId, [o.field]);
  const note = modelError ? undefined : o.note;
  const error = modelError || note;
  const errorId = o.id + '-error';
  const hintId = o.id + '-hint';
  const masked = isMasked(o.value);
  // A value read back masked shows empty, with a hint that says so (read out with the field).
  const hint = masked ? t.stored : o.hint;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <div class="control">
      <input
        id=${o.id}
        type=${o.secret ? 'password' : 'text'}
        data-path=${o.path + '/' + o.field}
        .value=${live(masked ? '' : o.value)}
        autocomplete="off"
        autocapitalize="off"
        spellcheck="false"
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describedBy || nothing}
        @input=${o.onLeave ? nothing : (e: Event) => o.onInput((e.target as HTMLInputElement).value)}
        @change=${o.onLeave ? (e: Event) => o.onInput((e.target as HTMLInputElement).value) : nothing}
      />
    </div>
    ${hint ? html`<p class="hint" id=${hintId}>${hint}</p>` : nothing}
    ${error ? html`<p class="error" id=${errorId} role=${note ? 'alert' : nothing}>${error}</p>` : nothing}
  </div>`;
}

/** Key and value rows of a string map (headers, or the `header` strategy's secret headers). */
function mapEditor(
  ctx: RenderContext,
  t: NamedStrings,
  o: {
    row: UrlServerRow;
    path: string;
    field: string;
    label: string;
    map: Record<string, string> | undefined;
    secret: boolean;
  },
  set: (map: Record<string, string>, field: string, after?: EditAfter) => void,
): TemplateResult {
  const { row } = o;
  const rowId = row.id;
  const keys = ownKeys(o.map);
  const note = refusedNames.get(row);
  const refused = note?.x === row.x ? note : undefined;
  // A name another header has already, in any case (HTTP's names are case-insensitive), is not
  // taken (the two would be one): the field shows its name again and says so.
  const rename = (i: number, value: string, field: string) => (next: string) => {
    const taken = keys.some((k, j) => j !== i && k.toLowerCase() === next.toLowerCase());
    if (!taken) return set(withEntry(o.map, i, next, value), field);
    set({ ...o.map }, field);
    refusedNames.set(row, { x: row.x, field, name: next });
  };
  // Focus follows what the buttons did, as in the form's own lists: to the new header's name, or
  // after a removal to the header now in its place, the one before, or "Add header".
  const group = o.path + '/' + o.field;
  const keyField = (key: string) => `[data-path="${CSS.escape(group + '/' + escapeSegment(key) + '/[key]')}"]`;
  const add = () => set(withEntry(o.map, keys.length, ''), o.field, { focus: keyField('') });
  const remove = (i: number) => {
    const next = keys[i + 1] ?? keys[i - 1];
    set(withEntry(o.map, i, null), o.field, {
      focus: next !== undefined ? keyField(next) : `[data-path="${CSS.escape(group)}"] .actions > button`,
      say: ctx.t.removed(keys[i] ? `“${keys[i]}”` : t.headerKey(o.label, i)),
    });
  };
  const labelId = domId(rowId, o.field) + '-label';
  const errorId = domId(rowId, o.field) + '-error';
  const error = errorText(ctx, rowId, [o.field]);
  return html`<div
    role="group"
    class="wide"
    data-path=${o.path + '/' + o.field}
    tabindex="-1"
    aria-labelledby=${labelId}
    aria-describedby=${error ? errorId : nothing}
  >
    <p class="label" id=${labelId}>${o.label}</p>
    ${error ? html`<p class="error" id=${errorId}>${error}</p>` : nothing}
    ${keys.length === 0 ? html`<p class="empty">${t.noHeaders}</p>` : nothing}
    <ul class="rows">
      ${repeat(
        keys,
        (_, i) => i,
        (key, i) => {
          const value = String(readOwn(o.map, key));
          const field = o.field + '/' + escapeSegment(key);
          return html`<li class="row env-row">
            ${input(ctx, t, {
              id: domId(rowId, `${o.field}-${i}-key`),
              path: o.path,
              label: t.headerKey(o.label, i),
              value: key,
              rowId,
              field: field + '/[key]',
              onLeave: true,
              onInput: rename(i, value, field + '/[key]'),
              note: refused?.field === field + '/[key]' ? t.headerTaken(refused.name) : undefined,
            })}
            ${input(ctx, t, {
              id: domId(rowId, `${o.field}-${i}-value`),
              path: o.path,
              label: t.headerValue(o.label, i),
              value,
              secret: true,
              rowId,
              field,
              onInput: (next) => set(withEntry(o.map, i, key, next), field),
            })}
            <button type="button" class="icon" aria-label=${t.removeHeader(o.label, i)} @click=${() => remove(i)}>
              ✕
            </button>
          </li>`;
        },
      )}
    </ul>
    <div class="actions">
      <button type="button" ?disabled=${keys.includes('')} @click=${add}>
        ${t.addHeader}
      </button>
    </div>
  </div>`;
}

function authEditor(
  ctx: RenderContext,
  t: NamedStrings,
  row: UrlServerRow,
  path: string,
  edit: EditExtras,
): TemplateResult {
  const auth = shownAuth(row);
  const at = path + '/auth';
  const set = (next: McpAuth, field: string, after?: EditAfter) => edit(row.id, { ...row.x, auth: next }, field, after);
  const id = (field: string) => domId(row.id, 'auth-' + field);
  const text = (
    field: 'value' | 'header_name' | 'username' | 'password',
    label: string,
    secret: boolean,
    hint?: string,
  ) =>
    input(ctx, t, {
      id: id(field),
      path,
      label,
      value: String(readOwn(auth, field) ?? ''),
      secret,
      hint,
      rowId: row.id,
      field: 'auth/' + field,
      onInput: (value) => set({ ...auth, [field]: value } as McpAuth, 'auth/' + field),
    });
  let fields: unknown = nothing;
  if (auth.strategy === 'api_key')
    fields = [text('value', t.value, true), text('header_name', t.headerName, false, t.headerNameHint)];
  else if (auth.strategy === 'bearer') fields = text('value', t.value, true);
  else if (auth.strategy === 'basic')
    fields = [text('username', t.username, false), text('password', t.password, true)];
  else if (auth.strategy === 'header')
    fields = mapEditor(
      ctx,
      t,
      { row, path, field: 'auth/headers', label: t.authHeaders, map: auth.headers, secret: true },
      (headers, field, after) => set({ strategy: 'header', headers }, field, after),
    );
  else if (auth.strategy === 'oauth2') fields = html`<p class="hint" id=${id('kept')}>${t.oauth2Kept}</p>`;
  const error = errorText(ctx, row.id, ['auth']);
  const described = [auth.strategy === 'oauth2' ? id('kept') : '', error ? id('error') : ''].filter(Boolean).join(' ');
  return html`<fieldset class="auth wide" data-path=${at}>
    <legend>${t.auth}</legend>
    <div class="field">
      <label for=${id('strategy')}>${t.authMethod}</label>
      <select
        id=${id('strategy')}
        data-path=${at + '/strategy'}
        aria-disabled=${auth.strategy === 'oauth2' ? 'true' : nothing}
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${described || nothing}
        @change=${(e: Event) => {
          // OAuth 2.0 is set up elsewhere: it stays as stored (the select stays reachable, to read).
          const select = e.target as HTMLSelectElement;
          if (auth.strategy === 'oauth2') select.value = 'oauth2';
          else set(switchAuth(row, select.value as AuthStrategy, auth), 'auth');
        }}
      >
        ${(auth.strategy === 'oauth2' ? [...EDITABLE, 'oauth2' as const] : EDITABLE).map(
          (s) => html`<option value=${s} ?selected=${s === auth.strategy}>${t.strategies[s]}</option>`,
        )}
      </select>
      ${error ? html`<p class="error" id=${id('error')}>${error}</p>` : nothing}
    </div>
    ${fields}
  </fieldset>`;
}

function enabledBox(
  ctx: RenderContext,
  t: NamedStrings,
  row: UrlServerRow | StdioServerRow,
  path: string,
  edit: EditExtras,
): TemplateResult | typeof nothing {
  // Only where the server stores it: `enabled` is not in every version's model (CURRENT-SERVERS.md
  // 3.3), and one that forbids unknown fields would refuse every save with it.
  if (!row.x || !('enabled' in row.x)) return nothing;
  const id = domId(row.id, 'enabled');
  const error = errorText(ctx, row.id, ['enabled']);
  return html`<div class="field check">
    <input
      id=${id}
      type="checkbox"
      data-path=${path + '/enabled'}
      aria-invalid=${error ? 'true' : nothing}
      aria-describedby=${error ? id + '-error' : nothing}
      .checked=${live(row.x?.enabled !== false)}
      @change=${(e: Event) => edit(row.id, { ...row.x, enabled: (e.target as HTMLInputElement).checked }, 'enabled')}
    /><label for=${id}>${t.enabled}</label>
    ${error ? html`<p class="error" id=${id + '-error'}>${error}</p>` : nothing}
  </div>`;
}

/**
 * How a value the server read back masked shows in a field of the card's own (an environment
 * variable's): empty, saying it is stored; typing replaces it. Null for any other value.
 */
export function maskedView(t: ProviderSettingsStrings): (value: string) => { value: string; hint: string } | null {
  const hint = t.named.stored ?? defaultNamedStrings.stored;
  return (value) => (isMasked(value) ? { value: '', hint } : null);
}

function withoutName(x: ServerExtras | undefined, name: string): ServerExtras {
  const rest = { ...x };
  delete rest.name;
  return name === '' ? rest : { ...rest, name };
}

/** "Test connection" and its result (a live region, there before any result so that it is announced). */
function testPart(t: NamedStrings, row: UrlServerRow | StdioServerRow, tests: McpTests): TemplateResult {
  const { running, result } = tests.state(row);
  const id = domId(row.id, 'test');
  return html`<div class="test">
    <button
      type="button"
      aria-disabled=${running ? 'true' : nothing}
      aria-describedby=${id}
      @click=${() => running || void tests.run(row)}
    >
      ${t.test}
    </button>
    <p class="hint" id=${id} role="status">${running ? t.testing : result ? t.testResult(result) : ''}</p>
  </div>`;
}

/**
 * What a card shows of `x`: a URL server's name, auth and headers, the enabled switch of every
 * server, and its connection test. `path`: the server's pointer.
 */
export function extrasTemplate(
  ctx: RenderContext,
  row: UrlServerRow | StdioServerRow,
  path: string,
  edit: EditExtras,
  tests: McpTests,
): TemplateResult {
  const t: NamedStrings = { ...defaultNamedStrings, ...ctx.t.named };
  if (!('url' in row)) return html`${enabledBox(ctx, t, row, path, edit)} ${testPart(t, row, tests)}`;
  return html`${input(ctx, t, {
    id: domId(row.id, 'x-name'),
    path,
    label: t.name,
    value: row.x?.name ?? '',
    rowId: row.id,
    field: 'name',
    // An emptied name is no name (the server is then named after its host), not a key of "".
    onInput: (name) => edit(row.id, withoutName(row.x, name), 'name'),
  })}
    ${authEditor(ctx, t, row, path, edit)}
    ${mapEditor(
      ctx,
      t,
      { row, path, field: 'headers', label: t.headers, map: row.x?.headers, secret: false },
      (headers, field, after) => edit(row.id, { ...row.x, headers }, field, after),
    )}
    ${enabledBox(ctx, t, row, path, edit)} ${testPart(t, row, tests)}`;
}
