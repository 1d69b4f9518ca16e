/**
 * What the element loads on demand (`import('./on-demand.js')`): the form's checks (zod/mini,
 * the request schema, the placing of errors), the error summary and its location texts, the
 * save (its controller and the V0 client: requests, the reading of every answer, redaction), the
 * load of the stored settings (`autoload`), the review and the confirmation before replacing
 * tokens, the MCP import and export panel, the styles of all three (on-demand.styles.ts), and the
 * sentences for failures (every failure is an answer of this module). The element starts loading it at the first edit, so it is there by
 * the time a field is left or the form is saved; a page that only shows the form never loads
 * it. In the self-contained build it is its own file next to the entry
 * (`openhands-provider-settings.bundle-save.js`, see vite.lib.config.ts).
 */
import { CONTRACT_VALIDATORS } from '../contract/validate.js';
import { FormChecks } from '../model/checks.js';

export { v0Api } from '../contract/v0-client.js';
export { checkAheadInSlices } from './check-ahead.js';
export { StoredSettingsLoad } from './load-task.js';
export { NOT_SENT, SaveController } from './save-controller.js';
export { McpTools } from './mcp-tools.js';
export { adoptOnDemandStyles } from './on-demand.styles.js';
export { nothingToSaveText, replacePanel, reviewPanel } from './review.js';
export { errorSummary, focusErrorEntry } from './templates/summary.js';
export { failureText, partialText } from './texts.js';

/** The form's checks with the contract's validators (stateless: one for every element). */
export const CONTRACT_CHECKS = new FormChecks(CONTRACT_VALIDATORS);
