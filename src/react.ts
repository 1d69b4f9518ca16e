/**
 * `openhands-provider-settings/react`: the element as a React component, made with `@lit/react`.
 *
 * Importing this module registers `<openhands-provider-settings>` (it imports the registration
 * module). Properties are set as properties, never as attributes, so `sessionKey` and `settings`
 * never reach the DOM's attributes. Each event has its own callback prop, named after the event:
 * `provider-settings-saved` -> `onProviderSettingsSaved`. React's own `onSubmit` and `onChange`
 * keep their DOM meaning (the native events of the element itself).
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { OpenHandsProviderSettings as OpenHandsProviderSettingsElement } from './openhands-provider-settings.js';
import {
  ProviderSettingsApiEvent,
  ProviderSettingsChangeEvent,
  ProviderSettingsDirtyEvent,
  ProviderSettingsFailedEvent,
  ProviderSettingsSavedEvent,
  ProviderSettingsSubmitEvent,
} from './element/events.js';
import type { SettableProperties } from './settable-properties.js';

// Everything the package's main entry exports, so a React app needs one import; the element's
// class is here as `OpenHandsProviderSettingsElement`, since the React component below takes the
// name `OpenHandsProviderSettings` (a local export wins over the `export *` of the same name).
export * from './index.js';
export { OpenHandsProviderSettingsElement };

/** The element's properties a React app may set (all optional): every writable public property. */
export type ProviderSettingsElementProps = SettableProperties;

/** One callback prop per event, each receiving the event's own class. */
export interface ProviderSettingsEventProps {
  /** `provider-settings-submit`: before a request is sent; call `preventDefault()` to stop it. */
  onProviderSettingsSubmit?: (event: ProviderSettingsSubmitEvent) => void;
  /** `provider-settings-saved`: the server stored the providers. */
  onProviderSettingsSaved?: (event: ProviderSettingsSavedEvent) => void;
  /** `provider-settings-failed`: a save did not succeed; `event.kind` says why. */
  onProviderSettingsFailed?: (event: ProviderSettingsFailedEvent) => void;
  /** `provider-settings-change`: the person edited the form; `event.dirty`. */
  onProviderSettingsChange?: (event: ProviderSettingsChangeEvent) => void;
  /** `provider-settings-dirty`: `event.dirty` flipped (unsaved changes appeared or went). */
  onProviderSettingsDirty?: (event: ProviderSettingsDirtyEvent) => void;
  /** `provider-settings-api`: the server API the element speaks is known; `event.api`. */
  onProviderSettingsApi?: (event: ProviderSettingsApiEvent) => void;
}

/** Everything `<OpenHandsProviderSettings>` accepts: HTML attributes, the element's properties, its event callbacks, a `ref` to the element. */
export type OpenHandsProviderSettingsProps = Omit<
  React.HTMLAttributes<OpenHandsProviderSettingsElement>,
  keyof ProviderSettingsElementProps | keyof ProviderSettingsEventProps
> &
  ProviderSettingsElementProps &
  ProviderSettingsEventProps &
  React.RefAttributes<OpenHandsProviderSettingsElement>;

/**
 * `<openhands-provider-settings>` for React 18 and 19.
 *
 * ```tsx
 * <OpenHandsProviderSettings baseUrl="https://host" sessionKey={key} settings={stored}
 *   onProviderSettingsSaved={(e) => toast(e.message)} />
 * ```
 */
export const OpenHandsProviderSettings: React.ForwardRefExoticComponent<OpenHandsProviderSettingsProps> =
  createComponent({
    react: React,
    tagName: 'openhands-provider-settings',
    elementClass: OpenHandsProviderSettingsElement,
    displayName: 'OpenHandsProviderSettings',
    events: {
      onProviderSettingsSubmit: ProviderSettingsSubmitEvent.eventName as EventName<ProviderSettingsSubmitEvent>,
      onProviderSettingsSaved: ProviderSettingsSavedEvent.eventName as EventName<ProviderSettingsSavedEvent>,
      onProviderSettingsFailed: ProviderSettingsFailedEvent.eventName as EventName<ProviderSettingsFailedEvent>,
      onProviderSettingsChange: ProviderSettingsChangeEvent.eventName as EventName<ProviderSettingsChangeEvent>,
      onProviderSettingsDirty: ProviderSettingsDirtyEvent.eventName as EventName<ProviderSettingsDirtyEvent>,
      onProviderSettingsApi: ProviderSettingsApiEvent.eventName as EventName<ProviderSettingsApiEvent>,
    },
  });
