/**
 * `openhands-provider-settings/vue`: types only. Makes `<openhands-provider-settings>` known to
 * Vue's template type checking (vue-tsc, the Vue language tools): its properties, checked as
 * props (`:settings`, `:sessionKey`, `base-url`), and its events (`@provider-settings-saved`)
 * with their own event classes.
 *
 * Load it once in a Vue + TypeScript app, e.g. in `env.d.ts`:
 *
 * ```ts
 * /// <reference types="openhands-provider-settings/vue" />
 * ```
 *
 * It brings no code: register the element with `import 'openhands-provider-settings/openhands-provider-settings.js'`
 * and tell Vue's template compiler that the tag is a custom element (`isCustomElement`).
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { OpenHandsProviderSettings } from './element/provider-settings.js';
import type { ProviderSettingsEventMap } from './element/events.js';
import type { SettableProperties } from './settable-properties.js';

/** The element's properties a template may bind: every writable public property. */
export type ProviderSettingsVueProps = SettableProperties;

/** The element's events, by name, with the class each one is. */
export type ProviderSettingsVueEvents = ProviderSettingsEventMap;

/**
 * The element as Vue's template type checker sees a component: an instance whose `$props` are
 * the element's properties plus HTML attributes, and whose `$emit` names the element's events.
 */
export type OpenHandsProviderSettingsVue = new () => OpenHandsProviderSettings & {
  $props: HTMLAttributes & ProviderSettingsVueProps & PublicProps;
  $emit: EmitFn<{ [K in keyof ProviderSettingsVueEvents]: (event: ProviderSettingsVueEvents[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'openhands-provider-settings': OpenHandsProviderSettingsVue;
  }
}
