import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ConnectionOptions } from '../contract/http.js';
import type { SaveOutcome } from '../contract/result.js';
import type { ProviderSettingsBody, StoredSettings } from '../contract/schema.js';
import { DEFAULT_PROVIDERS, type ServerKind } from '../model/draft.js';
import { FormModel } from '../model/form-model.js';
import {
  type FailedOutcome,
  ProviderSettingsChangeEvent,
  ProviderSettingsDirtyEvent,
  ProviderSettingsFailedEvent,
  ProviderSettingsSavedEvent,
  ProviderSettingsSubmitEvent,
} from './events.js';
import type { StoredSettingsLoad } from './load-task.js';
import type { McpTools } from './mcp-tools.js';
import type { SaveController } from './save-controller.js';
import { errorMessage, type FormFailure } from './texts.js';
import { styles } from './provider-settings.styles.js';
import { defaultStrings, type ProviderSettingsStrings } from './strings.js';
import type { RenderContext } from './templates/context.js';
import { errorOpened, mcpSection } from './templates/mcp.js';
import { providersSection } from './templates/providers.js';
import { secretFormElements, secretForms } from './templates/secret-forms.js';
import { SUMMARY_LIMIT } from './templates/summary.js';

/**
 * Attributes a framework may write the session key into: `session-key` (a kebab-case binding)
 * and `sessionkey` (a camelCase one, lower-cased by the HTML parser).
 */
const SESSION_KEY_ATTRIBUTES = ['session-key', 'sessionkey'];

const listConverter = {
  fromAttribute: (value: string | null): string[] =>
    value === null ? [...DEFAULT_PROVIDERS] : value.split(/[\s,]+/).filter(Boolean),
  toAttribute: (value: readonly string[]): string => value.join(','),
};

/**
 * The checks and the save path (zod and the schema, request, answer reading, redaction, the load
 * of `autoload`, the review's texts) are a module of their own, loaded the first time the person
 * edits the form, saves, or the element loads the stored settings: a page that only shows the
 * form never loads it. In the self-contained build it is a separate file next to the entry,
 * fetched relative to it.
 */
let saveModule: Promise<typeof import('./on-demand.js')> | undefined;
/** The module once loaded, for what renders synchronously: the failure sentences. */
let loadedSave: OnDemand | undefined;
type OnDemand = typeof import('./on-demand.js');
/** Loads the save module; a failed load is tried again next time. */
const loadSaveModule = () =>
  (saveModule ??= import('./on-demand.js').then(
    (m) => (loadedSave = m),
    (error: unknown) => {
      saveModule = undefined;
      throw error;
    },
  ));
/** What a request ends with when the save module could not be loaded. */
const NOT_LOADED: FormFailure & { kind: 'network' } = { kind: 'network', message: 'The request could not be made.' };

/** A save that sent nothing and stored nothing. */
const notSent = (message: string): SaveOutcome => ({ kind: 'aborted', message, stored: [], notStored: [] });

/**
 * The sentence for a failure that is about no field. Every such failure is an answer of the save
 * module, so it is loaded by then; if it could not be loaded at all, its English sentence is shown.
 */
const failureSentence = (t: ProviderSettingsStrings, failure: FormFailure): string =>
  loadedSave?.failureText(t, failure) ?? failure.message;

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
 * @fires provider-settings-dirty - `dirty` flipped: unsaved changes appeared or went (an edit, an undo, a save, a reset, new `settings` or `value`). `dirty`.
 *
 * @attribute dirty - Present while the form differs from what is stored (set by the element, for CSS: `openhands-provider-settings[dirty]`).
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
 * @csspart review - The review of what a save will change (`review` attribute): a group that takes focus.
 * @csspart mcp-tools - The MCP section's import and export panel ("Import / export"): a group that takes focus.
 * @csspart load-error - The stored settings could not be loaded (`autoload`), with a Retry button.
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

  /**
   * The reactive properties (as `static properties` rather than decorators: the same accessors,
   * without the decorator code in the bundle). Accessors the class defines itself (`providers`,
   * `settings`, `value`) are wrapped by Lit, which requests an update after their setter.
   */
  static override properties = {
    baseUrl: { attribute: 'base-url' },
    sessionKey: { attribute: false },
    noValidate: { type: Boolean, attribute: 'novalidate' },
    timeout: { type: Number },
    credentials: {},
    disabled: { type: Boolean, reflect: true },
    allowInsecureHttp: { type: Boolean, attribute: 'allow-insecure-http' },
    theme: { reflect: true },
    strings: { attribute: false },
    review: { type: Boolean },
    autoload: { type: Boolean },
    guardUnsaved: { type: Boolean, attribute: 'guard-unsaved' },
    providers: { converter: listConverter },
    settings: { attribute: false },
    value: { attribute: false },
  };

  /** Where the OpenHands API lives (`https://host` or `https://host/prefix/`); `""` means this page's origin. */
  baseUrl = '';

  /**
   * The session key, sent as `X-Session-API-Key`. Property only: never an attribute, never
   * reflected, never in an event or a message. Declared as a property (`attribute: false`) so it
   * is an accessor on the prototype: wrappers that look there (`@lit/react`, React 18) then set it
   * as a property instead of writing it into an attribute.
   */
  sessionKey: string | null = null;

  /** Skip the form's own checks on save, so the server's validation answers (as on an HTML form). */
  noValidate = false;

  /** Milliseconds before a save is abandoned and reported as a timeout. */
  timeout = 30_000;

  /** `fetch` credentials mode: `same-origin` (default), `include` or `omit`. */
  credentials: RequestCredentials = 'same-origin';

  /** Disables every control. */
  disabled = false;

  /** Allow a plain `http:` base URL to a host other than loopback (secrets would travel unencrypted). */
  allowInsecureHttp = false;

  /**
   * `light` or `dark` forces that colour scheme; absent (the default), the element follows the
   * page's `prefers-color-scheme`. Custom properties (`--ohps-*`) override either.
   */
  theme: 'light' | 'dark' | undefined = undefined;

  /** Text overrides: any visible string of the element. */
  strings: Partial<ProviderSettingsStrings> = {};

  /**
   * Save first shows what the save will change (tokens added, replaced or removed, hosts, MCP
   * servers), with "Save these changes" and "Back to editing"; a save that changes nothing says so
   * and sends nothing. `submit()` saves without the review.
   */
  review = false;

  /**
   * Load the stored settings with `GET /api/settings` (again when `base-url` or `sessionKey`
   * change). While loading, and when the load failed (with a Retry button), nothing can be saved:
   * a save on an unknown baseline could delete stored tokens. A 404 `{"error"}` means nothing is
   * stored yet. After each save it loads again in the background, the form staying usable.
   */
  autoload = false;

  /** While the form has unsaved changes, leaving the page asks first (`beforeunload`). */
  guardUnsaved = false;

  private readonly model = new FormModel({ providers: DEFAULT_PROVIDERS });
  private _providers: string[] = [...DEFAULT_PROVIDERS];
  private _settings: StoredSettings | null = null;
  /** The object last given to `value`, so that giving it again changes nothing. */
  private lastValue: unknown = undefined;
  private revealed = new Set<string>();
  /** Server cards open in a long list: opened by the person, or by an error (templates/mcp.ts). */
  private expanded = new Set<string>();
  /** The errors' revision when the cards with errors were last added to `expanded`. */
  private openedAt = -1;
  /** The text of the server filter of a long list. */
  private filter = '';
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
  /** What to announce once the update is rendered (a move: the row's name at its new place). */
  private announceAfterUpdate: (() => string) | null = null;
  private inflight: Promise<SaveOutcome> | null = null;
  /** A save waits for the checks to load (the first one, when nothing was edited before). */
  private checking = false;
  /** The open review panel (`review`), or null. */
  private reviewing: TemplateResult | null = null;
  /** The MCP import and export panel, once opened (it is loaded on demand). */
  private tools?: McpTools;
  /** `dirty` as last announced (event, attribute, unload guard). */
  private wasDirty = false;
  private guarded = false;
  private readonly onBeforeUnload = (event: Event) => event.preventDefault();

  /**
   * `autoload`: `GET /api/settings`, run again when `base-url`, `sessionKey` or `autoload` change
   * (load-task.ts). Created the first time `autoload` is set, so an element without it runs no
   * task at all.
   */
  private loader?: StoredSettingsLoad;
  /** `autoload` could not start: the on-demand module (the request, the Task class) did not load. */
  private loadUnavailable = false;

  /** The save (save-controller.ts), made with the first one: it comes with the on-demand module. */
  private saver: SaveController | null = null;
  /** The save is waiting for the person to confirm replacing a token set the form cannot see. */
  private confirmingReplace = false;
  /** The last save stored one part and not the other: its sentence leads the error summary. */
  private partial = false;

  private saverWith(m: OnDemand): SaveController {
    return (this.saver ??= new m.SaveController(this, {
      model: this.model,
      api: m.v0Api(
        (signal) => this.connection(signal),
        () => this.model.providers,
      ),
      takeStored: (settings) => this.setStored(settings, true),
      // The outcome is put in place before the render the task's completion asks for, so one
      // render shows it: on a form with a thousand servers each render of it costs tens of ms.
      settle: (outcome) => this.settleSave(outcome),
    }));
  }

  /** Where and how both requests go. */
  private connection(signal: AbortSignal): ConnectionOptions {
    return {
      baseUrl: this.baseUrl,
      sessionKey: this.sessionKey,
      signal,
      timeoutMs: this.timeout,
      credentials: this.credentials,
      allowInsecureHttp: this.allowInsecureHttp,
    };
  }

  /** Which provider sections to show, in order (attribute: comma- or space-separated). Stored providers are always shown too. */
  get providers(): string[] {
    return this._providers;
  }
  set providers(value: readonly string[] | null | undefined) {
    const old = this._providers;
    this._providers = Array.isArray(value)
      ? value.filter((p) => typeof p === 'string' && p !== '')
      : [...DEFAULT_PROVIDERS];
    this.model.setProviders(this._providers);
    this.requestUpdate('providers', old);
  }

  /**
   * What the server has stored, shaped like `GET /api/settings` (`provider_tokens_set`,
   * `mcp_config`). Setting it makes it the form's baseline; what the person already typed is kept.
   */
  get settings(): StoredSettings | null {
    return this._settings;
  }
  set settings(value: StoredSettings | null) {
    // The same object again is no change: React sets every prop on every render, and taking an
    // old object as the baseline again would undo what a save since has stored.
    if (value === this._settings) return;
    this.setStored(value);
    this.clearFeedback();
  }

  /**
   * The new baseline (typed values survive), from the `settings` setter, `autoload` or the load
   * before a save. `notFound`: a load answered 404 (`value` null), which says no MCP servers are
   * stored and nothing about the tokens.
   */
  private setStored(value: StoredSettings | null, notFound = false): void {
    const old = this._settings;
    this._settings = value ?? null;
    if (notFound && value === null) this.model.settingsNotFound();
    else this.model.setSettings(this._settings);
    this.requestUpdate('settings', old);
    this.checkAheadInSlices();
  }

  /** The request body the form stands for (get), or new form content (set). */
  get value(): ProviderSettingsBody {
    return this.model.toBody();
  }
  set value(body: unknown) {
    // The same object again is no change (a React prop set on every render).
    if (body === this.lastValue && body !== undefined) return;
    this.lastValue = body;
    this.model.setValue(body);
    this.clearFeedback();
    this.requestUpdate();
    this.checkAheadInSlices();
  }

  /** True when the form differs from what is stored (also the `dirty` attribute, and the `provider-settings-dirty` event when it flips). */
  get dirty(): boolean {
    return this.model.dirty;
  }

  /** True while a save is in flight (from the call, while the checks load, to the answer). */
  get saving(): boolean {
    return this.checking || (this.saver?.pending ?? false);
  }

  /**
   * `session-key` is watched only to take a secret out of the DOM: a framework binding written in
   * kebab case (Vue's `:session-key`) sets an attribute, where anyone reading the DOM could see it.
   * The value is not used: by now a DOM observer may have recorded it, and a form that quietly
   * works would hide that. The save fails as unauthorized and the warning says why.
   */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, ...SESSION_KEY_ATTRIBUTES];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!SESSION_KEY_ATTRIBUTES.includes(name)) return super.attributeChangedCallback(name, old, value);
    if (value !== null) this.scrubSessionKeyAttributes();
  }

  /** Removes every attribute that is `session-key` or `sessionkey` in any case (an XML document keeps case). */
  private scrubSessionKeyAttributes(): void {
    for (const name of this.getAttributeNames()) {
      if (!SESSION_KEY_ATTRIBUTES.includes(name.toLowerCase())) continue;
      this.removeAttribute(name);
      console.warn(
        `<openhands-provider-settings>: removed the ${name} attribute, unused: the page could read it. Set the sessionKey property, after registering the element.`,
      );
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.scrubSessionKeyAttributes();
    // Back in the page: a load that disconnecting aborted runs again.
    if (this.hasUpdated && this.autoload) void this.loader?.run();
    this.syncGuard();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the page cancels the load (and, through its controller, the save): nothing runs for
    // an element nobody sees.
    this.loader?.abort();
    this.syncGuard();
  }

  /** The `beforeunload` guard is on while `guard-unsaved` is set, the form is dirty and the element is in the page. */
  private syncGuard(): void {
    const on = this.guardUnsaved && this.isConnected && this.model.dirty;
    if (on === this.guarded) return;
    this.guarded = on;
    if (on) window.addEventListener('beforeunload', this.onBeforeUnload);
    else window.removeEventListener('beforeunload', this.onBeforeUnload);
  }

  /** Whether the stored settings are still unknown (`autoload` loading or failed): saving is off. */
  private get unloaded(): boolean {
    return this.autoload && !this.loader?.loaded;
  }

  /**
   * Runs the form's checks, shows every problem and resolves to whether the form is valid. It is
   * asynchronous because the checks load with the on-demand module (at the first edit, usually
   * long before); it rejects only when that module cannot be loaded.
   */
  validate(): Promise<boolean> {
    // Checked at once when the checks are here, so the errors are in place before this returns.
    const loading = this.loadChecks();
    return loading ? loading.then(() => this.validateNow()) : Promise.resolve(this.validateNow());
  }

  private validateNow(): boolean {
    const revision = this.model.errorsRevision;
    const valid = this.model.validateAll();
    // Re-render only when what is shown changes: on a large valid form a render is most of the cost.
    if (this.showSummary !== !valid || this.model.errorsRevision !== revision) this.requestUpdate();
    this.showSummary = !valid;
    return valid;
  }

  /** Gives the model the contract's checks, loading them first if they are not here yet. */
  private loadChecks(): Promise<void> | void {
    if (this.model.canValidate) return;
    if (loadedSave) return this.handChecks(loadedSave);
    return loadSaveModule().then((m) => this.handChecks(m));
  }

  private handChecks(m: typeof import('./on-demand.js')): void {
    if (this.model.canValidate) return;
    this.model.useChecks(m.CONTRACT_CHECKS);
    this.checkAheadInSlices();
  }

  /** Checks the servers in the background once the checks are here (check-ahead.ts): nothing shown changes. */
  private checkAheadInSlices(): void {
    loadedSave?.checkAheadInSlices(this.model, () => this.isConnected);
  }

  /** Discards what was typed and returns to the stored state. */
  reset(): void {
    this.model.reset();
    this.revealed.clear();
    this.touched.clear();
    this.expanded.clear();
    this.confirming = null;
    this.clearFeedback();
    this.requestUpdate();
  }

  /**
   * Checks, then saves. Resolves to the outcome; never rejects. While a save is in flight, calling
   * it again returns the same promise (one request at a time).
   */
  submit(): Promise<SaveOutcome> {
    return this.save(false);
  }

  /**
   * `review` (the Save button of an element with the `review` attribute): the form's checks, then,
   * instead of the request, the review of what it would change (or "Nothing to save").
   * `replaceConfirmed`: the person confirmed replacing a stored token set the form cannot see.
   */
  private save(review: boolean, replaceConfirmed = false): Promise<SaveOutcome> {
    this.inflight ??= this.runSubmit(review, replaceConfirmed).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async runSubmit(review: boolean, replaceConfirmed: boolean): Promise<SaveOutcome> {
    this.reviewing = null;
    this.confirmingReplace = false;
    if (this.unloaded) return notSent('The stored settings are not loaded.');
    this.statusMessage = '';
    this.formFailure = null;
    this.partial = false;
    this.model.clearServerErrors();
    // The checks also place the server's errors, so every save needs them, novalidate or not; and
    // the form is busy while it makes sure it knows what is stored.
    this.checking = true;
    this.requestUpdate();
    const m = await Promise.resolve(this.loadChecks()).then(
      () => loadedSave!,
      () => null,
    );
    const saver = m && this.saverWith(m);
    const plan = saver && this.isConnected ? await saver.plan(replaceConfirmed, () => this.checksPass()) : null;
    this.checking = false;
    this.requestUpdate();
    if (!this.isConnected) return notSent('The element left the page.');
    if (!m || !saver || !plan) return this.failWith({ ...NOT_LOADED, stored: [], notStored: [] });
    switch (plan.kind) {
      case 'invalid':
        return this.invalid();
      case 'failed': {
        // A load cancelled by the element leaving the page is no failure to show.
        const { outcome } = plan;
        return outcome.kind === 'aborted' || outcome.kind === 'saved' ? outcome : this.failWith(outcome);
      }
      case 'nothing':
        return this.nothingToSave(m);
      case 'confirm-replace':
        this.confirmingReplace = true;
        this.focusAfterUpdate = () => this.renderRoot.querySelector('[part="confirm-replace"]');
        return notSent(m.NOT_SENT.confirm);
    }
    const { snapshot } = plan;
    if (review && !replaceConfirmed) {
      const panel = m.reviewPanel(html, this.t, this.model.storedState(), snapshot.body, saver.meant(snapshot));
      if (typeof panel === 'string') return this.nothingToSave(m);
      this.reviewing = panel;
      this.focusAfterUpdate = () => this.renderRoot.querySelector('[part="review"]');
      return notSent(m.NOT_SENT.review);
    }
    if (!this.dispatchEvent(new ProviderSettingsSubmitEvent(Object.keys(snapshot.body.provider_tokens))))
      return notSent(m.NOT_SENT.cancelled);
    return saver.run(snapshot);
  }

  /** The form's checks pass (or are off). */
  private checksPass(): boolean {
    return this.noValidate || this.model.validateAll();
  }

  private invalid(): SaveOutcome {
    const outcome: SaveOutcome = {
      kind: 'invalid',
      errors: this.model.listErrors().map((e) => ({ pointer: e.pointer, message: errorMessage(this.t, e) })),
      message: this.t.errorSummaryHeading(this.model.errorCount()),
      stored: [],
      notStored: [],
    };
    this.failed(outcome);
    return outcome;
  }

  private nothingToSave(m: OnDemand): SaveOutcome {
    this.statusMessage = m.nothingToSaveText(this.t);
    this.requestUpdate();
    return notSent(this.statusMessage);
  }

  /** A failure that is about no field (or about fields already given their errors). */
  private failWith(outcome: FailedOutcome): SaveOutcome {
    if (outcome.kind !== 'invalid' && outcome.kind !== 'validation') this.formFailure = outcome;
    this.failed(outcome);
    return outcome;
  }

  /** Puts the answer to a save in place: what was stored as stored, the errors on their fields and the summary. */
  private settleSave(outcome: SaveOutcome): void {
    if (outcome.kind === 'aborted' || !this.isConnected) return;
    if (outcome.stored.length > 0) {
      this.revealed.clear();
      this.touched.clear();
      void this.loader?.refresh();
    }
    if (outcome.kind === 'saved') {
      this.showSummary = false;
      this.statusMessage = this.t.saved;
      this.requestUpdate();
      this.dispatchEvent(
        new ProviderSettingsSavedEvent(
          outcome.message,
          this.model.draft.providers.filter((p) => p.stored).map((p) => p.provider),
          outcome.stored,
        ),
      );
      return;
    }
    this.partial = outcome.stored.length > 0;
    if (outcome.kind === 'validation') {
      this.model.applyServerErrors(outcome.errors);
    } else if (outcome.kind === 'token-rejected' && outcome.pointer !== null) {
      this.model.applyServerErrors([{ pointer: outcome.pointer, message: outcome.message, type: 'token_rejected' }]);
    } else if (outcome.kind !== 'invalid') {
      this.formFailure = outcome;
    }
    this.failed(outcome);
  }

  private failed(outcome: FailedOutcome): void {
    this.showSummary = true;
    this.summaryExpanded = false;
    this.focusAfterUpdate = () => this.renderRoot.querySelector('[part="error-summary"]');
    this.requestUpdate();
    this.dispatchEvent(new ProviderSettingsFailedEvent(outcome, this.model.errorCount()));
  }

  private clearFeedback(): void {
    this.reviewing = null;
    this.confirmingReplace = false;
    this.partial = false;
    this.showSummary = false;
    this.formFailure = null;
    this.statusMessage = '';
  }

  private get t(): ProviderSettingsStrings {
    return { ...defaultStrings, ...this.strings };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.model.errorsRevision !== this.openedAt) {
      this.openedAt = this.model.errorsRevision;
      for (const id of errorOpened(this.model)) this.expanded.add(id);
    }
    // Before anything of the on-demand module renders (the summary, the review, the panel): its look.
    loadedSave?.adoptOnDemandStyles(this.renderRoot);
    if (!this.autoload || this.loader || this.loadUnavailable) return;
    // Controllers' hostUpdate runs after willUpdate: the new task loads in this same update. Its
    // Task class comes with the on-demand module (as does the request): fetched first if need be.
    if (loadedSave)
      this.loader = new loadedSave.StoredSettingsLoad(
        this,
        () => [this.baseUrl, this.sessionKey, this.autoload],
        (signal) => this.connection(signal),
        (settings) => this.setStored(settings, true),
        this.model,
        (settings) => (this._settings = settings),
      );
    else
      void loadSaveModule().then(
        () => this.requestUpdate(),
        () => {
          this.loadUnavailable = true;
          this.requestUpdate();
        },
      );
  }

  /** The stored settings could not be loaded (`autoload`), and why. */
  private loadError(t: ProviderSettingsStrings, failure: FormFailure) {
    return html`<div class="summary" part="load-error" role="alert">
      <p>${t.loadFailed} ${failureSentence(t, failure)}</p>
      <button type="button" data-action="retry-load">${t.retryLoad}</button>
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const dirty = this.model.dirty;
    if (dirty !== this.wasDirty) {
      this.wasDirty = dirty;
      this.toggleAttribute('dirty', dirty);
      this.dispatchEvent(new ProviderSettingsDirtyEvent(dirty));
    }
    this.syncGuard();
    const find = this.focusAfterUpdate;
    this.focusAfterUpdate = null;
    const target = find?.();
    if (target instanceof HTMLElement) target.focus();
    const say = this.announceAfterUpdate;
    this.announceAfterUpdate = null;
    if (say) this.announce(say());
  }

  /**
   * Says `text` through the element's hidden live region (moves and removals, whose result is
   * not otherwise in words). Written directly, emptied first, so the same words twice are
   * announced twice; Lit renders the region empty and never touches its text.
   */
  private announce(text: string): void {
    const region = this.renderRoot.querySelector('#announcer');
    if (!region) return;
    region.textContent = '';
    setTimeout(() => (region.textContent = text), 100);
  }

  /** The name a row goes by: a card's legend, a variable's group label, an argument's label. */
  private rowName(id: string): string {
    const el = this.renderRoot.querySelector(`[data-row="${CSS.escape(id)}"]`);
    const named = el?.querySelector(':scope > legend') ?? (el instanceof HTMLInputElement ? el.labels?.[0] : null);
    return (named?.textContent ?? el?.getAttribute('aria-label') ?? '').trim();
  }

  override render() {
    const t = this.t;
    const saving = this.saving;
    const loading = this.loader ? this.loader.loading : this.autoload && !this.loadUnavailable;
    const ctx: RenderContext = {
      model: this.model,
      t,
      revealed: this.revealed,
      confirming: this.confirming,
      loading,
      expanded: this.expanded,
      filter: this.filter,
      secretForms: secretForms(this.model.draft),
    };
    // The live regions are always rendered, so what is written into them is announced. The form is
    // not aria-busy while it loads or saves: it stays editable.
    const status = saving ? t.saving : this.loader?.saysLoading ? t.loading : this.statusMessage;
    // The form listens for its buttons' clicks (one listener, not one per button); a button the
    // keyboard presses fires click too, so there is no key listener to add.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<form
      part="form"
      novalidate
      @submit=${this.onSubmit}
      @input=${this.onInput}
      @change=${this.onChange}
      @focusout=${this.onFocusOut}
      @click=${this.onClick}
    >
      <fieldset role="none" ?disabled=${this.disabled}>
        ${this.loadUnavailable ? this.loadError(t, NOT_LOADED) : this.loader?.failure ? this.loadError(t, this.loader.failure) : nothing}
        ${this.showSummary ? this.summary(ctx) : nothing}
        ${providersSection(ctx)}
        ${mcpSection(
          ctx,
          html`<div class="actions">
              <button type="button" data-action="mcp-tools">${t.importExport}</button>
            </div>
            ${this.tools?.render(t)}`,
        )}
        ${this.reviewing ?? nothing}
        ${this.confirmingReplace && loadedSave ? loadedSave.replacePanel(html, t) : nothing}
        <div class="actions" part="actions">
          <button
            type="submit"
            class=${this.reviewing || this.confirmingReplace ? '' : 'primary'}
            part="save-button"
            ?disabled=${this.unloaded}
            aria-disabled=${saving ? 'true' : nothing}
          >
            ${saving ? t.saving : t.save}
          </button>
          <button type="button" data-action="reset" aria-disabled=${this.model.dirty ? nothing : 'true'}>${t.reset}</button>
          <p class="status" part="status" role="status">${status}</p>
          ${
            this.statusMessage
              ? html`<button type="button" class="icon" data-action="dismiss-status" aria-label=${t.dismissStatus}>✕</button>`
              : nothing
          }
        </div>
        <p class="visually-hidden" id="announcer" role="status"></p>
      </fieldset>
    </form>${secretFormElements(ctx.secretForms.size, this.onSubmit)}`;
  }

  /**
   * The error summary (templates/summary.ts), which comes with the on-demand module: every error
   * comes from its checks or an answer it read. Only a failure to load that module shows without
   * it, as its sentence alone.
   */
  private summary(ctx: RenderContext) {
    const t = ctx.t;
    const failure = this.formFailure ? failureSentence(t, this.formFailure) : '';
    if (!loadedSave) return html`<p class="error" part="form-error" role="alert">${failure}</p>`;
    const lead = this.partial ? loadedSave.partialText(t) : '';
    return loadedSave.errorSummary(html, ctx, this.summaryExpanded, [lead, failure].filter(Boolean).join(' '));
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.save(this.review);
  }

  private onInput(event: Event): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) return;
    if (input.id === 'server-filter') {
      this.filter = input.value;
      this.requestUpdate();
      return;
    }
    const { row, field } = input.dataset;
    if (row === undefined || field === undefined) return;
    // The first edit loads the checks (and the save path): by the time a field is left or the
    // form saved, they are here.
    void Promise.resolve(this.loadChecks()).catch(() => {});
    const before = this.model.fieldValue(row, field) ?? '';
    let rerender = this.model.setField(row, field, input.value);
    this.touched.add(row + '\u0000' + field);
    // Emptiness decides which buttons a row offers; anything else needs no render per keystroke.
    if ((before === '') !== (input.value === '')) rerender = true;
    if (this.statusMessage || this.reviewing || this.confirmingReplace) {
      this.statusMessage = '';
      this.reviewing = null;
      this.confirmingReplace = false;
      rerender = true;
    }
    if (rerender) this.requestUpdate();
    this.dispatchEvent(new ProviderSettingsChangeEvent(this.model.dirty));
  }

  private onChange(): void {
    this.tools?.formChanged();
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
    const check = () => {
      if (this.model.validateField(row, field)) this.requestUpdate();
    };
    // The checks arrive with the module the first edit started loading; a field left before they
    // are here is checked when they are (the row may be gone by then: nothing to check).
    const loading = this.loadChecks();
    if (loading) loading.then(check, () => {});
    else check();
  }

  private onClick(event: MouseEvent): void {
    const button = (event.target as Element | null)?.closest?.('button[data-action]');
    if (!(button instanceof HTMLButtonElement) || button.disabled || button.ariaDisabled === 'true') return;
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
      case 'toggle-server':
        if (!this.expanded.delete(row)) this.expanded.add(row);
        // A closed card the filter does not match is no longer shown: focus goes back to the filter.
        this.focusAfterUpdate = () =>
          focusRow(row, '[data-action="toggle-server"]')() ?? this.renderRoot.querySelector('#server-filter');
        break;
      case 'add-server': {
        const id = model.addServer(kind as ServerKind);
        // Open in a long list too: it is there to be filled in.
        this.expanded.add(id);
        this.focusAfterUpdate = focusRow(id, `[data-field="${kind === 'stdio' ? 'name' : 'url'}"]`);
        break;
      }
      case 'remove-server':
      case 'remove-arg':
      case 'remove-env': {
        const next = this.neighbourAfterRemoval(button);
        this.announce(this.t.removed(this.rowName(row)));
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
        this.announceAfterUpdate = () => this.t.moved(this.rowName(row));
        // Keep focus on the moved row; if it reached an end, on its other move button.
        this.focusAfterUpdate = () =>
          this.renderRoot.querySelector(
            `button[data-row="${CSS.escape(row)}"][data-action="${action}"][data-delta="${delta}"]:not(:disabled)`,
          ) ??
          this.renderRoot.querySelector(
            `button[data-row="${CSS.escape(row)}"][data-action="${action}"]:not(:disabled)`,
          );
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
        // The next token typed there is hidden, as a new one is.
        this.revealed.delete(row);
        this.focusAfterUpdate = focusRow(row, '[data-field="token"]');
        break;
      case 'focus-error':
        // An entry of the summary, which comes with the on-demand module.
        loadedSave?.focusErrorEntry(this.renderRoot, model, Number(index));
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
          this.renderRoot.querySelector('[aria-invalid="true"]') ??
          this.renderRoot.querySelector('[part="save-button"]');
        this.requestUpdate();
        return;
      case 'retry-load':
        // Retry goes while it loads: focus goes to the providers, the first thing the load fills in.
        this.focusAfterUpdate = () => this.renderRoot.querySelector('[part="providers"]');
        if (this.loader) void this.loader.run();
        else {
          this.loadUnavailable = false;
          this.requestUpdate();
        }
        return;
      case 'replace-confirm':
      case 'replace-back':
        this.confirmingReplace = false;
        this.focusAfterUpdate = () => this.renderRoot.querySelector('[part="save-button"]');
        if (action === 'replace-confirm') void this.save(false, true);
        this.requestUpdate();
        return;
      case 'review-save':
      case 'review-back':
        this.reviewing = null;
        this.focusAfterUpdate = () => this.renderRoot.querySelector('[part="save-button"]');
        if (action === 'review-save') void this.submit();
        this.requestUpdate();
        return;
      case 'mcp-tools':
        loadSaveModule().then(
          (m) => (this.tools ??= new m.McpTools(html, this, this.model)).show(),
          () => {},
        );
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
    this.reviewing = null;
    this.confirmingReplace = false;
    this.requestUpdate();
    if (
      action !== 'toggle-reveal' &&
      action !== 'toggle-server' &&
      action !== 'remove-provider' &&
      action !== 'cancel-remove-provider'
    )
      this.dispatchEvent(new ProviderSettingsChangeEvent(model.dirty));
  }

  /** After a row goes, focus the row that takes its place, else the one before, else the list's add button. */
  private neighbourAfterRemoval(button: HTMLButtonElement): () => Element | null {
    const item = button.closest('fieldset[data-row], li');
    const sibling = item?.nextElementSibling ?? item?.previousElementSibling;
    const siblingRow = sibling?.matches('[data-row]') ? sibling : sibling?.querySelector('[data-row]');
    const siblingId = siblingRow instanceof HTMLElement ? siblingRow.dataset.row : undefined;
    const addButton = item?.parentElement
      ?.closest('[data-path]')
      ?.querySelector(':scope > .actions > button[data-action^="add-"]');
    return () => {
      if (siblingId !== undefined) {
        const row = this.renderRoot.querySelector(`[data-row="${CSS.escape(siblingId)}"]`);
        // Its first field, or in a long list, the name of a closed card.
        const input = row?.matches('input') ? row : (row?.querySelector('input') ?? row?.querySelector('.disclosure'));
        if (input) return input;
      }
      return addButton?.isConnected ? addButton : null;
    };
  }
}
