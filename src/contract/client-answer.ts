/**
 * Reading answers the way the newer APIs' clients share: a read's failure (a 401 there is always
 * the session key, never a token), a write's failure, server text made fit to show. Every text
 * goes through the same redaction as `response.ts`: no secret the request carried can come back
 * in a message.
 */
import type { GetStoredSettingsResult } from './http.js';
import { capText, makeRedactor, normalizeText } from './message.js';
import type { Answer } from './request.js';
import { describeAnswer, interpretResponse } from './response.js';
import type { SubmitResult } from './result.js';

export type ReadFailure = Exclude<GetStoredSettingsResult, { kind: 'loaded' | 'not-found' }>;

/** Server text as one plain, bounded line with every secret of `secrets` taken out. */
export function presentText(text: string, secrets: readonly string[], max?: number): string {
  const redact = makeRedactor(secrets);
  return capText(redact(normalizeText(redact(text))), max);
}

/** A read's answer that is not what was asked for, as a failure (401/403: the key; 2xx: not the settings). */
export function readFailure(answer: Answer, providers: readonly string[]): ReadFailure {
  const result = interpretResponse(answer, { providers, secrets: answer.secrets, tokenRejection: 'never' });
  switch (result.kind) {
    case 'saved':
    case 'unknown':
    case 'validation':
    case 'no-settings':
    case 'token-rejected':
      return { kind: 'server', status: answer.status, message: result.message };
    default:
      return result;
  }
}

/** A 2xx to a read that is not the answer asked for: most often a base URL that names another server. */
export function notTheAnswer(answer: Answer, what: string, isObject: boolean): ReadFailure {
  const body = isObject ? 'a JSON answer that is not OpenHands’ settings' : describeAnswer(answer);
  return {
    kind: 'server',
    status: answer.status,
    message: `The server answered the ${what} request with ${body} instead: check the base URL.`,
  };
}

/** A write's answer that is not its success, as a result (`tokenRejection`: see `interpretResponse`). */
export function writeFailure(
  answer: Answer,
  providers: readonly string[],
  tokenRejection: 'error-or-detail' | 'never' = 'never',
): SubmitResult {
  const result = interpretResponse(answer, { providers, secrets: answer.secrets, tokenRejection });
  if (result.kind === 'saved')
    // A 2xx with a `message` but not the status the API answers with: not known to be stored.
    return {
      kind: 'unknown',
      status: answer.status,
      message: `The server answered HTTP ${answer.status}, not as OpenHands does: nothing is known to be saved.`,
    };
  return result;
}

/** The same failure with a sentence in front (what was already done, what was not). */
export function prefixed<T extends { message: string }>(sentence: string, result: T): T {
  return { ...result, message: `${sentence} ${result.message}` };
}
