// The React wrapper (`openhands-provider-settings/react`) mounted with react-dom 19, talking to the
// reference server. React is served as ES modules by scripts/wtr-esm-packages.js.
import { expect } from '@open-wc/testing';
import { act, createElement, createRef, type ComponentProps } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  OpenHandsProviderSettings,
  OpenHandsProviderSettingsElement,
  ProviderSettingsChangeEvent,
  ProviderSettingsFailedEvent,
  ProviderSettingsSavedEvent,
  ProviderSettingsSubmitEvent,
  type OpenHandsProviderSettingsProps,
} from '../../src/react.js';
import type { ProviderSettingsJsxProps } from '../../src/jsx.js';
import { harness } from '../helpers/element.js';
import { createTenant, requestsOf, SESSION_KEY, tenantState } from '../helpers/reference-server.js';

// Tells React that updates are wrapped in act() (it warns otherwise).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Compile-time checks (`npm run typecheck`): props and callbacks are typed from the element.
const typed: OpenHandsProviderSettingsProps[] = [
  {
    baseUrl: 'https://h',
    sessionKey: 'k',
    providers: ['github'],
    noValidate: true,
    timeout: 5,
    onProviderSettingsSaved: (e) => e.storedProviders,
  },
  {
    onProviderSettingsFailed: (e) => e.kind satisfies string,
    onProviderSettingsChange: (e) => e.dirty satisfies boolean,
  },
  { onProviderSettingsSubmit: (e) => e.providers, onSubmit: (e) => e.preventDefault(), className: 'x', id: 'y' },
  // @ts-expect-error timeout is a number
  { timeout: '5' },
  // @ts-expect-error the callback receives the saved event, not the failed one
  { onProviderSettingsSaved: (e: ProviderSettingsFailedEvent) => e.kind },
  // @ts-expect-error dirty is read only: not a prop
  { dirty: true },
  // @ts-expect-error methods are not props
  { submit: () => Promise.resolve({ kind: 'saved', message: '' }) },
];
void typed;
const _refType: ComponentProps<typeof OpenHandsProviderSettings>['ref'] = createRef<OpenHandsProviderSettingsElement>();
void _refType;

describe('openhands-provider-settings/react', () => {
  let host: HTMLElement;
  let root: Root;

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });

  afterEach(async () => {
    await act(async () => root.unmount());
    host.remove();
  });

  async function render(props: OpenHandsProviderSettingsProps): Promise<OpenHandsProviderSettingsElement> {
    await act(async () => root.render(createElement(OpenHandsProviderSettings, props)));
    const el = host.querySelector('openhands-provider-settings');
    expect(el).to.be.instanceOf(OpenHandsProviderSettingsElement);
    await el!.updateComplete;
    return el!;
  }

  it('registers the element and sets props as properties, secrets never as attributes', async () => {
    const ref = createRef<OpenHandsProviderSettingsElement>();
    const el = await render({
      ref,
      baseUrl: 'https://openhands.example.com/prefix/',
      sessionKey: 'react-session-key-secret',
      providers: ['github', 'azure_devops'],
      settings: { provider_tokens_set: { github: null }, mcp_config: null },
      noValidate: true,
      timeout: 1234,
      className: 'settings',
      id: 'ps',
    });
    expect(customElements.get('openhands-provider-settings')).to.equal(OpenHandsProviderSettingsElement);
    expect(ref.current).to.equal(el);
    expect(el.baseUrl).to.equal('https://openhands.example.com/prefix/');
    expect(el.sessionKey).to.equal('react-session-key-secret');
    expect(el.providers).to.deep.equal(['github', 'azure_devops']);
    expect(el.settings).to.deep.equal({ provider_tokens_set: { github: null }, mcp_config: null });
    expect(el.noValidate).to.equal(true);
    expect(el.timeout).to.equal(1234);
    expect(el.className).to.equal('settings');
    expect(el.id).to.equal('ps');
    expect(harness(el).provider('azure_devops').token).to.exist;
    for (const name of el.getAttributeNames()) {
      expect(name.toLowerCase()).not.to.contain('session');
      expect(el.getAttribute(name)).not.to.contain('react-session-key-secret');
    }
  });

  it('updates properties on re-render', async () => {
    const el = await render({ providers: ['github'], disabled: false });
    await render({ providers: ['gitlab'], disabled: true });
    expect(el.providers).to.deep.equal(['gitlab']);
    expect(el.disabled).to.equal(true);
    expect(el.hasAttribute('disabled')).to.equal(true);
    expect(harness(el).provider('gitlab').token.matches(':disabled')).to.equal(true);
  });

  it('calls onProviderSettingsChange, onProviderSettingsSubmit and onProviderSettingsSaved with the typed events', async () => {
    const tenant = await createTenant();
    const seen: Event[] = [];
    const el = await render({
      baseUrl: tenant.baseUrl,
      sessionKey: SESSION_KEY,
      onProviderSettingsChange: (e) => seen.push(e),
      onProviderSettingsSubmit: (e) => seen.push(e),
      onProviderSettingsSaved: (e) => seen.push(e),
      onProviderSettingsFailed: (e) => seen.push(e),
    });
    await harness(el).typeToken('github', 'ghp_reactgoodtoken');
    const outcome = await act(() => el.submit());
    expect(outcome.kind).to.equal('saved');

    const change = seen.find((e) => e instanceof ProviderSettingsChangeEvent) as ProviderSettingsChangeEvent;
    expect(change.dirty).to.equal(true);
    const submit = seen.find((e) => e instanceof ProviderSettingsSubmitEvent) as ProviderSettingsSubmitEvent;
    expect(submit.providers).to.include('github');
    const saved = seen.find((e) => e instanceof ProviderSettingsSavedEvent) as ProviderSettingsSavedEvent;
    expect(saved.storedProviders).to.deep.equal(['github']);
    expect(seen.some((e) => e instanceof ProviderSettingsFailedEvent)).to.equal(false);
  });

  it('calls onProviderSettingsFailed with the failure kind', async () => {
    const tenant = await createTenant();
    const failures: ProviderSettingsFailedEvent[] = [];
    const el = await render({
      baseUrl: tenant.baseUrl,
      sessionKey: 'not-the-session-key',
      onProviderSettingsFailed: (e) => failures.push(e),
    });
    await harness(el).typeToken('github', 'ghp_reactgoodtoken');
    await act(() => el.submit());
    expect(failures.map((e) => [e.kind, e.status])).to.deep.equal([['unauthorized', 401]]);
  });

  it('a submit callback can cancel the save; a replaced callback is the one called; a removed one is not', async () => {
    const tenant = await createTenant();
    const calls: string[] = [];
    const cancel = (e: ProviderSettingsSubmitEvent) => {
      calls.push('first');
      e.preventDefault();
    };
    const el = await render({ baseUrl: tenant.baseUrl, sessionKey: SESSION_KEY, onProviderSettingsSubmit: cancel });
    await harness(el).typeToken('github', 'ghp_reactgoodtoken');
    expect((await act(() => el.submit())).kind).to.equal('aborted');
    expect(await requestsOf(tenant.id)).to.have.length(0);

    await render({
      baseUrl: tenant.baseUrl,
      sessionKey: SESSION_KEY,
      onProviderSettingsSubmit: () => calls.push('second'),
    });
    expect((await act(() => el.submit())).kind).to.equal('saved');

    await render({ baseUrl: tenant.baseUrl, sessionKey: SESSION_KEY });
    await harness(el).typeToken('github', 'ghp_reactothertoken');
    await act(() => el.submit());
    expect(calls).to.deep.equal(['first', 'second']);
  });

  it('a parent re-render after a save (the same settings object set again) undoes nothing, and the next save keeps every token', async () => {
    const tenant = await createTenant({
      settings: { provider_tokens: { github: { token: 'ghp_storedbefore', host: null } } },
    });
    // What the page loaded once and keeps in its state: React sets it again on every render.
    const stored = { provider_tokens_set: { github: null }, mcp_config: null };
    const props = { baseUrl: tenant.baseUrl, sessionKey: SESSION_KEY, settings: stored };
    const el = await render({ ...props, className: 'first' });
    await harness(el).typeToken('bitbucket', 'ATCTT-bitbucket-access-token');
    expect((await act(() => el.submit())).kind).to.equal('saved');
    await el.updateComplete;

    await render({ ...props, className: 'second' });
    await el.updateComplete;
    const ui = harness(el);
    expect(ui.status.element.textContent, 'the saved message stays').to.contain('Saved.');
    expect(ui.storedProviders()).to.deep.equal(['github', 'bitbucket']);

    await ui.typeToken('gitlab', 'glpat-after-the-rerender');
    expect((await act(() => el.submit())).kind).to.equal('saved');
    const state = await tenantState(tenant.id);
    expect(Object.keys(state.provider_tokens).sort()).to.deep.equal(['bitbucket', 'github', 'gitlab']);
    expect(state.provider_tokens.github!.token).to.equal('ghp_storedbefore');
    expect(state.provider_tokens.bitbucket!.token).to.equal('ATCTT-bitbucket-access-token');
  });

  it('value={initial} set again on every render keeps what the person types', async () => {
    const initial = { provider_tokens: {}, mcp_config: null };
    const el = await render({
      value: initial,
      settings: { provider_tokens_set: {}, mcp_config: null },
      className: 'a',
    });
    await harness(el).typeToken('github', 'ghp_firstkeystrokes');
    await render({ value: initial, settings: { provider_tokens_set: {}, mcp_config: null }, className: 'b' });
    expect(harness(el).provider('github').token.value).to.equal('ghp_firstkeystrokes');
  });
});

describe('the raw tag in React 19 (openhands-provider-settings/jsx)', () => {
  it('React sets the properties as properties, secrets never as attributes, and listens for on<event-name>', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    try {
      const tenant = await createTenant();
      const saved: ProviderSettingsSavedEvent[] = [];
      const props: ProviderSettingsJsxProps = {
        baseUrl: tenant.baseUrl,
        sessionKey: SESSION_KEY,
        settings: { provider_tokens_set: {}, mcp_config: null },
        'onprovider-settings-saved': (e) => saved.push(e),
      };
      await act(async () => root.render(createElement('openhands-provider-settings', props)));
      const el = host.querySelector('openhands-provider-settings')!;
      await el.updateComplete;
      expect(el.sessionKey).to.equal(SESSION_KEY);
      expect(el.settings).to.deep.equal({ provider_tokens_set: {}, mcp_config: null });
      expect(el.getAttributeNames().filter((name) => /session|settings|base/i.test(name))).to.deep.equal([]);
      await harness(el).typeToken('github', 'ghp_rawTagToken');
      expect((await act(() => el.submit())).kind).to.equal('saved');
      expect(saved.map((e) => e.storedProviders)).to.deep.equal([['github']]);
      expect((await tenantState(tenant.id)).provider_tokens.github!.token).to.equal('ghp_rawTagToken');
    } finally {
      await act(async () => root.unmount());
      host.remove();
    }
  });
});
