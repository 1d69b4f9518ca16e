/**
 * The server's field rules as plain functions (no zod), so the schema, a row validated on blur
 * and any live hint all apply the same logic. Each returns the first failing rule's code, in the
 * server's order, or `null` when the value passes.
 *
 * They mirror Python, not the browser: the server trims with `str.strip()` and splits URLs with
 * `urllib.parse.urlsplit`, which differ from `String.prototype.trim` and WHATWG `URL` at the edges.
 */
import type { IssueCode } from './codes.js';

// Python's `str.isspace()` set. Unlike JS `\s` it includes U+001C..U+001F and U+0085 and
// excludes U+FEFF, so `'\ufeffname'` is not blank for the server and must not be for us.
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');

/** Python's `str.strip()` with no argument. */
export function pyStrip(value: string): string {
  return value.replace(PY_STRIP, '');
}

// urlsplit first drops leading C0 controls and spaces, then removes tab, CR and LF anywhere.
const LEADING_C0 = /^[\x00-\x20]+/;
const TAB_CR_LF = /[\t\r\n]/g;
// A scheme is an ASCII letter followed by letters, digits, `+`, `-` or `.`, ending at the first `:`.
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*(?=:)/;
const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'ws', 'wss']);

/**
 * `scheme` and `netloc` as Python's `urlsplit` sees them. That is why `localhost:8080` has the
 * scheme `localhost` and no host, and `example.com/x` has no scheme.
 */
export function splitUrlLikePython(url: string): { scheme: string; netloc: string } {
  let rest = url.replace(LEADING_C0, '').replace(TAB_CR_LF, '');
  let scheme = '';
  const match = SCHEME.exec(rest);
  if (match) {
    scheme = match[0].toLowerCase();
    rest = rest.slice(match[0].length + 1);
  }
  let netloc = '';
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    netloc = end === -1 ? rest.slice(2) : rest.slice(2, 2 + end);
  }
  return { scheme, netloc };
}

/** URL of an SSE or SHTTP server. */
export function urlRule(url: string): IssueCode | null {
  const value = pyStrip(url);
  if (value === '') return 'url_empty';
  const { scheme, netloc } = splitUrlLikePython(value);
  if (scheme === '') return 'url_no_scheme';
  if (netloc === '') return 'url_no_host';
  if (!ALLOWED_SCHEMES.has(scheme)) return 'url_bad_scheme';
  return null;
}

const NAME = /^[a-zA-Z0-9_-]+$/;

/** Name of a stdio server. */
export function nameRule(name: string): IssueCode | null {
  const value = pyStrip(name);
  if (value === '') return 'name_empty';
  if (!NAME.test(value)) return 'name_invalid';
  return null;
}

/** Command of a stdio server: one executable, its parameters go in `args`. */
export function commandRule(command: string): IssueCode | null {
  const value = pyStrip(command);
  if (value === '') return 'command_empty';
  // The server looks for the space character only; a tab inside the command passes.
  if (value.includes(' ')) return 'command_has_space';
  return null;
}
