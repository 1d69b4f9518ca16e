/**
 * The save path, loaded on demand by the element (`import('../contract/save.js')`): the request,
 * the reading of every answer, redaction. A page that only shows the form never loads it. In the
 * self-contained build it is its own file next to the entry
 * (`openhands-provider-settings.bundle-save.js`, see vite.lib.config.ts).
 */
export { postProviderSettings } from './http.js';
