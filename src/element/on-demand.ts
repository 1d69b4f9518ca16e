/**
 * What the element loads on demand (controllers/on-demand.ts): the form's checks (zod/mini, the
 * request schema, the placing of errors), the error summary and its location texts, the save (its
 * controller and the V0 client: requests, the reading of every answer, redaction), the load of
 * the stored settings (`autoload`), the review and the confirmation before replacing tokens, the
 * styles of what it shows and of the MCP import and export panel (on-demand.styles.ts), and the
 * sentences for failures (every failure is an answer of this module). The element starts loading
 * it at the first edit, so it is there by the time a field is left or the form is saved; a page
 * that only shows the form never loads it. In the self-contained build it is a chunk next to the
 * entry, importing Lit and the rest from it (vite.lib.config.ts).
 */
import { CONTRACT_VALIDATORS } from '../contract/validate.js';
import { FormChecks } from '../model/checks.js';

export { checkAheadInSlices } from './check-ahead.js';
export { StoredSettingsLoad } from './load-task.js';
export { runSave } from './save-run.js';
export { errorCount } from '../model/error-list.js';
export { adoptOnDemandStyles } from './on-demand.styles.js';
export { replacePanel, reviewPanel } from './review.js';
export { errorSummary, focusErrorEntry } from './templates/summary.js';
export { failureText, partialText } from './failure-texts.js';

/** The form's checks with the contract's validators (stateless: one for every element). */
export const CONTRACT_CHECKS = new FormChecks(CONTRACT_VALIDATORS);
