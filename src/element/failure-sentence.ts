import type { ProviderSettingsStrings } from './strings.js';
import type { FormFailure } from './failure-texts.js';
import { onDemand } from './controllers/on-demand.js';

/**
 * The sentence for a failure that is about no field. Every such failure is an answer of the
 * on-demand module, so it is loaded by then; if it could not be loaded at all, the English sentence.
 */
export const failureSentence = (t: ProviderSettingsStrings, failure: FormFailure): string =>
  onDemand?.failureText(t, failure) ?? failure.message;
