/**
 * What the element loads on demand (`import('./on-demand.js')`): the save request, the reading
 * of every answer, redaction, the load of the stored settings (`autoload`), the review, the MCP import and export
 * panel, and the
 * sentences for failures (every failure is an answer of this module). A page that only shows the
 * form never loads it. In the self-contained build it is its own file next to the entry
 * (`openhands-provider-settings.bundle-save.js`, see vite.lib.config.ts).
 */
export { bodySecrets, getStoredSettings, postProviderSettings } from '../contract/http.js';
export { McpTools } from './mcp-tools.js';
export { reviewPanel } from './review.js';
export { failureText } from './texts.js';
