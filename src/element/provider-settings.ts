import { LitElement, type PropertyValues } from 'lit';
import type { ApiChoice, ApiConnection, ApiKind } from '../contract/settings-api.js';
import type { SaveOutcome } from '../contract/result.js';
import type { ProviderSettingsBody, StoredSettings } from '../contract/schema.js';
import { DEFAULT_PROVIDERS } from '../model/draft.js';
import { FormModel } from '../model/form-model.js';
import type { ViewState } from './actions.js';
import { AutoloadController } from './controllers/autoload.js';
import { ChecksController } from './controllers/checks.js';
import { FocusController } from './controllers/focus.js';
import { loadOnDemand, onDemand } from './controllers/on-demand.js';
import { SaveFlowController } from './controllers/save-flow.js';
import { UnsavedChangesController } from './controllers/unsaved-changes.js';
import { ProviderSettingsApiEvent, ProviderSettingsChangeEvent } from './events.js';
import { formListeners } from './form-events.js';
import type { McpTools } from './mcp-tools.js';
import type { EditExtras } from './named/index.js';
import { styles } from './provider-settings.styles.js';
import { SESSION_KEY_ATTRIBUTES, scrubSessionKeyAttributes } from './session-key-attributes.js';
import { defaultStrings, type ProviderSettingsStrings } from './strings.js';
import type { RenderContext } from './templates/context.js';
import { formTemplate } from './templates/form.js';
import { errorOpened } from './templates/mcp.js';
import { secretForms } from './templates/secret-forms.js';

/** The module of the newer APIs' card fields (named/index.ts), loaded when one of them answers. */
type NamedModule = typeof import('./named/index.js');

const listConverter = {
  fromAttribute: (value: string | null): string[] =>
    value === null ? [...DEFAULT_PROVIDERS] : value.split(/[\s,]+/).filter(Boolean),
  toAttribute: (value: readonly string[]): string => value.join(','),
};

/**
 * Edits the git provider tokens and MCP servers of an OpenHands server, validates them, saves them
 * (OpenHands 0.53's `POST /api/add-git-providers`, the V1 app server, or the agent-server: `api`),
 * and shows every error the server returns on its field.
 *
 * @summary Git provider tokens and MCP servers for an OpenHands server.
 *
 * @fires provider-settings-submit - Before a request is sent; cancelable. `providers`: the provider keys it carries.
 * @fires provider-settings-saved - The server stored the providers. `message`, `storedProviders`.
 * @fires provider-settings-failed - A save did not succeed. `kind` (invalid, validation, token-rejected, unauthorized, rate-limited, server, network, timeout, refused), `message`, `status`, `errorCount`.
 * @fires provider-settings-change - The person edited the form. `dirty`.
 * @fires provider-settings-api - The element knows which server API it speaks (`api` set, or the one `auto` found). `api` (v0, v1, agent-server).
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
    api: {},
    authScheme: { attribute: 'auth-scheme' },
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

  /**
   * Which server API to speak: `v0` (OpenHands 0.53: `/api/add-git-providers`), `v1` (the app
   * server of OpenHands 1.x and Cloud: `/api/v1/...`), `agent-server` (local OpenHands), or `auto`
   * (the default): the one that answers, found with side-effect-free requests before the first
   * load or save and remembered per base URL. {@link serverApi} says which.
   */
  api: ApiChoice = 'auto';

  /** How `sessionKey` is sent: `session-key` (`X-Session-API-Key`, the default) or `bearer` (`Authorization: Bearer`, OpenHands Cloud's API keys). */
  authScheme: 'session-key' | 'bearer' = 'session-key';

  private found: ApiKind | null = null;
  /** The module of the newer APIs, once one of them answered: it renders what they store besides. */
  private named?: NamedModule;
  /** The servers' connection tests, once a newer API answered (named/tests.ts). */
  private tests?: InstanceType<NamedModule['McpTests']>;

  /** The server API in use: `api` once set, or the one `auto` found; null before it is known. Also the `provider-settings-api` event. */
  get serverApi(): ApiKind | null {
    return this.found ?? (this.api === 'auto' ? null : this.api);
  }

  private readonly model = new FormModel({ providers: DEFAULT_PROVIDERS });
  private _providers: string[] = [...DEFAULT_PROVIDERS];
  private _settings: StoredSettings | null = null;
  /** The object last given to `value`, so that giving it again changes nothing. */
  private lastValue: unknown = undefined;
  private readonly view: ViewState = { revealed: new Set(), expanded: new Set(), confirming: null, filter: '' };
  /** The errors' revision when the cards with errors were last opened (templates/mcp.ts). */
  private openedAt = -1;
  /** The MCP import and export panel, once opened (its own module, loaded then). */
  private tools?: McpTools;

  private readonly focusing = new FocusController(this);
  private readonly checks = new ChecksController(this, this.model);
  private readonly autoloads = new AutoloadController(this, {
    model: this.model,
    on: () => this.autoload,
    args: () => [this.baseUrl, this.sessionKey, this.autoload, this.api, this.authScheme],
    connection: (signal) => this.connection(signal),
    take: (settings) => this.setStored(settings, true),
    keep: (settings) => (this._settings = settings),
  });
  private readonly saves = new SaveFlowController(this, {
    model: this.model,
    checks: this.checks,
    focus: this.focusing,
    strings: () => this.t,
    connection: (signal) => this.connection(signal),
    noValidate: () => this.noValidate,
    unloaded: () => this.autoloads.unloaded,
    takeStored: (settings) => this.setStored(settings, true),
    stored: () => {
      this.view.revealed.clear();
      this.checks.forget();
      this.autoloads.refresh();
    },
  });

  constructor() {
    super();
    new UnsavedChangesController(this, { dirty: () => this.model.dirty, guard: () => this.guardUnsaved });
  }

  /** Where and how the requests go. */
  private connection(signal: AbortSignal): ApiConnection {
    const { baseUrl, sessionKey, timeout: timeoutMs, credentials, allowInsecureHttp, api, authScheme } = this;
    return {
      baseUrl,
      sessionKey,
      signal,
      timeoutMs,
      credentials,
      allowInsecureHttp,
      api,
      authScheme,
      found: this.onFound,
    };
  }

  private readonly editExtras: EditExtras = (rowId, x, field, after) => {
    this.model.setExtras(rowId, x, field);
    if (after?.focus) this.focusing.afterUpdateOn(after.focus);
    if (after?.say) this.focusing.announceAfter(() => after.say!);
    this.requestUpdate();
    this.edited();
    this.dispatchEvent(new ProviderSettingsChangeEvent(this.model.dirty));
  };

  /** After an edit: a refusal the edit settled goes (named/names.ts), and a test result about other content. */
  private edited(): void {
    if (this.named?.recheckContent(this.model) || this.tests?.hasResults) this.requestUpdate();
  }

  private readonly onFound = (api: ApiKind, named?: unknown): void => {
    this.named = named as NamedModule | undefined;
    this.named?.adoptNamedStyles(this.renderRoot);
    if (api === this.found) return;
    this.found = api;
    this.requestUpdate();
    this.dispatchEvent(new ProviderSettingsApiEvent(api));
  };

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
    this.saves.clear();
  }

  /** The new baseline (typed values survive). `notFound`: a load answered 404, which says no MCP servers are stored and nothing about the tokens. */
  private setStored(value: StoredSettings | null, notFound = false): void {
    const old = this._settings;
    this._settings = value ?? null;
    if (notFound && value === null) this.model.settingsNotFound();
    else this.model.setSettings(this._settings);
    this.requestUpdate('settings', old);
    this.checks.checkAhead();
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
    this.saves.clear();
    this.requestUpdate();
    this.checks.checkAhead();
  }

  /** True when the form differs from what is stored (also the `dirty` attribute, and the `provider-settings-dirty` event when it flips). */
  get dirty(): boolean {
    return this.model.dirty;
  }

  /** True while a save is in flight (from the call, while the checks load, to the answer). */
  get saving(): boolean {
    return this.saves.saving;
  }

  /**
   * `session-key` and `sessionkey` are watched only to take a secret out of the DOM
   * (session-key-attributes.ts).
   */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, ...SESSION_KEY_ATTRIBUTES];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!SESSION_KEY_ATTRIBUTES.includes(name)) return super.attributeChangedCallback(name, old, value);
    if (value !== null) scrubSessionKeyAttributes(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    scrubSessionKeyAttributes(this);
  }

  /**
   * Runs the form's checks, shows every problem and resolves to whether the form is valid. It is
   * asynchronous because the checks load with the on-demand module (at the first edit, usually
   * long before); it rejects only when that module cannot be loaded.
   */
  validate(): Promise<boolean> {
    const check = () => {
      const revision = this.model.errorsRevision;
      const valid = this.model.validateAll();
      this.saves.showValidity(valid, this.model.errorsRevision !== revision);
      return valid;
    };
    // At once when the checks are here, so the errors are in place before this returns.
    const loading = this.checks.load();
    return loading ? loading.then(check) : Promise.resolve(check());
  }

  /** Discards what was typed and returns to the stored state. */
  reset(): void {
    this.model.reset();
    this.view.revealed.clear();
    this.view.expanded.clear();
    this.view.confirming = null;
    this.checks.forget();
    this.saves.clear();
    this.requestUpdate();
  }

  /**
   * Checks, then saves. Resolves to the outcome; never rejects. While a save is in flight, calling
   * it again returns the same promise (one request at a time).
   */
  submit(): Promise<SaveOutcome> {
    return this.saves.save(false);
  }

  private get t(): ProviderSettingsStrings {
    return { ...defaultStrings, ...this.strings };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Another server, or another choice: which API answers is found again.
    if (changed.has('baseUrl') || changed.has('api')) {
      this.found = null;
      this.named = undefined;
    }
    const api = this.serverApi;
    if (api && api !== 'v0' && !this.named)
      import('./named/index.js').then(
        // Only if it is still the API in use once the module is here.
        (m) => this.serverApi === api && this.onFound(api, m),
        () => {},
      );
    // A card an error opened stays open once the error is fixed (templates/mcp.ts).
    if (this.model.errorsRevision !== this.openedAt) {
      this.openedAt = this.model.errorsRevision;
      for (const id of errorOpened(this.model)) this.view.expanded.add(id);
    }
    // Before anything of the on-demand module renders (the summary, the review, the panel): its look.
    onDemand?.adoptOnDemandStyles(this.renderRoot);
  }

  override render() {
    const t = this.t;
    const ctx: RenderContext = {
      model: this.model,
      t,
      ...this.view,
      loading: this.autoloads.loading,
      secretForms: secretForms(this.model.draft),
    };
    const { named } = this;
    if (named) {
      const tests = (this.tests ??= new named.McpTests(
        this,
        this.model,
        () => this.serverApi,
        (s) => this.connection(s),
      ));
      ctx.named = (row, path) => named.extrasTemplate(ctx, row, path, this.editExtras, tests);
      ctx.masked = named.maskedView(t);
    }
    return formTemplate(ctx, {
      disabled: this.disabled,
      saves: this.saves,
      autoloads: this.autoloads,
      tools: this.tools?.render(t),
      events: this.events,
    });
  }

  /** What the form's listeners and buttons work on (form-events.ts, actions.ts). */
  private readonly events = formListeners({
    host: this,
    model: this.model,
    view: this.view,
    focus: this.focusing,
    checks: this.checks,
    saves: this.saves,
    autoload: this.autoloads,
    t: () => this.t,
    find: (selector) => this.renderRoot.querySelector(selector),
    reset: () => this.reset(),
    review: () => this.review,
    tools: () => this.tools,
    edited: () => this.edited(),
    openTools: () =>
      void Promise.all([import('./mcp-tools.js'), loadOnDemand()]).then(
        ([m]) => (this.tools ??= new m.McpTools(this, this.model)).show(),
        () => {},
      ),
    focusError: (index) => onDemand?.focusErrorEntry(this.renderRoot, this.model, index),
  });
}
