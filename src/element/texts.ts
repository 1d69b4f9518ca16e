/**
 * The texts the element shows for errors, read from `strings` at render time, so a language
 * change applies to what is already on screen. Server text is never replaced.
 */
import type { SubmitResult } from '../contract/result.js';
import type { ErrorSource } from '../model/errors.js';
import type { MessageCode, ProviderSettingsStrings } from './strings.js';

export interface ShownError {
  message: string;
  code: string;
  source: ErrorSource;
  params?: Readonly<Record<string, string>>;
}

/** A client error's text from `strings.messages` (placeholders filled); a server error as the server wrote it. */
export function errorMessage(t: ProviderSettingsStrings, error: ShownError): string {
  if (error.source !== 'client') return error.message;
  const messages = t.messages ?? {};
  const template = Object.prototype.hasOwnProperty.call(messages, error.code)
    ? messages[error.code as MessageCode]
    : undefined;
  if (typeof template !== 'string') return error.message;
  const params = error.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? (params[name] ?? whole) : whole,
  );
}

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
