/**
 * Registers `<openhands-provider-settings>`. The package's only side effect: import this module
 * (or the self-contained build) to define the element; import `index.js` for the class and types alone.
 */
import { OpenHandsProviderSettings } from './element/provider-settings.js';

export * from './index.js';

// Guarded so two bundles that both carry the element do not throw on the second definition.
if (!customElements.get('openhands-provider-settings')) {
  customElements.define('openhands-provider-settings', OpenHandsProviderSettings);
}

declare global {
  interface HTMLElementTagNameMap {
    'openhands-provider-settings': OpenHandsProviderSettings;
  }
}
