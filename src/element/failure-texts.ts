/**
 * The sentences of failures that are about no field (session key, network, server), read from
 * `strings.failure` at render time. Every such failure is an answer of the on-demand module, so
 * they load with it.
 */
import type { SubmitResult } from '../contract/result.js';
import type { ProviderSettingsStrings } from './strings.js';

function withServerWords(sentence: string, words: string | undefined): string {
  return words ? `${sentence} “${words}”` : sentence;
}

/** A failure that is about no field: shown as one sentence in the error summary. */
export type FormFailure = Exclude<SubmitResult, { kind: 'saved' | 'aborted' | 'validation' }>;

/** The sentence for a failure that is about no field: `strings.failure` when given, else the contract's English. */
export function failureText(t: ProviderSettingsStrings, result: FormFailure): string {
  const f = t.failure ?? {};
  switch (result.kind) {
    case 'network':
      return f.network ?? result.message;
    case 'timeout':
      return f.timeout ? f.timeout(Math.round(result.timeoutMs / 100) / 10) : result.message;
    case 'rate-limited':
      return f.rateLimited ?? result.message;
    case 'unauthorized':
      return f.unauthorized === undefined ? result.message : withServerWords(f.unauthorized, result.serverText);
    case 'server':
      return f.server ? withServerWords(f.server(result.status), result.serverText) : result.message;
    case 'refused':
      return f.refused ?? result.message;
    case 'unknown':
      return f.unknown ?? result.message;
    case 'no-settings':
      return f.noSettings ?? result.message;
    case 'token-rejected':
      // The provider's words, as the server wrote them.
      return result.message;
  }
}

/** The sentence that leads the summary when a save stored the tokens and not the MCP servers. */
export function partialText(t: ProviderSettingsStrings): string {
  return (
    t.failure?.mcpNotSaved ?? 'The git tokens were saved; the MCP servers were not, and your changes to them are kept.'
  );
}
