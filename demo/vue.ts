/**
 * `/vue.html` (`npm start`): the element in a Vue 3 app. The template is compiled in the page
 * (Vue's browser build), so `app.config.compilerOptions.isCustomElement` tells the compiler that
 * the tag is a custom element, not a Vue component. With single-file components the same function
 * goes in vite's vue() plugin: `vue({ template: { compilerOptions: { isCustomElement } } })`.
 *
 * Bindings: Vue sets a binding as a property when the element has a property of that exact name,
 * so the session key is bound as `:sessionKey` (or `.sessionKey`); `:session-key` would become an
 * attribute. The reference server's demo state answers on this origin.
 */
import { createApp, ref } from 'vue/dist/vue.esm-browser.js';
import '../src/openhands-provider-settings.js';
import type {
  ProviderSettingsChangeEvent,
  ProviderSettingsFailedEvent,
  ProviderSettingsSavedEvent,
  ProviderSettingsSubmitEvent,
  StoredSettings,
} from '../src/index.js';

const SESSION_KEY = 'demo-session-key';

const app = createApp({
  setup() {
    const settings = ref<StoredSettings | null>(null);
    const dirty = ref(false);
    const log = ref<string[]>([]);
    const note = (line: string) => (log.value = [...log.value.slice(-19), line]);

    fetch('/api/settings', { headers: { 'X-Session-API-Key': SESSION_KEY } })
      .then((response) => response.json() as Promise<StoredSettings>)
      .then(
        (stored) => (settings.value = stored),
        (error: unknown) => note(`could not load the settings: ${String(error)}`),
      );

    return {
      sessionKey: SESSION_KEY,
      settings,
      dirty,
      log,
      onChange: (e: ProviderSettingsChangeEvent) => (dirty.value = e.dirty),
      onSubmit: (e: ProviderSettingsSubmitEvent) => note(`submit: ${e.providers.join(', ')}`),
      onSaved: (e: ProviderSettingsSavedEvent) => {
        dirty.value = false;
        note(`saved: ${e.message} (stored: ${e.storedProviders.join(', ')})`);
      },
      onFailed: (e: ProviderSettingsFailedEvent) =>
        note(`failed: ${e.kind} (HTTP ${e.status}), ${e.errorCount} field errors`),
    };
  },
  template: `
    <main style="max-width: 48rem; margin: 2rem auto; font-family: system-ui, sans-serif">
      <h1>Vue 3</h1>
      <p>{{ dirty ? 'Unsaved changes.' : 'Everything is saved.' }}</p>
      <openhands-provider-settings
        :sessionKey="sessionKey"
        :settings="settings"
        @provider-settings-change="onChange"
        @provider-settings-submit="onSubmit"
        @provider-settings-saved="onSaved"
        @provider-settings-failed="onFailed"
      ></openhands-provider-settings>
      <h2>Events</h2>
      <ol aria-live="polite"><li v-for="(line, i) in log" :key="i">{{ line }}</li></ol>
    </main>`,
});
app.config.compilerOptions.isCustomElement = (tag) => tag === 'openhands-provider-settings';
app.mount('#app');
