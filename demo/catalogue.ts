/**
 * The demo catalogue: a sidebar of scenarios, and for the one shown its description, the live
 * element, a controls panel and a log of the element's events. Vanilla DOM; no framework.
 *
 * `createCatalogue(root)` builds it into any element, so the browser tests mount the very same
 * catalogue the demo page shows (test/catalogue/).
 */
import '../src/openhands-provider-settings.js';
import { getStoredSettings } from '../src/contract/http.js';
import type { ApiChoice, OpenHandsProviderSettings } from '../src/index.js';
import { closedPort, createTenant, deleteTenant, scriptResponses, type Tenant } from '../server/control-client.js';
import {
  scenarios as allScenarios,
  SESSION_KEY,
  STORED,
  type Controls,
  type Scenario,
  type Theme,
} from './scenarios.js';
import { germanStrings } from './strings-de.js';
import { HOST_PAGE_STYLES, OPENHANDS_THEME } from './themes.js';

export interface LogEntry {
  time: string;
  event: string;
  text: string;
}

export interface Shown {
  scenario: Scenario;
  el: OpenHandsProviderSettings;
  tenant: Tenant;
  /** The scenario's save, when its play saves (already settled unless `showInFlight`). */
  outcome: Promise<unknown> | undefined;
}

export interface Catalogue {
  readonly scenarios: readonly Scenario[];
  /** Shows a scenario; resolves once it shows what its description says (its save done, unless `showInFlight`). */
  show(id: string): Promise<Shown>;
  /** Changes a control as the panel does, and applies it to the live element. */
  setControl<K extends keyof Controls>(key: K, value: Controls[K]): void;
  readonly controls: Readonly<Controls>;
  readonly log: readonly LogEntry[];
  /** Removes the element and deletes the current tenant. */
  destroy(): Promise<void>;
}

const EVENTS = [
  'provider-settings-submit',
  'provider-settings-saved',
  'provider-settings-failed',
  'provider-settings-change',
  'provider-settings-dirty',
  'provider-settings-api',
] as const;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Every secret the element holds right now: the session key, typed tokens and API keys. */
function secretsOf(el: OpenHandsProviderSettings): string[] {
  const out: string[] = [];
  if (el.sessionKey) out.push(el.sessionKey);
  const body = el.value;
  for (const entry of Object.values(body.provider_tokens)) if (entry.token) out.push(entry.token);
  for (const server of [...(body.mcp_config?.sse_servers ?? []), ...(body.mcp_config?.shttp_servers ?? [])])
    if (server.api_key) out.push(server.api_key);
  return out.filter((s) => s.length > 0);
}

/** The events carry no secret by design; the log redacts anything that looks like one all the same. */
function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('•••');
  return out;
}

function describeEvent(event: Event): string {
  const e = event as Event & Record<string, unknown>;
  switch (event.type) {
    case 'provider-settings-submit':
      return `providers: ${(e.providers as string[]).join(', ') || '(none)'}`;
    case 'provider-settings-saved':
      return `“${String(e.message)}”; parts stored: ${(e.stored as string[]).join(', ')}; providers stored: ${(e.storedProviders as string[]).join(', ') || '(none)'}`;
    case 'provider-settings-failed':
      return `kind: ${String(e.kind)}, status: ${String(e.status)}, errors on fields: ${String(e.errorCount)}, parts stored: ${(e.stored as string[]).join(', ') || '(none)'}; ${String(e.message)}`;
    case 'provider-settings-change':
    case 'provider-settings-dirty':
      return `dirty: ${String(e.dirty)}`;
    case 'provider-settings-api':
      return `speaking ${String(e.api)}`;
    default:
      return '';
  }
}

function applyTheme(el: OpenHandsProviderSettings, stage: HTMLElement, theme: Theme): void {
  el.theme = theme === 'light' || theme === 'dark' ? theme : theme === 'openhands' ? 'dark' : undefined;
  for (const name of Object.keys(OPENHANDS_THEME)) el.style.removeProperty(name);
  if (theme === 'openhands')
    for (const [name, value] of Object.entries(OPENHANDS_THEME)) el.style.setProperty(name, value);
  stage.dataset.theme = theme;
}

export function applyControls(el: OpenHandsProviderSettings, stage: HTMLElement, c: Controls): void {
  el.baseUrl = c.baseUrl;
  el.sessionKey = c.sessionKey === '' ? null : c.sessionKey;
  el.providers = c.providers.split(/[\s,]+/).filter(Boolean);
  el.noValidate = c.noValidate;
  el.disabled = c.disabled;
  el.timeout = c.timeout;
  el.api = c.api;
  el.strings = c.language === 'de' ? germanStrings : {};
  el.lang = c.language;
  applyTheme(el, stage, c.theme);
}

/** What the controls panel starts with; a scenario's `controls` and its tenant's base URL go on top. */
const DEFAULT_CONTROLS: Controls = {
  baseUrl: '',
  sessionKey: SESSION_KEY,
  providers: 'github, gitlab, bitbucket',
  noValidate: false,
  disabled: false,
  theme: 'auto',
  language: 'en',
  timeout: 30_000,
  api: 'auto',
};

/** A scripted scenario speaks V0: its script answers V0's requests, which `auto`'s probes would take instead. */
function defaultControls(tenant: Tenant, scenario: Scenario, closedBaseUrl: string | null): Controls {
  const api = scenario.script ? 'v0' : DEFAULT_CONTROLS.api;
  return { ...DEFAULT_CONTROLS, api, baseUrl: closedBaseUrl ?? tenant.baseUrl, ...scenario.controls };
}

/** The host page of the `hostPage` scenario: a settings page of some product, with loud global styles. */
function hostPageFrame(el: HTMLElement): HTMLElement {
  const style = h('style');
  style.textContent = HOST_PAGE_STYLES;
  return h(
    'div',
    { class: 'host-page' },
    style,
    h('p', { class: 'host-crumbs' }, 'Acme Cloud / Workspace / Integrations'),
    h('h2', {}, 'Connect your code'),
    h('p', {}, 'The settings below come from the embedded component; the page around it keeps its own styles.'),
    h('div', { class: 'host-card' }, el),
    h('p', {}, h('button', { type: 'button' }, 'A host page button')),
  );
}

export function createCatalogue(root: HTMLElement, list: readonly Scenario[] = allScenarios): Catalogue {
  let controls: Controls = { ...DEFAULT_CONTROLS };
  let el: OpenHandsProviderSettings | null = null;
  let tenant: Tenant | null = null;
  let current: Scenario | null = null;
  let generation = 0;
  const log: LogEntry[] = [];

  // ----- layout
  const nav = h(
    'nav',
    { class: 'sidebar', 'aria-label': 'Scenarios' },
    h('p', { class: 'brand' }, '<openhands-provider-settings>'),
  );
  const groups = new Map<string, HTMLUListElement>();
  for (const scenario of list) {
    let ul = groups.get(scenario.group);
    if (!ul) {
      ul = h('ul');
      const headingId = `group-${groups.size}`;
      ul.setAttribute('aria-labelledby', headingId);
      nav.append(h('h2', { id: headingId }, scenario.group), ul);
      groups.set(scenario.group, ul);
    }
    ul.append(h('li', {}, h('a', { href: `#${scenario.id}`, 'data-scenario': scenario.id }, scenario.title)));
  }
  // The same element in an app of each framework, on pages of their own.
  nav.append(
    h('h2', { id: 'group-frameworks' }, 'In a framework'),
    h(
      'ul',
      { 'aria-labelledby': 'group-frameworks' },
      h('li', {}, h('a', { href: 'react.html' }, 'React 19 (the wrapper)')),
      h('li', {}, h('a', { href: 'vue.html' }, 'Vue 3')),
    ),
  );

  const title = h('h1', { id: 'scenario-title' }, '');
  const description = h('p', { class: 'description', id: 'scenario-description' }, '');
  // What a host page does with `guard-unsaved`: says when there are unsaved changes (the element's
  // `provider-settings-dirty` event), and frames the element while it has the `dirty` attribute
  // (demo.css). Shown for the scenarios with `guard-unsaved`.
  const unsavedText = h('p', { role: 'status' });
  const reloadPageButton = h('button', { type: 'button', 'data-action': 'reload-page' }, 'Reload this page');
  const unsavedBar = h('div', { class: 'unsaved-bar', hidden: '' }, unsavedText, reloadPageButton);
  const stage = h('div', { class: 'stage', 'data-state': 'empty', 'aria-labelledby': 'scenario-title' });
  stage.setAttribute('role', 'region');

  const field = (label: string, control: HTMLElement): HTMLElement =>
    h('label', { class: 'control-row' }, h('span', {}, label), control);
  const baseUrlInput = h('input', { type: 'text', name: 'baseUrl', autocomplete: 'off', spellcheck: 'false' });
  const sessionKeyInput = h('input', { type: 'password', name: 'sessionKey', autocomplete: 'off' });
  const providersInput = h('input', { type: 'text', name: 'providers', autocomplete: 'off', spellcheck: 'false' });
  const timeoutInput = h('input', { type: 'number', name: 'timeout', min: '0', step: '500' });
  const noValidateInput = h('input', { type: 'checkbox', name: 'noValidate' });
  const disabledInput = h('input', { type: 'checkbox', name: 'disabled' });
  const themeSelect = h(
    'select',
    { name: 'theme' },
    h('option', { value: 'auto' }, 'System (prefers-color-scheme)'),
    h('option', { value: 'light' }, 'Light'),
    h('option', { value: 'dark' }, 'Dark'),
    h('option', { value: 'openhands' }, 'OpenHands'),
  );
  const languageSelect = h(
    'select',
    { name: 'language' },
    h('option', { value: 'en' }, 'English'),
    h('option', { value: 'de' }, 'Deutsch'),
  );
  const apiSelect = h(
    'select',
    { name: 'api', 'aria-describedby': 'api-hint' },
    h('option', { value: 'auto' }, 'auto (the one that answers)'),
    h('option', { value: 'v0' }, 'v0 (OpenHands 0.53)'),
    h('option', { value: 'v1' }, 'v1 (app server, Cloud)'),
    h('option', { value: 'agent-server' }, 'agent-server (local)'),
  );
  // Which API the element speaks: the `serverApi` property, updated by its `provider-settings-api` event.
  const apiFound = h('output', { name: 'api-found', 'aria-live': 'polite' }, '');
  const reloadButton = h('button', { type: 'button', 'data-action': 'reload' }, 'Reload stored settings');
  const restartButton = h('button', { type: 'button', 'data-action': 'restart' }, 'Restart scenario');
  const controlsForm = h(
    'form',
    { class: 'controls', 'aria-labelledby': 'controls-heading' },
    h('h2', { id: 'controls-heading' }, 'Controls'),
    field('Base URL', baseUrlInput),
    field('Session key', sessionKeyInput),
    field('Providers', providersInput),
    field('Timeout (ms)', timeoutInput),
    h('label', { class: 'check' }, noValidateInput, ' novalidate'),
    h('label', { class: 'check' }, disabledInput, ' disabled'),
    field('Theme', themeSelect),
    field('Language', languageSelect),
    field('Server API', apiSelect),
    h(
      'p',
      { id: 'api-hint', class: 'control-hint' },
      'The API the element speaks. Each scenario’s server stays as it is: the “Today’s servers” scenarios run a V1 app server or an agent-server, the others V0.',
    ),
    h('p', { class: 'control-row' }, h('span', {}, 'Speaking'), apiFound),
    h('div', { class: 'buttons' }, reloadButton, restartButton),
    h(
      'p',
      { class: 'control-hint' },
      'Each scenario, and each load of this page, starts on a server of its own with the scenario’s stored state: what was saved before is not there after a restart or a page reload.',
    ),
  );

  const logList = h('ol', { class: 'log', 'aria-labelledby': 'log-heading' });
  const clearLog = h('button', { type: 'button', 'data-action': 'clear-log' }, 'Clear');
  const logSection = h(
    'section',
    { class: 'events', 'aria-labelledby': 'log-heading' },
    h('div', { class: 'events-head' }, h('h2', { id: 'log-heading' }, 'Events'), clearLog),
    logList,
  );

  const main = h(
    'main',
    { class: 'scenario' },
    h('header', {}, title, description, unsavedBar),
    h('div', { class: 'workspace' }, stage, h('div', { class: 'panel' }, controlsForm, logSection)),
  );
  root.replaceChildren(h('div', { class: 'catalogue' }, nav, main));

  // ----- controls
  function showControls(): void {
    baseUrlInput.value = controls.baseUrl;
    sessionKeyInput.value = controls.sessionKey;
    providersInput.value = controls.providers;
    timeoutInput.value = String(controls.timeout);
    noValidateInput.checked = controls.noValidate;
    disabledInput.checked = controls.disabled;
    themeSelect.value = controls.theme;
    languageSelect.value = controls.language;
    apiSelect.value = controls.api;
  }

  function setControl<K extends keyof Controls>(key: K, value: Controls[K]): void {
    controls = { ...controls, [key]: value };
    showControls();
    if (el) applyControls(el, stage, controls);
  }

  controlsForm.addEventListener('submit', (e) => e.preventDefault());
  controlsForm.addEventListener('change', () => {
    controls = {
      baseUrl: baseUrlInput.value.trim(),
      sessionKey: sessionKeyInput.value,
      providers: providersInput.value,
      timeout: Number(timeoutInput.value) >= 0 ? Number(timeoutInput.value) : 30_000,
      noValidate: noValidateInput.checked,
      disabled: disabledInput.checked,
      theme: themeSelect.value as Theme,
      language: languageSelect.value === 'de' ? 'de' : 'en',
      api: apiSelect.value as ApiChoice,
    };
    if (el) applyControls(el, stage, controls);
  });
  reloadButton.addEventListener('click', () => void reloadSettings(generation));
  // A real reload, so that the browser's own "Leave site?" question shows while the form is dirty.
  reloadPageButton.addEventListener('click', () => location.reload());
  restartButton.addEventListener('click', () => current && void show(current.id));

  function showUnsaved(dirty: boolean): void {
    unsavedBar.dataset.dirty = String(dirty);
    unsavedText.textContent = dirty
      ? 'Unsaved changes: leaving or reloading this page asks first.'
      : 'No unsaved changes: this page can be left without a question.';
  }

  // ----- log
  function note(event: string, text: string): void {
    const entry: LogEntry = {
      time: new Date().toLocaleTimeString('en-GB'),
      event,
      text: el ? redact(text, secretsOf(el)) : text,
    };
    log.push(entry);
    logList.prepend(h('li', {}, h('time', {}, entry.time), ' ', h('code', {}, entry.event), ' ', entry.text));
  }
  clearLog.addEventListener('click', () => {
    log.length = 0;
    logList.replaceChildren();
  });

  /**
   * "Reload stored settings": an `autoload` element loads them again itself (from whichever API it
   * speaks); otherwise the page does, as a V0 host would.
   */
  async function reloadSettings(gen: number): Promise<void> {
    const target = el;
    if (!target) return;
    const api = target.serverApi ?? target.api;
    if (!target.autoload && (api === 'v1' || api === 'agent-server')) {
      note('reload', `the page loads V0's settings only; on ${api} the element loads them itself (autoload)`);
      return;
    }
    if (!target.autoload) return loadSettings(gen);
    target.autoload = false;
    await target.updateComplete;
    // Another scenario shown meanwhile has an element of its own.
    if (gen !== generation) return;
    target.autoload = true;
    note(
      'reload',
      `the element loads the stored settings again (autoload, ${target.serverApi ?? 'API not known yet'})`,
    );
  }

  async function loadSettings(gen: number): Promise<void> {
    if (!el) return;
    const result = await getStoredSettings({
      baseUrl: controls.baseUrl,
      sessionKey: controls.sessionKey || null,
      timeoutMs: 5000,
    });
    if (gen !== generation || !el) return;
    if (result.kind === 'loaded') {
      el.settings = result.settings;
      const stored = Object.keys(result.settings.provider_tokens_set ?? {});
      note('GET api/settings', `loaded; stored providers: ${stored.join(', ') || '(none)'}`);
    } else if (result.kind === 'not-found') {
      note('GET api/settings', 'no settings record (404): no MCP servers stored; which tokens are stored is unknown');
    } else {
      note('GET api/settings', `not loaded (${result.kind}): ${result.message}`);
    }
    await el.updateComplete;
  }

  async function show(id: string): Promise<Shown> {
    const scenario = list.find((s) => s.id === id) ?? list[0]!;
    const gen = ++generation;
    current = scenario;
    const previous = tenant;
    tenant = null;
    el?.remove();
    el = null;
    if (previous) void deleteTenant(previous.id).catch(() => undefined);
    stage.dataset.state = 'loading';
    stage.dataset.scenario = scenario.id;
    stage.replaceChildren();
    log.length = 0;
    logList.replaceChildren();
    title.textContent = scenario.title;
    description.textContent = scenario.description;
    for (const link of nav.querySelectorAll('a')) {
      if (link.dataset.scenario === scenario.id) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }

    const closed = scenario.closedPort ? (await closedPort()).baseUrl : null;
    const created = await createTenant(scenario.tenant ?? STORED);
    if (gen !== generation) {
      void deleteTenant(created.id).catch(() => undefined);
      throw new Error('another scenario was shown meanwhile');
    }
    tenant = created;
    controls = defaultControls(created, scenario, closed);
    showControls();

    const element = document.createElement('openhands-provider-settings');
    el = element;
    for (const name of scenario.attributes ?? []) element.setAttribute(name, '');
    applyControls(element, stage, controls);
    for (const name of EVENTS) element.addEventListener(name, (e) => note(name, describeEvent(e)));
    unsavedBar.hidden = !scenario.attributes?.includes('guard-unsaved');
    showUnsaved(false);
    element.addEventListener('provider-settings-dirty', (e) => showUnsaved(e.dirty));
    apiFound.textContent = element.serverApi ?? 'not known yet (found at its first request)';
    element.addEventListener('provider-settings-api', (e) => (apiFound.textContent = e.api));
    stage.append(scenario.hostPage ? hostPageFrame(element) : element);
    await element.updateComplete;
    // An autoload element loads the stored settings itself; otherwise the page does, as most hosts would.
    if (!scenario.attributes?.includes('autoload')) await loadSettings(gen);
    if (scenario.script) await scriptResponses(created.id, scenario.script);

    let outcome: Promise<unknown> | undefined;
    const played = scenario.play?.(element);
    if (played instanceof Promise) {
      outcome = played;
      if (scenario.showInFlight) {
        while (!element.saving && gen === generation) await new Promise((r) => setTimeout(r, 10));
      } else {
        await played;
      }
    }
    await element.updateComplete;
    if (gen === generation) stage.dataset.state = 'ready';
    return { scenario, el: element, tenant: created, outcome };
  }

  return {
    scenarios: list,
    show,
    setControl,
    get controls() {
      return controls;
    },
    log,
    async destroy() {
      generation++;
      el?.remove();
      el = null;
      if (tenant) await deleteTenant(tenant.id).catch(() => undefined);
      tenant = null;
      root.replaceChildren();
    },
  };
}
