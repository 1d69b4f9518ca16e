import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { PostProviderSettingsOptions } from '../contract/http.js';
import type { InvalidResult, SaveOutcome, SubmitResult } from '../contract/result.js';
import type { ProviderSettingsBody, StoredSettings } from '../contract/schema.js';
import type { ErrorTarget, ServerKind } from '../model/draft.js';
import { FormModel } from '../model/form-model.js';
import {
  ProviderSettingsChangeEvent,
  ProviderSettingsFailedEvent,
  ProviderSettingsSavedEvent,
  ProviderSettingsSubmitEvent,
} from './events.js';
import { describeLocation } from './describe-location.js';
import { errorMessage, failureText, type FormFailure } from './texts.js';
import { styles } from './provider-settings.styles.js';
import { defaultStrings, type ProviderSettingsStrings } from './strings.js';
import type { RenderContext } from './templates/context.js';
import { mcpSection } from './templates/mcp.js';
import { providersSection } from './templates/providers.js';
import { errorSummary, SUMMARY_LIMIT, type SummaryEntry } from './templates/summary.js';

const SESSION_KEY_ATTRIBUTE = 'session-key';

export const DEFAULT_PROVIDERS: readonly string[] = ['github', 'gitlab', 'bitbucket'];

const listConverter = {
  fromAttribute: (value: string | null): string[] =>
    value === null ? [...DEFAULT_PROVIDERS] : value.split(/[\s,]+/).filter(Boolean),
  toAttribute: (value: readonly string[]): string => value.join(','),
};

/**
 * The save path (request, answer reading, redaction) is a module of its own, loaded the first
 * time the person edits the form or saves: a page that only shows the form never loads it. In the
 * self-contained build it is a separate file next to the entry, fetched relative to it.
 */
let saveModule: Promise<typeof import('../contract/save.js')> | undefined;
const loadSaveModule = () => (saveModule ??= import('../contract/save.js'));

/** The save module's `postProviderSettings`, once it is loaded (the options are read before). Never rejects. */
async function postProviderSettings(options: PostProviderSettingsOptions): Promise<SubmitResult> {
  let save: typeof import('../contract/save.js');
  try {
    save = await loadSaveModule();
  } catch {
    saveModule = undefined;
    return { kind: 'network', message: 'The request could not be made.' };
  }
  return save.postProviderSettings(options);
}

interface SaveRequest {
  body: ProviderSettingsBody;
  secrets: readonly string[];
}

/**
 * Edits the git provider tokens and MCP servers of an OpenHands server, validates them, saves them
 * with `POST /api/add-git-providers`, and shows every error the server returns on its field.
 *
 * @summary Git provider tokens and MCP servers for an OpenHands server.
 *
 * @fires provider-settings-submit - Before a request is sent; cancelable. `providers`: the provider keys it carries.
 * @fires provider-settings-saved - The server stored the providers. `message`, `storedProviders`.
 * @fires provider-settings-failed - A save did not succeed. `kind` (invalid, validation, token-rejected, unauthorized, rate-limited, server, network, timeout, refused), `message`, `status`, `errorCount`.
 * @fires provider-settings-change - The person edited the form. `dirty`.
 *
 * @csspart form - The form.
 * @csspart error-summary - The list of every current error, shown after a failed save.
 * @csspart form-error - A failure that is about no field (session key, network, server).
 * @csspart status - The saved message (a live region: it is announced).
 * @csspart providers - The git providers section.
 * @csspart provider - One provider's card.
 * @csspart stored-badge - The badge of a provider whose token is stored.
 * @csspart mcp - The MCP servers section.
 * @csspart server-list - The list of one kind of MCP server.
 * @csspart server - One MCP server's card.
 * @csspart args - A stdio server's arguments editor.
 * @csspart env - A stdio server's environment variables editor.
 * @csspart actions - The save and discard buttons.
 * @csspart save-button - The save button.
 *
 * Colours follow the page's `prefers-color-scheme` (light and dark defaults); `theme="light"` or
 * `theme="dark"` forces one. Every `--ohps-*` property below overrides both defaults.
 *
 * @cssprop --ohps-background - Background.
 * @cssprop --ohps-color - Text colour.
 * @cssprop --ohps-muted-color - Hints and empty states.
 * @cssprop --ohps-border-color - Borders of cards and inputs.
 * @cssprop --ohps-surface - Card background.
 * @cssprop --ohps-input-background - Background of text inputs (default: `--ohps-background`).
 * @cssprop --ohps-accent - The save button.
 * @cssprop --ohps-accent-color - Text on the accent colour.
 * @cssprop --ohps-danger - Errors.
 * @cssprop --ohps-success - The saved message and stored badge.
 * @cssprop --ohps-radius - Corner radius.
 * @cssprop --ohps-gap - Space between fields.
 * @cssprop --ohps-font - Font family.
 * @cssprop --ohps-focus-ring - Focus outline colour.
 */
export class OpenHandsProviderSettings extends LitElement {
  static override styles = styles;

  /** Where the OpenHands API lives (`https://host` or `https://host/prefix/`); `""` means this page's origin. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /**
   * The session key, sent as `X-Session-API-Key`. Property only: never an attribute, never
   * reflected, never in an event or a message. Declared as a property (`attribute: false`) so it
   * is an accessor on the prototype: wrappers that look there (`@lit/react`, React 18) then set it
   * as a property instead of writing it into an attribute.
   */
  @property({ attribute: false }) sessionKey: string | null = null;

  /** Skip the form's own checks on save, so the server's validation answers (as on an HTML form). */
  @property({ type: Boolean, attribute: 'novalidate' }) noValidate = false;

  /** Milliseconds before a save is abandoned and reported as a timeout. */
  @property({ type: Number }) timeout = 30_000;

  /** `fetch` credentials mode: `same-origin` (default), `include` or `omit`. */
  @property() credentials: RequestCredentials = 'same-origin';

  /** Disables every control. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Allow a plain `http:` base URL to a host other than loopback (secrets would travel unencrypted). */
  @property({ type: Boolean, attribute: 'allow-insecure-http' }) allowInsecureHttp = false;

  /**
   * `light` or `dark` forces that colour scheme; absent (the default), the element follows the
   * page's `prefers-color-scheme`. Custom properties (`--ohps-*`) override either.
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined = undefined;

  /** Text overrides: any visible string of the element. */
  @property({ attribute: false }) strings: Partial<ProviderSettingsStrings> = {};

  private readonly model = new FormModel({ providers: DEFAULT_PROVIDERS });
  private _providers: string[] = [...DEFAULT_PROVIDERS];
  private _settings: StoredSettings | null = null;
  private revealed = new Set<string>();
  private confirming: string | null = null;
  /** Fields the person has typed in: only those are checked on blur, so tabbing through is quiet. */
  private touched = new Set<string>();
  private showSummary = false;
  /** The error summary lists every problem, not only the first {@link SUMMARY_LIMIT}. */
  private summaryExpanded = false;
  /** A failure that is about no field; its text is read from `strings` when rendered. */
  private formFailure: FormFailure | null = null;
  private statusMessage = '';
  private focusAfterUpdate: (() => Element | null | undefined) | null = null;
  private inflight: Promise<SaveOutcome> | null = null;

  private readonly saveTask = new Task<readonly [SaveRequest], SubmitResult>(this, {
    autoRun: false,
    task: ([request], { signal }) =>
      postProviderSettings({
        baseUrl: this.baseUrl,
        sessionKey: this.sessionKey,
        body: request.body,
        signal,
        timeoutMs: this.timeout,
        credentials: this.credentials,
        allowInsecureHttp: this.allowInsecureHttp,
        providers: this.model.providers,
        secrets: request.secrets,
      }),
  });

  /** Which provider sections to show, in order (attribute: comma- or space-separated). Stored providers are always shown too. */
  @property({ converter: listConverter })
  get providers(): string[] {
    return this._providers;
  }
  set providers(value: readonly string[] | null | undefined) {
    const old = this._providers;
    this._providers = Array.isArray(value) ? value.filter((p) => typeof p === 'string' && p !== '') : [...DEFAULT_PROVIDERS];
    this.model.setProviders(this._providers);
    this.requestUpdate('providers', old);
  }

  /**
   * What the server has stored, shaped like `GET /api/settings` (`provider_tokens_set`,
   * `mcp_config`). Setting it makes it the form's baseline; what the person already typed is kept.
   */
  @property({ attribute: false })
  get settings(): StoredSettings | null {
    return this._settings;
  }
  set settings(value: StoredSettings | null) {
    const old = this._settings;
    this._settings = value ?? null;
    this.model.setSettings(this._settings);
    this.clearFeedback();
    this.requestUpdate('settings', old);
  }

  /** The request body the form stands for (get), or new form content (set). */
  @property({ attribute: false })
  get value(): ProviderSettingsBody {
    return this.model.toBody();
  }
  set value(body: unknown) {
    this.model.setValue(body);
    this.clearFeedback();
    this.requestUpdate();
  }

  /** True when the form differs from what is stored. */
  get dirty(): boolean {
    return this.model.dirty;
  }

  /** True while a save is in flight. */
  get saving(): boolean {
    return this.saveTask.status === TaskStatus.PENDING;
  }

  /**
   * `session-key` is watched only to take a secret out of the DOM: a framework binding written in
   * kebab case (Vue's `:session-key`) sets an attribute, where anyone reading the DOM could see it.
   * The value is not used: by now a DOM observer may have recorded it, and a form that quietly
   * works would hide that. The save fails as unauthorized and the warning says why.
   */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, SESSION_KEY_ATTRIBUTE];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name !== SESSION_KEY_ATTRIBUTE) return super.attributeChangedCallback(name, old, value);
    if (value === null) return;
    this.removeAttribute(SESSION_KEY_ATTRIBUTE);
    console.warn(
      '<openhands-provider-settings>: a session key was set as an attribute, where the page can read it; the attribute was removed and not used. Set the `sessionKey` property instead (Vue: `:sessionKey` or `.sessionKey`).',
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the page cancels the save: nothing runs for an element nobody sees.
    this.saveTask.abort();
  }

  /** Runs the form's checks, shows every problem and returns whether the form is valid. */
  validate(): boolean {
    const revision = this.model.errorsRevision;
    const valid = this.model.validateAll();
    // Re-render only when what is shown changes: on a large valid form a render is most of the cost.
    if (this.showSummary !== !valid || this.model.errorsRevision !== revision) this.requestUpdate();
    this.showSummary = !valid;
    return valid;
  }

  /** Discards what was typed and returns to the stored state. */
  reset(): void {
    this.model.reset();
    this.revealed.clear();
    this.touched.clear();
    this.confirming = null;
    this.clearFeedback();
    this.requestUpdate();
  }

  /**
   * Checks, then saves. Resolves to the outcome; never rejects. While a save is in flight, calling
   * it again returns the same promise (one request at a time).
   */
  submit(): Promise<SaveOutcome> {
    this.inflight ??= this.runSubmit().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async runSubmit(): Promise<SaveOutcome> {
    this.statusMessage = '';
    this.formFailure = null;
    this.model.clearServerErrors();
    if (!this.noValidate && !this.model.validateAll()) {
      const outcome: InvalidResult = {
        kind: 'invalid',
        errors: this.model.listErrors().map((e) => ({ pointer: e.pointer, message: errorMessage(this.t, e) })),
        message: this.t.errorSummaryHeading(this.model.listErrors().length),
      };
      this.failed(outcome);
      return outcome;
    }
    const body = this.model.toBody();
    const submitEvent = new ProviderSettingsSubmitEvent(Object.keys(body.provider_tokens));
    if (!this.dispatchEvent(submitEvent)) {
      this.requestUpdate();
      return { kind: 'aborted', message: 'The page cancelled the save.' };
    }
    this.requestUpdate();
    await this.saveTask.run([{ body, secrets: this.secrets(body) }]);
    const result: SubmitResult = this.saveTask.value ?? {
      kind: 'server',
      status: 0,
      message: 'The save failed unexpectedly.',
    };
    if (result.kind === 'aborted' || !this.isConnected) return result;
    if (result.kind === 'saved') {
      this.model.markSaved(body);
      this.revealed.clear();
      this.touched.clear();
      this.showSummary = false;
      this.statusMessage = this.t.saved;
      this.requestUpdate();
      this.dispatchEvent(
        new ProviderSettingsSavedEvent(
          result.message,
          this.model.draft.providers.filter((p) => p.stored).map((p) => p.provider),
        ),
      );
      return result;
    }
    if (result.kind === 'validation') {
      this.model.applyServerErrors(result.errors);
    } else if (result.kind === 'token-rejected' && result.pointer !== null) {
      this.model.applyServerErrors([{ pointer: result.pointer, message: result.message, type: 'token_rejected' }]);
    } else {
      this.formFailure = result;
    }
    this.failed(result);
    return result;
  }

  private failed(outcome: Exclude<SaveOutcome, { kind: 'saved' | 'aborted' }>): void {
    this.showSummary = true;
    this.summaryExpanded = false;
    this.focusAfterUpdate = () => this.renderRoot.querySelector('[part="error-summary"]');
    this.requestUpdate();
    this.dispatchEvent(new ProviderSettingsFailedEvent(outcome, this.model.listErrors().length));
  }

  /** Every secret the request carries: server text that echoes one is redacted before it is shown. */
  private secrets(body: ProviderSettingsBody): string[] {
    const secrets: string[] = [];
    if (this.sessionKey) secrets.push(this.sessionKey);
    for (const entry of Object.values(body.provider_tokens)) if (entry.token) secrets.push(entry.token);
    for (const server of [...(body.mcp_config?.sse_servers ?? []), ...(body.mcp_config?.shttp_servers ?? [])])
      if (server.api_key) secrets.push(server.api_key);
    return secrets;
  }

  private clearFeedback(): void {
    this.showSummary = false;
    this.formFailure = null;
    this.statusMessage = '';
  }

  private get t(): ProviderSettingsStrings {
    return { ...defaultStrings, ...this.strings };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const find = this.focusAfterUpdate;
    this.focusAfterUpdate = null;
    const target = find?.();
    if (target instanceof HTMLElement) target.focus();
  }

  override render() {
    const t = this.t;
    const ctx: RenderContext = { model: this.model, t, revealed: this.revealed, confirming: this.confirming };
    const saving = this.saving;
    return html`<form
      part="form"
      novalidate
      aria-busy=${saving ? 'true' : 'false'}
      @submit=${this.onSubmit}
      @input=${this.onInput}
      @focusout=${this.onFocusOut}
      @click=${this.onClick}
    >
      <fieldset ?disabled=${this.disabled}>
        ${this.showSummary ? this.summary(ctx) : nothing}
        ${providersSection(ctx)} ${mcpSection(ctx)}
        <div class="actions" part="actions">
          <button type="submit" class="primary" part="save-button" ?disabled=${saving}>
            ${saving ? t.saving : t.save}
          </button>
          <button type="button" data-action="reset">${t.reset}</button>
          <p class="status" part="status" role="status">${this.statusMessage}</p>
          ${this.statusMessage
            ? html`<button type="button" class="icon" data-action="dismiss-status" aria-label=${t.dismissStatus}>✕</button>`
            : nothing}
        </div>
      </fieldset>
    </form>`;
  }

  /** The summary lists the first {@link SUMMARY_LIMIT} errors until the person asks for all of them. */
  private summary(ctx: RenderContext) {
    const t = ctx.t;
    const errors = this.model.listErrors();
    const shown = this.summaryExpanded ? errors : errors.slice(0, SUMMARY_LIMIT);
    const entries: SummaryEntry[] = shown.map((e) => ({ location: describeLocation(e.location, t), message: errorMessage(t, e) }));
    return errorSummary(ctx, entries, errors.length, this.formFailure ? failureText(t, this.formFailure) : '');
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submit();
  }

  private onInput(event: Event): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) return;
    const { row, field } = input.dataset;
    if (row === undefined || field === undefined) return;
    void loadSaveModule().catch(() => {});
    const before = this.model.fieldValue(row, field) ?? '';
    let rerender = this.model.setField(row, field, input.value);
    this.touched.add(row + '\u0000' + field);
    // Emptiness decides which buttons a row offers; anything else needs no render per keystroke.
    if ((before === '') !== (input.value === '')) rerender = true;
    if (this.statusMessage) {
      this.statusMessage = '';
      rerender = true;
    }
    if (rerender) this.requestUpdate();
    this.dispatchEvent(new ProviderSettingsChangeEvent(this.model.dirty));
  }

  private onFocusOut(event: FocusEvent): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) return;
    const { row, field } = input.dataset;
    if (row === undefined || field === undefined) return;
    const key = row + '\u0000' + field;
    if (!this.touched.has(key) && this.model.errorsFor(row, field).length === 0) return;
    const next = event.relatedTarget;
    if (next instanceof HTMLButtonElement && this.renderRoot.contains(next)) {
      // Focus left for one of our buttons: check once the press is over, so a message appearing
      // above the button does not move it from under the pointer and swallow the click.
      const later = () => {
        window.removeEventListener('pointerup', later, true);
        window.removeEventListener('keyup', later, true);
        setTimeout(() => this.checkField(row, field));
      };
      window.addEventListener('pointerup', later, true);
      window.addEventListener('keyup', later, true);
      return;
    }
    this.checkField(row, field);
  }

  private checkField(row: string, field: string): void {
    if (this.model.validateField(row, field)) this.requestUpdate();
  }

  private onClick(event: MouseEvent): void {
    const button = (event.target as Element | null)?.closest?.('button[data-action]');
    if (!(button instanceof HTMLButtonElement) || button.disabled) return;
    const { action, row = '', kind, delta, index } = button.dataset;
    const model = this.model;
    const focusRow = (id: string, selector: string) => () =>
      this.renderRoot.querySelector(`[data-row="${CSS.escape(id)}"]${selector}`);
    switch (action) {
      case 'reset':
        this.reset();
        return;
      case 'toggle-reveal':
        if (!this.revealed.delete(row)) this.revealed.add(row);
        break;
      case 'add-server': {
        const id = model.addServer(kind as ServerKind);
        this.focusAfterUpdate = focusRow(id, `[data-field="${kind === 'stdio' ? 'name' : 'url'}"]`);
        break;
      }
      case 'remove-server':
      case 'remove-arg':
      case 'remove-env': {
        const next = this.neighbourAfterRemoval(button);
        if (action === 'remove-server') model.removeServer(row);
        else if (action === 'remove-arg') model.removeArg(row);
        else model.removeEnv(row);
        this.focusAfterUpdate = next;
        break;
      }
      case 'move-server':
      case 'move-arg': {
        const step = Number(delta);
        if (action === 'move-server') model.moveServer(row, step);
        else model.moveArg(row, step);
        // Keep focus on the moved row; if it reached an end, on its other move button.
        this.focusAfterUpdate = () =>
          this.renderRoot.querySelector(
            `button[data-row="${CSS.escape(row)}"][data-action="${action}"][data-delta="${delta}"]:not(:disabled)`,
          ) ?? this.renderRoot.querySelector(`button[data-row="${CSS.escape(row)}"][data-action="${action}"]:not(:disabled)`);
        break;
      }
      case 'add-arg': {
        const id = model.addArg(row);
        this.focusAfterUpdate = focusRow(id, '[data-field="value"]');
        break;
      }
      case 'add-env': {
        const id = model.addEnv(row);
        this.focusAfterUpdate = focusRow(id, '[data-field="[key]"]');
        break;
      }
      case 'remove-provider':
        this.confirming = row;
        this.focusAfterUpdate = focusRow(row, '[data-action="cancel-remove-provider"]');
        break;
      case 'cancel-remove-provider':
        this.confirming = null;
        this.focusAfterUpdate = focusRow(row, '[data-action="remove-provider"]');
        break;
      case 'confirm-remove-provider':
        this.confirming = null;
        model.removeProvider(row);
        this.focusAfterUpdate = focusRow(row, '[data-action="restore-provider"]');
        break;
      case 'restore-provider':
        model.restoreProvider(row);
        this.focusAfterUpdate = focusRow(row, '[data-field="token"]');
        break;
      case 'clear-provider':
        model.clearProvider(row);
        this.focusAfterUpdate = focusRow(row, '[data-field="token"]');
        break;
      case 'focus-error':
        this.focusError(Number(index));
        return;
      case 'show-all-errors':
        // The button goes; focus moves to the first entry it brought in, where reading left off.
        this.summaryExpanded = true;
        this.focusAfterUpdate = () =>
          this.renderRoot.querySelector(`[part="error-summary"] button[data-index="${SUMMARY_LIMIT}"]`) ??
          this.renderRoot.querySelector('[part="error-summary"]');
        this.requestUpdate();
        return;
      case 'dismiss-summary':
        // The fields keep their errors; focus goes to the first of them, else to Save.
        this.showSummary = false;
        this.summaryExpanded = false;
        this.formFailure = null;
        this.focusAfterUpdate = () =>
          this.renderRoot.querySelector('[aria-invalid="true"]') ?? this.renderRoot.querySelector('[part="save-button"]');
        this.requestUpdate();
        return;
      case 'dismiss-status':
        this.statusMessage = '';
        this.focusAfterUpdate = () => this.renderRoot.querySelector('[part="save-button"]');
        this.requestUpdate();
        return;
      default:
        return;
    }
    this.statusMessage = '';
    this.requestUpdate();
    if (action !== 'toggle-reveal' && action !== 'remove-provider' && action !== 'cancel-remove-provider')
      this.dispatchEvent(new ProviderSettingsChangeEvent(model.dirty));
  }

  /** After a row goes, focus the row that takes its place, else the one before, else the list's add button. */
  private neighbourAfterRemoval(button: HTMLButtonElement): () => Element | null {
    const item = button.closest('fieldset[data-row], li');
    const sibling = item?.nextElementSibling ?? item?.previousElementSibling;
    const siblingRow = sibling?.matches('[data-row]') ? sibling : sibling?.querySelector('[data-row]');
    const siblingId = siblingRow instanceof HTMLElement ? siblingRow.dataset.row : undefined;
    const addButton = item?.parentElement?.closest('[data-path]')?.querySelector(':scope > .actions > button[data-action^="add-"]');
    return () => {
      if (siblingId !== undefined) {
        const row = this.renderRoot.querySelector(`[data-row="${CSS.escape(siblingId)}"]`);
        const input = row?.matches('input') ? row : row?.querySelector('input');
        if (input) return input;
      }
      return addButton?.isConnected ? addButton : null;
    };
  }

  private focusError(index: number): void {
    const entry = this.model.listErrors()[index];
    if (!entry) return;
    const pointer = this.model.pointerOf(entry.target) ?? entry.pointer;
    const el = this.elementFor(entry.target, pointer);
    if (el instanceof HTMLElement) el.focus();
  }

  /** The rendered element an error belongs to: its control, else its nearest rendered ancestor. */
  private elementFor(target: ErrorTarget, pointer: string): Element | null {
    const byRow = this.renderRoot.querySelector(
      `[data-row="${CSS.escape(target.rowId)}"][data-field="${CSS.escape(target.field)}"]`,
    );
    if (byRow) return byRow;
    let path: string = pointer;
    while (path !== '') {
      const el = this.renderRoot.querySelector(`[data-path="${CSS.escape(path)}"]`);
      if (el) return el;
      path = path.slice(0, path.lastIndexOf('/'));
    }
    return this.renderRoot.querySelector('[part="error-summary"]');
  }
}
