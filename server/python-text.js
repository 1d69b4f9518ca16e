// @ts-check
/**
 * The few pieces of Python's standard library that OpenHands' MCP validators lean on, with
 * their edge cases: `str.strip()`, `repr(str)`, `shlex.split()` and the part of
 * `urllib.parse.urlsplit()` that decides scheme and netloc (3.12).
 */

import { isIP } from 'node:net';

/** A ValueError raised by the standard library: pydantic reports it as `Value error, <message>`. */
export class PythonValueError extends Error {}

// str.isspace(): Unicode whitespace plus the C0 separators \x1c-\x1f and \x85, but not U+FEFF.
const PY_SPACE = '[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g');

/** `s.strip()` @param {string} s */
export function pyStrip(s) {
  return s.replace(PY_STRIP, '');
}

const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** `repr(s)` for a str @param {string} s */
export function pyRepr(s) {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = /** @type {number} */ (ch.codePointAt(0));
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch !== ' ' && NOT_PRINTABLE.test(ch)) {
      if (code < 0x100) out += `\\x${code.toString(16).padStart(2, '0')}`;
      else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
      else out += `\\U${code.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

/** The ValueError `shlex.split()` raises. */
export class ShlexError extends Error {}

const SHLEX_SPACE = ' \t\r\n';

/**
 * `shlex.split(s)`: POSIX rules, no comments. `""` yields an empty argument; a backslash
 * inside double quotes escapes only `"` and `\`; single quotes escape nothing.
 * @param {string} s
 * @returns {string[]}
 * @throws {ShlexError}
 */
export function shlexSplit(s) {
  /** @type {string[]} */
  const words = [];
  /** ' ' between words, 'a' inside one, a quote inside quotes, '\\' just after a backslash */
  let state = ' ';
  let escapedFrom = 'a';
  let word = '';
  for (let i = 0; ; i++) {
    const ch = s[i];
    switch (state) {
      case ' ':
        if (ch === undefined) return words;
        if (SHLEX_SPACE.includes(ch)) break;
        if (ch === '\\') [escapedFrom, state] = ['a', '\\'];
        else if (ch === '"' || ch === "'") state = ch;
        else [word, state] = [ch, 'a'];
        break;
      case 'a':
        if (ch === undefined || SHLEX_SPACE.includes(ch)) {
          words.push(word);
          word = '';
          state = ' ';
          if (ch === undefined) return words;
        } else if (ch === '"' || ch === "'") state = ch;
        else if (ch === '\\') [escapedFrom, state] = ['a', '\\'];
        else word += ch;
        break;
      case '\\':
        if (ch === undefined) throw new ShlexError('No escaped character');
        if (escapedFrom === '"' && ch !== '"' && ch !== '\\') word += '\\';
        word += ch;
        state = escapedFrom;
        break;
      default:
        if (ch === undefined) throw new ShlexError('No closing quotation');
        if (ch === state) state = 'a';
        else if (ch === '\\' && state === '"') [escapedFrom, state] = ['"', '\\'];
        else word += ch;
    }
  }
}

/**
 * Scheme and netloc of `url` as `urllib.parse.urlsplit()` finds them, raising the same
 * ValueErrors for malformed brackets and for NFKC look-alike characters.
 * @param {string} url
 * @returns {{ scheme: string, netloc: string }}
 * @throws {PythonValueError}
 */
export function urlSplit(url) {
  let rest = url.replace(/^[\x00-\x20]+/, '').replace(/[\t\r\n]/g, '');
  let scheme = '';
  let netloc = '';
  const colon = rest.indexOf(':');
  if (colon > 0 && /^[A-Za-z][A-Za-z0-9+.-]*$/.test(rest.slice(0, colon))) {
    scheme = rest.slice(0, colon).toLowerCase();
    rest = rest.slice(colon + 1);
  }
  if (rest.startsWith('//')) {
    const afterSlashes = rest.slice(2);
    const delimiter = afterSlashes.search(/[/?#]/);
    netloc = delimiter < 0 ? afterSlashes : afterSlashes.slice(0, delimiter);
    const open = netloc.includes('[');
    if (open !== netloc.includes(']')) throw new PythonValueError('Invalid IPv6 URL');
    if (open) checkBracketedNetloc(netloc);
  }
  checkNetlocNormalization(netloc);
  return { scheme, netloc };
}

/** @param {string} netloc */
function checkBracketedNetloc(netloc) {
  const hostAndPort = netloc.slice(netloc.lastIndexOf('@') + 1);
  const open = hostAndPort.indexOf('[');
  let host;
  if (open >= 0) {
    if (open > 0) throw new PythonValueError('Invalid IPv6 URL');
    const bracketed = hostAndPort.slice(open + 1);
    const close = bracketed.indexOf(']');
    host = close < 0 ? bracketed : bracketed.slice(0, close);
    const port = close < 0 ? '' : bracketed.slice(close + 1);
    if (port && !port.startsWith(':')) throw new PythonValueError('Invalid IPv6 URL');
  } else {
    const close = hostAndPort.indexOf(']');
    host = close < 0 ? hostAndPort : hostAndPort.slice(0, close);
  }
  if (host.startsWith('v')) {
    if (!/^v[a-fA-F0-9]+\.[^\n]+$/.test(host)) throw new PythonValueError('IPvFuture address is invalid');
    return;
  }
  const version = isIP(host);
  if (version === 4) throw new PythonValueError('An IPv4 address cannot be in brackets');
  if (version !== 6) throw new PythonValueError(`${pyRepr(host)} does not appear to be an IPv4 or IPv6 address`);
}

/** @param {string} netloc */
function checkNetlocNormalization(netloc) {
  if (!netloc || /^[\x00-\x7f]*$/.test(netloc)) return;
  const stripped = netloc.replace(/[@:#?]/g, '');
  const normalized = stripped.normalize('NFKC');
  if (stripped !== normalized && /[/?#@:]/.test(normalized)) {
    throw new PythonValueError(`netloc '${netloc}' contains invalid characters under NFKC normalization`);
  }
}
