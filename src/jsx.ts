/**
 * `openhands-provider-settings/jsx`: types only. Makes the raw tag `<openhands-provider-settings>`
 * known to TypeScript in React 19 JSX, which sets a custom element's properties as properties and
 * listens for `on<event-name>` props as events:
 *
 * ```tsx
 * import 'openhands-provider-settings/openhands-provider-settings.js';
 * import type {} from 'openhands-provider-settings/jsx';
 *
 * <openhands-provider-settings
 *   sessionKey={key}
 *   settings={stored}
 *   onprovider-settings-saved={(e) => console.log(e.storedProviders)}
 * />;
 * ```
 *
 * The component of `openhands-provider-settings/react` does the same on React 18 too, with
 * camel-case callbacks (`onProviderSettingsSaved`).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { OpenHandsProviderSettings } from './element/provider-settings.js';
import type { ProviderSettingsEventMap } from './element/events.js';
import type { SettableProperties } from './settable-properties.js';

/** The element's events as React 19 props: `on` and the event's name (`onprovider-settings-saved`). */
export type ProviderSettingsJsxEvents = {
  [K in keyof ProviderSettingsEventMap as `on${K}`]?: (event: ProviderSettingsEventMap[K]) => void;
};

/** What the raw tag takes in JSX: the HTML attributes React knows, the element's properties and its events. */
export type ProviderSettingsJsxProps = DetailedHTMLProps<
  HTMLAttributes<OpenHandsProviderSettings>,
  OpenHandsProviderSettings
> &
  SettableProperties &
  ProviderSettingsJsxEvents;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types are a namespace
  namespace JSX {
    interface IntrinsicElements {
      'openhands-provider-settings': ProviderSettingsJsxProps;
    }
  }
}
