/**
 * The texts the element shows for errors on fields, read from `strings` at render time, so a
 * language change applies to what is already on screen. Server text is never replaced. The
 * sentences of failures that are about no field are in failure-texts.ts (they load on demand).
 */
import type { ErrorSource } from '../model/errors.js';
import { readOwn } from '../contract/json.js';
import type { ProviderSettingsStrings } from './strings.js';

export interface ShownError {
  message: string;
  code: string;
  source: ErrorSource;
  params?: Readonly<Record<string, string>>;
  own?: true;
}

/**
 * A client error's text (or a client's refusal's, `own`) from `strings.messages`, placeholders
 * filled; a server error as the server wrote it.
 */
export function errorMessage(t: ProviderSettingsStrings, error: ShownError): string {
  if (error.source !== 'client' && !error.own) return error.message;
  const template = readOwn(t.messages, error.code);
  if (typeof template !== 'string') return error.message;
  return template.replace(
    /\{(\w+)\}/g,
    (whole, name: string) => (readOwn(error.params, name) as string | undefined) ?? whole,
  );
}
