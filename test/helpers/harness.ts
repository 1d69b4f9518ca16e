/**
 * The element as a person meets it, for tests to act through (the idea of Material Web's test
 * harnesses): a harness knows where the element's controls are and how a person uses them, so that
 * a test says what is done ("remove the stored GitLab token", "type a command into the second stdio
 * server", "press Save") and what is seen, and never names a selector. The element's markup (the
 * DOM contract of docs/ARCHITECTURE.md: `data-path`, `data-row`, `data-field`, `data-action`, the
 * parts) is known here, once.
 *
 * - Everything is looked up when it is read: what is shown changes under a test.
 * - A getter of something not shown fails with a sentence that says what is missing (never null,
 *   so that comparing where focus is with a button that is not there cannot pass); `shown` and a
 *   few other booleans (`confirming`, `removed`, `collapsible`, `canShowAll`, `dismissable`,
 *   `hasPreview`) say whether something is there, for tests that expect it not to be.
 * - A provider is its name; a server is its row, found by its place when the handle is made: the
 *   handle follows the server when it moves (its `index` and `pointer` are read anew each time).
 * - Acting waits for the element's update: `press` clicks a button (what Enter or Space on it,
 *   or a click, does), `type` types into a field and leaves it (its check runs), `fill` types and
 *   stays. `pressKey`, `typeKeys` and `clickWithMouse` go through the browser's own input (the
 *   test runner's keyboard and mouse), for tests about what real keys and clicks do.
 *
 * This module loads nothing of the element (mount it with ./element.js) and no test library, so a
 * page of its own (test/security/strict-csp-page.ts) can use it too.
 */
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { OpenHandsProviderSettings } from '../../src/index.js';

export type ServerKind = 'sse' | 'shttp' | 'stdio';
export type ServerField = 'url' | 'api_key' | 'name' | 'command';
export type ProviderField = 'token' | 'host';
export type ExportFormat = 'openhands' | 'mcpServers';
export type Tool = 'preview' | 'add' | 'copy' | 'download' | 'apply' | 'close';

const KIND_NAMES: Record<ServerKind, string> = { sse: 'SSE', shttp: 'streamable HTTP', stdio: 'stdio' };

/** An attribute value in a selector. */
const q = (value: string) => `"${CSS.escape(value)}"`;

/** A control as the DOM contract gives it: the JSON Pointer of its value in the request body. */
const atPath = (pointer: string) => `[data-path=${q(pointer)}]`;

/** A button of the form: its action (src/element/actions.ts), for a row when given. */
const action = (name: string, row?: string) =>
  `button[data-action=${q(name)}]${row === undefined ? '' : `[data-row=${q(row)}]`}`;

const text = (node: Element | null | undefined) => (node?.textContent ?? '').trim();

/** Thrown by a getter whose element is not shown; `shown` and friends turn it into false. */
class NotShown extends Error {}

/** What every harness part shares: the element, and finding things in its shadow root. */
abstract class Finder {
  constructor(readonly el: OpenHandsProviderSettings) {}

  protected get root(): ShadowRoot {
    const root = this.el.shadowRoot;
    if (!root) throw new Error('the element has no shadow root (is it defined and connected?)');
    return root;
  }

  protected maybe<T extends Element = HTMLElement>(selector: string, within: ParentNode = this.root): T | null {
    return within.querySelector<T>(selector);
  }

  protected one<T extends Element = HTMLElement>(selector: string, what: string, within: ParentNode = this.root): T {
    const found = within.querySelector<T>(selector);
    if (!found) throw new NotShown(`${what} is not shown`);
    return found;
  }

  protected all<T extends Element = HTMLElement>(selector: string, within: ParentNode = this.root): T[] {
    return [...within.querySelectorAll<T>(selector)];
  }

  /** Whether `find` finds something (a getter that fails because nothing is shown: false). */
  protected has(find: () => unknown): boolean {
    try {
      return Boolean(find());
    } catch (error) {
      if (error instanceof NotShown) return false;
      throw error;
    }
  }

  /** Clicks a button (what a click, or Enter or Space on it, does) and waits for the element's update. */
  protected async click(button: HTMLElement): Promise<void> {
    button.click();
    await this.el.updateComplete;
  }
}

/** Something the element shows or not: the status, the form error, a panel. */
class Part extends Finder {
  constructor(
    el: OpenHandsProviderSettings,
    protected readonly selector: string,
    protected readonly what: string,
  ) {
    super(el);
  }

  get element(): HTMLElement {
    return this.one(this.selector, this.what);
  }

  get shown(): boolean {
    return this.maybe(this.selector) !== null;
  }

  /** What it says, trimmed. */
  get text(): string {
    return text(this.element);
  }
}

/** The element, as a person uses it. Get one with {@link harness}. */
export class ProviderSettingsHarness extends Finder {
  /** The status line after Save and Discard ("Saving…", "Saved.", "Loading stored settings…"): a live region, always there. */
  readonly status = new StatusHarness(this.el);
  /** A failure about no field (session key, network, the server), in the error summary or on its own. */
  readonly formError = new Part(this.el, '[part="form-error"]', 'the form error');
  /** The error summary, after a save or a check that found problems. */
  readonly summary = new SummaryHarness(this.el);
  /** The review of what a save will change (the `review` attribute), before it is sent. */
  readonly review = new ReviewHarness(this.el);
  /** The question before a save replaces stored tokens the form cannot see. */
  readonly replaceConfirmation = new ReplaceHarness(this.el);
  /** A failed `autoload`, with its Retry button. */
  readonly loadError = new LoadErrorHarness(this.el);
  /** The note that the stored tokens are not known (yet). */
  readonly tokensUnknown = new Part(this.el, '[part="tokens-unknown"]', 'the note that the stored tokens are unknown');
  /** The MCP "Import / export" panel (it loads on demand). */
  readonly importExport = new ImportExportHarness(this.el);
  /** The filter of a long server list. */
  readonly filter = new FilterHarness(this.el);

  // ------------------------------------------------------------------------------ the whole form

  get form(): HTMLFormElement {
    return this.one('[part="form"]', 'the form');
  }

  /** The fieldset around every control (disabled with the element). */
  get controls(): HTMLFieldSetElement {
    return this.one('[part="form"] > fieldset', 'the form’s fieldset');
  }

  /** The git providers section (a group, focused by Retry). */
  get providersSection(): HTMLElement {
    return this.one('[part="providers"]', 'the git providers section');
  }

  get providersHeading(): HTMLElement {
    return this.one('#providers-heading', 'the git providers heading');
  }

  /** Save, Discard and the status, below the form. */
  get actions(): HTMLElement {
    return this.one('[part="actions"]', 'the actions');
  }

  get saveButton(): HTMLButtonElement {
    return this.one('[part="save-button"]', 'Save');
  }

  get discardButton(): HTMLButtonElement {
    return this.one(action('reset'), 'Discard');
  }

  /** The hidden live region that says what moving and removing did. */
  get announcer(): HTMLElement {
    return this.one('#announcer', 'the announcer');
  }

  /** The texts of the buttons drawn as the primary one (there should be one). */
  primaryButtons(): string[] {
    return this.all('button.primary').map(text);
  }

  /** Every Show / Hide button of a secret field. */
  revealButtons(): HTMLButtonElement[] {
    return this.all(action('toggle-reveal'));
  }

  /** Every message the form shows: the summary's entries, the form error, each field's and group's error. */
  messages(): HTMLElement[] {
    return this.all('[part="error-summary"] li, [part="form-error"], .error');
  }

  /** Every Clear button (a new provider with something typed). */
  clearButtons(): HTMLButtonElement[] {
    return this.all(action('clear-provider'));
  }

  /** A save is under way, as a person sees it: Save unavailable (yet focusable) and the status says so. */
  get showsSaving(): boolean {
    return this.saveButton.getAttribute('aria-disabled') === 'true' && this.status.text === 'Saving…';
  }

  /** Presses Save (the form's submit button) and waits for the update; what follows may take a round trip. */
  async save(): Promise<void> {
    await this.click(this.saveButton);
  }

  async discard(): Promise<void> {
    await this.click(this.discardButton);
  }

  // ---------------------------------------------------------------------------------- providers

  provider(name: string): ProviderHarness {
    return new ProviderHarness(this.el, name);
  }

  /** The providers shown, in order. */
  providers(): ProviderHarness[] {
    return this.all('fieldset[part="provider"]').map((card) => this.provider(card.dataset.provider!));
  }

  /** The providers shown as stored (their badge), in order. */
  storedProviders(): string[] {
    return this.providers()
      .filter((p) => p.stored)
      .map((p) => p.name);
  }

  /** Types a provider's token and leaves the field. */
  typeToken(provider: string, token: string): Promise<void> {
    return this.provider(provider).typeToken(token);
  }

  // ------------------------------------------------------------------------------------ servers

  /** The server at `index` of its kind's list (shown: a long list's filter may hide it). The handle follows it when it moves. */
  server(kind: ServerKind, index: number): ServerHarness {
    const pointer = `/mcp_config/${kind}_servers/${index}`;
    const card = this.one(`fieldset[part="server"]${atPath(pointer)}`, `${KIND_NAMES[kind]} server ${index + 1}`);
    return new ServerHarness(this.el, kind, card.dataset.row!);
  }

  /** The server cards shown, in order (every kind). */
  servers(): ServerHarness[] {
    return this.all('fieldset[part="server"]').map(
      (card) =>
        new ServerHarness(
          this.el,
          /^\/mcp_config\/(\w+)_servers\//.exec(card.dataset.path!)![1] as ServerKind,
          card.dataset.row!,
        ),
    );
  }

  serverList(kind: ServerKind): ServerListHarness {
    return new ServerListHarness(this.el, kind);
  }

  /** Presses a list's "Add … server" button; the new server, last of its list. */
  async addServer(kind: ServerKind): Promise<ServerHarness> {
    await this.serverList(kind).add();
    const list = this.el.value.mcp_config?.[`${kind}_servers`] ?? [];
    return this.server(kind, list.length - 1);
  }

  // ---------------------------------------------------------------------------- any control

  /** The input at a JSON Pointer (inputs first: an env row's group shares its value's pointer). */
  control(pointer: string): HTMLInputElement {
    return this.one(`input${atPath(pointer)}`, `the control at ${pointer}`);
  }

  /** The group (card, list, section) at a JSON Pointer. */
  group(pointer: string): HTMLElement {
    return this.one(`:not(input)${atPath(pointer)}`, `the group at ${pointer}`);
  }

  /** Every input of the form, in document order. */
  inputs(): HTMLInputElement[] {
    return this.all('input');
  }

  /** Where focus is inside the element (null: nowhere in it). */
  focused(): HTMLElement | null {
    return this.root.activeElement as HTMLElement | null;
  }

  /** The texts aria-describedby names (hint, error), joined with " | ". */
  description(target: Element): string {
    return describedBy(this.root, target)
      .map((node) => {
        if (!node.element) throw new Error(`aria-describedby names #${node.id}, which is not in the shadow root`);
        return text(node.element);
      })
      .join(' | ');
  }

  /** The error message aria-describedby names (null: none). */
  errorElement(target: Element): HTMLElement | null {
    return describedBy(this.root, target).find((node) => node.element?.classList.contains('error'))?.element ?? null;
  }

  /** The hint aria-describedby names (null: none). */
  hintElement(target: Element): HTMLElement | null {
    return describedBy(this.root, target).find((node) => node.element?.classList.contains('hint'))?.element ?? null;
  }

  /** The error messages aria-describedby names (not the hints), one per line. */
  errorOf(target: Element): string {
    return describedBy(this.root, target)
      .filter((node) => node.element?.classList.contains('error'))
      .map((node) => text(node.element))
      .join('\n');
  }

  // ------------------------------------------------------------------------------------ acting

  /** Types as a person would: focus, the text in, `input` fired, then focus leaves (the field's check runs). */
  type(input: HTMLInputElement, value: string): Promise<void> {
    return type(this.el, input, value);
  }

  /** Types without leaving the field: focus does not move, so nothing is checked on leaving. */
  async fill(input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.el.updateComplete;
  }

  /** Presses a button and waits for the update. */
  press(button: HTMLElement): Promise<void> {
    return this.click(button);
  }

  /** A key pressed on the real keyboard ('Enter', ' ', 'Tab', 'Shift+Tab', 'Escape'), then the update. */
  async pressKey(key: string): Promise<void> {
    const [modifier, pressed] = key.includes('+') && key.length > 1 ? key.split('+') : [undefined, key];
    if (modifier) await sendKeys({ down: modifier });
    await sendKeys({ press: pressed! });
    if (modifier) await sendKeys({ up: modifier });
    await this.el.updateComplete;
  }

  /** Text typed on the real keyboard where focus is, then the update. */
  async typeKeys(value: string): Promise<void> {
    await sendKeys({ type: value });
    await this.el.updateComplete;
  }

  /** A real mouse click in the middle of `target` (scrolled into view first if it is not in it). */
  async clickWithMouse(target: HTMLElement): Promise<void> {
    let box = target.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth) {
      target.scrollIntoView({ block: 'center' });
      box = target.getBoundingClientRect();
    }
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
  }

  /** Waits until `find` finds something (a harness getter that is not shown yet counts as nothing), rendering in between. */
  async waitFor<T>(find: () => T | null | undefined | false, what: string, timeout = 5000): Promise<T> {
    const end = performance.now() + timeout;
    for (;;) {
      await this.el.updateComplete;
      let found: T | null | undefined | false = null;
      try {
        found = find();
      } catch (error) {
        if (!(error instanceof NotShown)) throw error;
      }
      if (found) return found;
      if (performance.now() > end) throw new Error(`${what} did not show within ${timeout} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function describedBy(root: ShadowRoot, target: Element): { id: string; element: HTMLElement | null }[] {
  return (target.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => ({ id, element: root.getElementById(id) }));
}

// ------------------------------------------------------------------------------------ providers

/** A git provider's card: its token and host, and what can be done with a stored or typed one. */
export class ProviderHarness extends Finder {
  constructor(
    el: OpenHandsProviderSettings,
    readonly name: string,
  ) {
    super(el);
  }

  get card(): HTMLElement {
    return this.one(`fieldset[part="provider"][data-provider=${q(this.name)}]`, `the ${this.name} provider`);
  }

  /** Its row id in the form (data-row). */
  get row(): string {
    return this.card.dataset.row!;
  }

  /** Its legend: "GitHub". */
  get label(): string {
    return text(this.one(':scope > legend', `${this.name}'s legend`, this.card));
  }

  /** Shown as stored (its badge). */
  get stored(): boolean {
    return this.maybe('[part="stored-badge"]', this.card) !== null;
  }

  get token(): HTMLInputElement {
    return this.field('token');
  }

  get host(): HTMLInputElement {
    return this.field('host');
  }

  field(name: ProviderField): HTMLInputElement {
    return this.one(`input[data-row=${q(this.row)}][data-field=${q(name)}]`, `${this.name}'s ${name}`, this.card);
  }

  /** Show / Hide of the token. */
  get revealButton(): HTMLButtonElement {
    return this.one(action('toggle-reveal', this.row), `${this.name}'s Show / Hide`, this.card);
  }

  /** "Remove stored … token" (a stored provider). */
  get removeButton(): HTMLButtonElement {
    return this.one(action('remove-provider', this.row), `${this.name}'s Remove`, this.card);
  }

  /** The confirmation's "Delete on save". */
  get confirmRemoveButton(): HTMLButtonElement {
    return this.one(action('confirm-remove-provider', this.row), `${this.name}'s Delete on save`, this.card);
  }

  /** The confirmation's "Keep" (it takes focus: the safe choice). */
  get cancelRemoveButton(): HTMLButtonElement {
    return this.one(action('cancel-remove-provider', this.row), `${this.name}'s Keep`, this.card);
  }

  /** "Undo" on a provider that will be removed. */
  get restoreButton(): HTMLButtonElement {
    return this.one(action('restore-provider', this.row), `${this.name}'s Undo`, this.card);
  }

  /** "Clear …" on a new provider with something typed. */
  get clearButton(): HTMLButtonElement {
    return this.one(action('clear-provider', this.row), `${this.name}'s Clear`, this.card);
  }

  /** Asking to confirm its removal. */
  get confirming(): boolean {
    return this.has(() => this.confirmRemoveButton);
  }

  /** Removed (on the next save), with Undo. */
  get removed(): boolean {
    return this.has(() => this.restoreButton);
  }

  typeToken(token: string): Promise<void> {
    return type(this.el, this.token, token);
  }

  typeHost(host: string): Promise<void> {
    return type(this.el, this.host, host);
  }

  /** Presses "Remove stored … token": the card asks to confirm. */
  askToRemove(): Promise<void> {
    return this.click(this.removeButton);
  }

  confirmRemove(): Promise<void> {
    return this.click(this.confirmRemoveButton);
  }

  cancelRemove(): Promise<void> {
    return this.click(this.cancelRemoveButton);
  }

  /** Remove, then confirm. */
  async remove(): Promise<void> {
    await this.askToRemove();
    await this.confirmRemove();
  }

  restore(): Promise<void> {
    return this.click(this.restoreButton);
  }

  clear(): Promise<void> {
    return this.click(this.clearButton);
  }

  toggleReveal(): Promise<void> {
    return this.click(this.revealButton);
  }
}

// -------------------------------------------------------------------------------------- servers

/** One kind's list of servers: its heading, its "no servers" note, its Add button. */
export class ServerListHarness extends Finder {
  constructor(
    el: OpenHandsProviderSettings,
    readonly kind: ServerKind,
  ) {
    super(el);
  }

  get element(): HTMLElement {
    return this.one(`[part="server-list"][data-kind=${q(this.kind)}]`, `the ${KIND_NAMES[this.kind]} servers`);
  }

  /** "No SSE servers." while the list is empty, else ''. */
  get emptyNote(): string {
    return text(this.maybe(':scope > .empty', this.element));
  }

  get addButton(): HTMLButtonElement {
    return this.one(action('add-server') + `[data-kind=${q(this.kind)}]`, `Add ${KIND_NAMES[this.kind]} server`);
  }

  add(): Promise<void> {
    return this.click(this.addButton);
  }
}

/** An environment variable's row of a stdio server. */
export interface EnvRow {
  row: string;
  key: HTMLInputElement;
  value: HTMLInputElement;
  removeButton: HTMLButtonElement;
}

/** A server's card. In a long list it may be compact: its name is a button that opens it. */
export class ServerHarness extends Finder {
  constructor(
    el: OpenHandsProviderSettings,
    readonly kind: ServerKind,
    readonly row: string,
  ) {
    super(el);
  }

  private get what(): string {
    return `the ${KIND_NAMES[this.kind]} server (row ${this.row})`;
  }

  get card(): HTMLElement {
    return this.one(`fieldset[part="server"][data-row=${q(this.row)}]`, this.what);
  }

  /** Its JSON Pointer now: `/mcp_config/sse_servers/3`. */
  get pointer(): string {
    return this.card.dataset.path!;
  }

  get index(): number {
    return Number(this.pointer.slice(this.pointer.lastIndexOf('/') + 1));
  }

  /** What its card says (a compact card: its name and a line about it). */
  get text(): string {
    return this.card.textContent ?? '';
  }

  get url(): HTMLInputElement {
    return this.field('url');
  }

  get apiKey(): HTMLInputElement {
    return this.field('api_key');
  }

  get name(): HTMLInputElement {
    return this.field('name');
  }

  get command(): HTMLInputElement {
    return this.field('command');
  }

  field(name: ServerField): HTMLInputElement {
    return this.one(`input[data-row=${q(this.row)}][data-field=${q(name)}]`, `${this.what}'s ${name}`, this.card);
  }

  /** Every input of its card (none while it is closed). */
  get inputs(): HTMLInputElement[] {
    return this.all('input', this.card);
  }

  get argsGroup(): HTMLElement {
    return this.one(`[part="args"][data-row=${q(this.row)}]`, `${this.what}'s arguments`, this.card);
  }

  get envGroup(): HTMLElement {
    return this.one(`[part="env"][data-row=${q(this.row)}]`, `${this.what}'s environment`, this.card);
  }

  /** The arguments' inputs, in order. */
  get args(): HTMLInputElement[] {
    return this.all('input[data-field="value"]', this.argsGroup);
  }

  arg(index: number): HTMLInputElement {
    const found = this.args[index];
    if (!found) throw new NotShown(`argument ${index + 1} of ${this.what} is not shown`);
    return found;
  }

  removeArgButton(index: number): HTMLButtonElement {
    return this.one(action('remove-arg', this.arg(index).dataset.row!), `Remove argument ${index + 1}`, this.argsGroup);
  }

  /** The environment variables' rows, in order. */
  get env(): EnvRow[] {
    return this.all('[data-field=""][data-row]', this.envGroup).map((entry) => {
      const row = entry.dataset.row!;
      return {
        row,
        key: this.one(`input[data-field="[key]"]`, `variable ${row}'s name`, entry),
        value: this.one(`input[data-field="value"]`, `variable ${row}'s value`, entry),
        removeButton: this.one(action('remove-env', row), `variable ${row}'s Remove`, entry),
      };
    });
  }

  /** The Name / Value heads over the variables. */
  get envHead(): HTMLElement {
    return this.one('.env-head', `${this.what}'s variable heads`, this.envGroup);
  }

  get addArgButton(): HTMLButtonElement {
    return this.one(action('add-arg', this.row), `${this.what}'s Add argument`, this.card);
  }

  get addEnvButton(): HTMLButtonElement {
    return this.one(action('add-env', this.row), `${this.what}'s Add variable`, this.card);
  }

  get moveUpButton(): HTMLButtonElement {
    return this.one(`${action('move-server', this.row)}[data-delta="-1"]`, `${this.what}'s Move up`, this.card);
  }

  get moveDownButton(): HTMLButtonElement {
    return this.one(`${action('move-server', this.row)}[data-delta="1"]`, `${this.what}'s Move down`, this.card);
  }

  get removeButton(): HTMLButtonElement {
    return this.one(action('remove-server', this.row), `${this.what}'s Remove`, this.card);
  }

  /** Its name as a button that opens and closes it (a compact card of a long list). */
  get toggleButton(): HTMLButtonElement {
    return this.one(action('toggle-server', this.row), `${this.what}'s open / close button`, this.card);
  }

  /** It can be opened and closed (a long list, and no error on it). */
  get collapsible(): boolean {
    return this.has(() => this.toggleButton);
  }

  /** Its fields are shown. */
  get open(): boolean {
    return !this.collapsible || this.toggleButton.getAttribute('aria-expanded') === 'true';
  }

  type(field: ServerField, value: string): Promise<void> {
    return type(this.el, this.field(field), value);
  }

  moveUp(): Promise<void> {
    return this.click(this.moveUpButton);
  }

  moveDown(): Promise<void> {
    return this.click(this.moveDownButton);
  }

  remove(): Promise<void> {
    return this.click(this.removeButton);
  }

  /** Opens or closes a compact card. */
  toggle(): Promise<void> {
    return this.click(this.toggleButton);
  }

  /** Opens its card if it is compact and closed, as a person would to edit it. */
  async expand(): Promise<void> {
    if (!this.open) await this.toggle();
  }

  /** Presses "Add argument"; the new argument's input. */
  async addArg(): Promise<HTMLInputElement> {
    await this.click(this.addArgButton);
    return this.args.at(-1)!;
  }

  /** Presses "Add variable"; the new variable's row. */
  async addEnv(): Promise<EnvRow> {
    await this.click(this.addEnvButton);
    return this.env.at(-1)!;
  }

  removeArg(index: number): Promise<void> {
    return this.click(this.removeArgButton(index));
  }

  // What a newer server API stores for a server besides V0's fields (named/extras.ts): each
  // control found by its pointer, the card's and the field's (`name`, `auth/value`, `headers/X`).

  /** A control of what the newer APIs store, by its field under the server (`name`, `auth/strategy`, `enabled`). */
  extra<T extends HTMLInputElement | HTMLSelectElement = HTMLInputElement>(field: string): T {
    return this.one(
      `[data-path=${q(this.pointer + '/' + field)}]:is(input, select)`,
      `${this.what}'s ${field}`,
      this.card,
    ) as T;
  }

  /** The controls of what a newer API stores besides are shown (a newer API answered). */
  get showsExtras(): boolean {
    return this.has(() => this.testButton);
  }

  typeExtra(field: string, value: string): Promise<void> {
    return type(this.el, this.extra(field), value);
  }

  /** Types into a field taken when it is left (a header's name) and leaves it: `change`, as a person's edit fires. */
  async renameExtra(field: string, value: string): Promise<void> {
    const input = this.extra(field);
    await type(this.el, input, value);
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await this.el.updateComplete;
  }

  /** Picks an auth strategy (`none`, `api_key`, `bearer`, `basic`, `header`). */
  async chooseAuth(strategy: string): Promise<void> {
    const select = this.extra<HTMLSelectElement>('auth/strategy');
    select.value = strategy;
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await this.el.updateComplete;
  }

  /** Ticks or clears "Enabled". */
  async setEnabled(on: boolean): Promise<void> {
    const box = this.extra('enabled');
    if (box.checked !== on) box.click();
    await this.el.updateComplete;
  }

  /** "Test connection" on its card (a newer API that offers it). */
  get testButton(): HTMLButtonElement {
    return this.one('.test > button', `${this.what}'s Test connection`, this.card);
  }

  /** What its connection test says (a live region). */
  get testResult(): HTMLElement {
    return this.one('.test > [role="status"]', `${this.what}'s test result`, this.card);
  }

  /** Presses "Test connection" and waits until the result is shown. */
  async testConnection(timeoutMs = 5000): Promise<string> {
    await this.click(this.testButton);
    const until = Date.now() + timeoutMs;
    while (this.testButton.getAttribute('aria-disabled') === 'true' || this.testResult.textContent!.trim() === '') {
      if (Date.now() > until) throw new Error(`${this.what}'s test gave no result`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await this.el.updateComplete;
    }
    return this.testResult.textContent!.trim();
  }

  /** Presses "Add header" of the headers (`headers`) or of the secret headers (`auth/headers`). */
  async addHeader(group = 'headers'): Promise<void> {
    const list = this.one(
      `[role="group"][data-path=${q(this.pointer + '/' + group)}]`,
      `${this.what}'s ${group}`,
      this.card,
    );
    await this.click(this.one('.actions > button', `${this.what}'s Add header`, list));
  }
}

/** The filter box of a long server list (more than ten servers). */
export class FilterHarness extends Finder {
  get box(): HTMLInputElement {
    return this.one('#server-filter', 'the server filter');
  }

  get shown(): boolean {
    return this.has(() => this.box);
  }

  /** "12 of 33 servers shown" while it filters, else ''. */
  get count(): string {
    return text(this.one('.filter [role="status"]', 'the filter’s count'));
  }

  /** Types into the filter box (focus stays there). */
  async search(value: string): Promise<void> {
    const box = this.box;
    box.focus();
    box.value = value;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.el.updateComplete;
  }
}

// ------------------------------------------------------------------------------ what a save shows

class StatusHarness extends Part {
  constructor(el: OpenHandsProviderSettings) {
    super(el, '[part="status"]', 'the status');
  }

  /** The ✕ that clears "Saved." (there while the status says something a save left). */
  get dismissButton(): HTMLButtonElement {
    return this.one(action('dismiss-status'), 'the status’s dismiss button');
  }

  get dismissable(): boolean {
    return this.has(() => this.dismissButton);
  }

  dismiss(): Promise<void> {
    return this.click(this.dismissButton);
  }
}

/** The error summary: a heading that counts, an entry per problem (each moves focus to it), "Show all", ✕. */
export class SummaryHarness extends Part {
  constructor(el: OpenHandsProviderSettings) {
    super(el, '[part="error-summary"]', 'the error summary');
  }

  /** "There are 5 problems". */
  get heading(): string {
    return this.one('#summary-heading', 'the error summary’s heading', this.element).textContent ?? '';
  }

  /** The entries' buttons, in order. */
  get entries(): HTMLButtonElement[] {
    return this.shown ? this.all(action('focus-error'), this.element) : [];
  }

  /** The listed problems as they read ("SSE server 1 › URL: …"), trimmed. */
  items(): string[] {
    return this.shown ? this.all('li', this.element).map(text) : [];
  }

  get showAllButton(): HTMLButtonElement {
    return this.one(action('show-all-errors'), '“Show all”', this.element);
  }

  /** More problems than are listed: "Show all" is there. */
  get canShowAll(): boolean {
    return this.has(() => this.showAllButton);
  }

  get dismissButton(): HTMLButtonElement {
    return this.one(action('dismiss-summary'), 'the summary’s dismiss button', this.element);
  }

  /** Presses entry `index`: focus moves to what it is about. */
  goTo(index: number): Promise<void> {
    const entry = this.entries[index];
    if (!entry) throw new NotShown(`entry ${index + 1} of the error summary is not shown`);
    return this.click(entry);
  }

  showAll(): Promise<void> {
    return this.click(this.showAllButton);
  }

  dismiss(): Promise<void> {
    return this.click(this.dismissButton);
  }
}

export class ReviewHarness extends Part {
  constructor(el: OpenHandsProviderSettings) {
    super(el, '[part="review"]', 'the review');
  }

  get heading(): string {
    return this.one('#review-heading', 'the review’s heading', this.element).textContent ?? '';
  }

  /** What the save will do, one line each, in order. */
  lines(): string[] {
    return this.lineElements().map(text);
  }

  lineElements(): HTMLElement[] {
    return this.all('li', this.element);
  }

  /** The lines marked as a deletion. */
  removals(): string[] {
    return this.all('li.error', this.element).map(text);
  }

  /** Each part of the save (a heading) with how many lines it has. */
  parts(): [string, number][] {
    return this.all('h3', this.element).map((h) => [text(h), h.nextElementSibling?.querySelectorAll('li').length ?? 0]);
  }

  /** "Save these changes". */
  get saveButton(): HTMLButtonElement {
    return this.one(action('review-save'), '“Save these changes”', this.element);
  }

  /** "Back to editing". */
  get backButton(): HTMLButtonElement {
    return this.one(action('review-back'), 'the review’s “Back to editing”', this.element);
  }

  save(): Promise<void> {
    return this.click(this.saveButton);
  }

  back(): Promise<void> {
    return this.click(this.backButton);
  }
}

export class ReplaceHarness extends Part {
  constructor(el: OpenHandsProviderSettings) {
    super(el, '[part="confirm-replace"]', 'the question before replacing the stored tokens');
  }

  get confirmButton(): HTMLButtonElement {
    return this.one(action('replace-confirm'), '“Replace the stored tokens”', this.element);
  }

  get backButton(): HTMLButtonElement {
    return this.one(action('replace-back'), 'the question’s “Back to editing”', this.element);
  }

  confirm(): Promise<void> {
    return this.click(this.confirmButton);
  }

  back(): Promise<void> {
    return this.click(this.backButton);
  }
}

export class LoadErrorHarness extends Part {
  constructor(el: OpenHandsProviderSettings) {
    super(el, '[part="load-error"]', 'the load error');
  }

  get retryButton(): HTMLButtonElement {
    return this.one(action('retry-load'), 'Retry', this.element);
  }

  retry(): Promise<void> {
    return this.click(this.retryButton);
  }
}

// ------------------------------------------------------------------------- the import / export panel

export interface ImportEntry {
  label: string;
  checked: boolean;
  clash: string | null;
  notes: string[];
}

/** The MCP "Import / export" panel: import (paste or drop, preview, add), export, raw JSON. */
export class ImportExportHarness extends Part {
  constructor(el: OpenHandsProviderSettings) {
    super(el, '[part="mcp-tools"]', 'the import / export panel');
  }

  /** "Import / export", which opens the panel. */
  get openButton(): HTMLButtonElement {
    return this.one(action('mcp-tools'), '“Import / export”');
  }

  /** Presses "Import / export" and waits for the panel (the first opening in a page loads it). */
  async open(): Promise<HTMLElement> {
    this.openButton.click();
    return harness(this.el).waitFor(() => this.element, 'the import / export panel');
  }

  button(tool: Tool): HTMLButtonElement {
    return this.one(`button[data-tool=${q(tool)}]`, `the panel’s ${tool} button`, this.element);
  }

  /** Presses one of the panel's buttons. */
  use(tool: Tool): Promise<void> {
    return this.click(this.button(tool));
  }

  get importText(): HTMLTextAreaElement {
    return this.one('#mcp-import-text', 'the import text');
  }

  get fileInput(): HTMLInputElement {
    return this.one('#mcp-import-file', 'the import file input');
  }

  /** The status that says what the preview found. */
  get found(): HTMLElement {
    return this.one('#mcp-import-found', 'what the import found');
  }

  get importError(): HTMLElement {
    return this.one('#mcp-import-error', 'the import error');
  }

  get hasPreview(): boolean {
    return this.maybe('[part="mcp-tools"] .preview') !== null;
  }

  /** Pastes `value` into the import box (as typing does) and presses Preview. */
  async preview(value: string): Promise<void> {
    await harness(this.el).fill(this.importText, value);
    await this.use('preview');
  }

  /** The servers the preview found, in order. */
  entries(): ImportEntry[] {
    return this.all('.entries > li', this.element).map((li) => ({
      label: text(li.querySelector('label')),
      checked: this.checkbox(li).checked,
      clash: li.querySelector('.clash')?.textContent ?? null,
      notes: [...li.querySelectorAll('.note')].map((n) => n.textContent ?? ''),
    }));
  }

  /** The checkbox of entry `index`. */
  entryCheckbox(index: number): HTMLInputElement {
    const li = this.all('.entries > li', this.element)[index];
    if (!li) throw new NotShown(`entry ${index + 1} of the import preview is not shown`);
    return this.checkbox(li);
  }

  private checkbox(li: Element): HTMLInputElement {
    return this.one('input[type="checkbox"]', 'an entry’s checkbox', li);
  }

  /** Every note of the preview (what was converted), in order. */
  notes(): string[] {
    return this.all('.note', this.element).map((n) => n.textContent ?? '');
  }

  /** The entries left out, with why. */
  skipped(): string[] {
    return this.all('.skipped li', this.element).map((n) => n.textContent ?? '');
  }

  /** Every checkbox of the panel (the entries', then "Include secrets"). */
  checkboxes(): HTMLInputElement[] {
    return this.all('input[type="checkbox"]', this.element);
  }

  get exportFormat(): HTMLSelectElement {
    return this.one('#mcp-export-format', 'the export format');
  }

  get includeSecrets(): HTMLInputElement {
    return this.one('#mcp-export-secrets', '“Include secrets”');
  }

  get exportText(): HTMLTextAreaElement {
    return this.one('#mcp-export-text', 'the export text');
  }

  /** Chooses the format and whether secrets are in it, as a person does; what the export box then holds. */
  async export(format: ExportFormat, secrets: boolean): Promise<string> {
    const select = this.exportFormat;
    select.value = format;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const box = this.includeSecrets;
    if (box.checked !== secrets) box.click();
    await this.el.updateComplete;
    return this.exportText.value;
  }

  get rawText(): HTMLTextAreaElement {
    return this.one('#mcp-raw-text', 'the raw JSON');
  }

  get rawWarning(): HTMLElement {
    return this.one('#mcp-raw-warning', 'the raw JSON’s warning');
  }

  get rawError(): HTMLElement {
    return this.one('#mcp-raw-error', 'the raw JSON’s error');
  }

  /** The panel's own status ("Copied.", "Applied to the form."). */
  get toolStatus(): HTMLElement {
    return this.one('#mcp-tools-status', 'the panel’s status');
  }

  /** Replaces the raw JSON (as typing does) and presses Apply. */
  async applyRaw(value: string): Promise<void> {
    await harness(this.el).fill(this.rawText, value);
    await this.use('apply');
  }
}

// ---------------------------------------------------------------------------------------- typing

/** Types as a person would: value set, `input` fired, then focus leaves (blur checks run). */
export async function type(el: OpenHandsProviderSettings, input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  leave(input);
  await el.updateComplete;
}

/**
 * Moves focus away from a control. Test pages run side by side and only one has the window's
 * focus; in the others Chromium does not fire focus events, so deliver `focusout` as a focused
 * window would.
 */
export function leave(input: HTMLElement): void {
  let delivered = false;
  const seen = () => (delivered = true);
  input.addEventListener('focusout', seen, { once: true });
  input.blur();
  input.removeEventListener('focusout', seen);
  if (!delivered) input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
}

const harnesses = new WeakMap<OpenHandsProviderSettings, ProviderSettingsHarness>();

/** The harness of an element (one per element). */
export function harness(el: OpenHandsProviderSettings): ProviderSettingsHarness {
  let found = harnesses.get(el);
  if (!found) harnesses.set(el, (found = new ProviderSettingsHarness(el)));
  return found;
}
