// The element in a Vue 3 app: a template compiled at runtime (Vue's browser build, served for `vue`
// by scripts/wtr-esm-packages.js), told by `isCustomElement` that the tag is not a Vue component.
import { expect } from '@open-wc/testing';
import { createApp, nextTick, ref, type App, type GlobalComponents } from 'vue';
import '../../src/openhands-provider-settings.js';
import type {} from '../../src/vue.js';
import {
  OpenHandsProviderSettings,
  ProviderSettingsChangeEvent,
  ProviderSettingsFailedEvent,
  ProviderSettingsSavedEvent,
} from '../../src/index.js';
import { harness } from '../helpers/element.js';
import { createTenant, SESSION_KEY } from '../helpers/reference-server.js';

// Compile-time checks (`npm run typecheck`): what vue-tsc sees for the tag in a template.
type InTemplate = InstanceType<GlobalComponents['openhands-provider-settings']>;
const props: InTemplate['$props'][] = [
  {
    baseUrl: 'https://h',
    sessionKey: 'k',
    providers: ['github'],
    settings: null,
    noValidate: true,
    class: 'x',
    id: 'y',
  },
  // @ts-expect-error timeout is a number
  { timeout: '5' },
  // @ts-expect-error dirty is read only: not a prop
  { dirty: true },
];
void props;
const emit: InTemplate['$emit'] = () => {};
emit('provider-settings-saved', new ProviderSettingsSavedEvent('Saved.', ['github']));
// @ts-expect-error the saved event carries a ProviderSettingsSavedEvent
emit('provider-settings-saved', new ProviderSettingsChangeEvent(true));

const isCustomElement = (tag: string) => tag === 'openhands-provider-settings';

describe('<openhands-provider-settings> in Vue 3', () => {
  let host: HTMLElement;
  let app: App | undefined;
  let warnings: string[];

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    warnings = [];
  });

  afterEach(() => {
    app?.unmount();
    app = undefined;
    host.remove();
  });

  function mountApp(component: object): OpenHandsProviderSettings {
    app = createApp(component);
    // What an app compiling templates at run time sets (Vue's full build would also guess it from
    // `customElements.get`); with single-file components it goes in the vue() plugin's
    // `template.compilerOptions` instead.
    app.config.compilerOptions.isCustomElement = isCustomElement;
    app.config.warnHandler = (message) => warnings.push(message);
    app.mount(host);
    const el = host.querySelector('openhands-provider-settings');
    expect(el).to.be.instanceOf(OpenHandsProviderSettings);
    return el!;
  }

  // Vue sets a binding as a property only when the element has a property of that exact name:
  // `:sessionKey` (or `.sessionKey`) is a property, `:session-key` would be an attribute.
  it('binds properties as properties (the session key never as an attribute) and follows reactive state', async () => {
    const providers = ref(['github', 'azure_devops']);
    const el = mountApp({
      setup: () => ({
        providers,
        key: 'vue-session-key-secret',
        stored: { provider_tokens_set: { github: null }, mcp_config: null },
      }),
      template: `<openhands-provider-settings base-url="https://openhands.example.com" :sessionKey="key"
        :providers="providers" :settings="stored" :timeout="1234" novalidate class="settings" />`,
    });
    await el.updateComplete;
    expect(warnings).to.deep.equal([]);
    expect(el.baseUrl).to.equal('https://openhands.example.com');
    expect(el.sessionKey).to.equal('vue-session-key-secret');
    expect(el.providers).to.deep.equal(['github', 'azure_devops']);
    expect(el.settings).to.deep.equal({ provider_tokens_set: { github: null }, mcp_config: null });
    expect(el.timeout).to.equal(1234);
    expect(el.noValidate).to.equal(true);
    expect(el.classList.contains('settings')).to.equal(true);
    for (const name of el.getAttributeNames()) {
      expect(name).not.to.contain('session');
      expect(el.getAttribute(name)).not.to.contain('vue-session-key-secret');
    }

    providers.value = ['gitlab'];
    await nextTick();
    await el.updateComplete;
    expect(el.providers).to.deep.equal(['gitlab']);
    expect(harness(el).provider('gitlab').token).to.exist;
  });

  it('receives the events with v-on, as their own classes', async () => {
    const tenant = await createTenant();
    const seen: Event[] = [];
    const el = mountApp({
      setup: () => ({ baseUrl: tenant.baseUrl, key: SESSION_KEY, record: (e: Event) => seen.push(e) }),
      template: `<openhands-provider-settings :base-url="baseUrl" .sessionKey="key"
        @provider-settings-change="record" @provider-settings-saved="record" @provider-settings-failed="record" />`,
    });
    await el.updateComplete;
    await harness(el).typeToken('github', 'ghp_vuegoodtoken');
    expect((await el.submit()).kind).to.equal('saved');

    el.sessionKey = 'not-the-session-key';
    await harness(el).typeToken('gitlab', 'glpat-vuegoodtoken');
    expect((await el.submit()).kind).to.equal('unauthorized');

    expect(seen.find((e) => e instanceof ProviderSettingsChangeEvent)).to.have.property('dirty', true);
    expect(seen.find((e) => e instanceof ProviderSettingsSavedEvent)).to.have.deep.property('storedProviders', [
      'github',
    ]);
    expect(seen.find((e) => e instanceof ProviderSettingsFailedEvent)).to.have.property('kind', 'unauthorized');
    expect(warnings).to.deep.equal([]);
  });
});
