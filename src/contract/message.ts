/**
 * Server text made fit to show: one plain line, pydantic's prefixes removed, bounded in length,
 * and with every known secret taken out. Messages are rendered as text, never as HTML, so markup
 * is left as it is (it shows literally); nothing here escapes.
 */

/** Longest message kept, in UTF-16 code units; longer text is cut and ends with `…`. */
export const MAX_MESSAGE_LENGTH = 500;

/** What replaces a secret in text. */
export const REDACTED = '•••';

/** Secrets shorter than this are not redacted: replacing `ab` everywhere would wreck the text and hide nothing. */
export const MIN_SECRET_LENGTH = 4;

// Line breaks and tabs become one space; every other C0/C1 control, and the bidi overrides and
// isolates that can make text read differently from what it is ("Trojan Source"), go.
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u2028\u2029]+/g;
const INVISIBLE_CONTROLS = /[\x00-\x08\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Both classes together: most server text has none, and one test is cheaper than two rewrites.
const ANY_CONTROL = /[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
// pydantic v2 writes `Value error, <text>` for a ValueError and `Assertion failed, <text>` for an assert.
const PYDANTIC_PREFIX = /^(?:Value error|Assertion failed),(?: +|$)/;

// Readable texts for error types, used when an item has no usable `msg` (v2 and v1 spellings).
const TYPE_TEXTS: Readonly<Record<string, string>> = {
  missing: 'Field required',
  'value_error.missing': 'Field required',
  string_type: 'Input should be a valid string',
  'type_error.str': 'Input should be a valid string',
  list_type: 'Input should be a valid list',
  'type_error.list': 'Input should be a valid list',
  dict_type: 'Input should be a valid dictionary',
  'type_error.dict': 'Input should be a valid dictionary',
  extra_forbidden: 'Extra inputs are not permitted',
  'value_error.extra': 'Extra inputs are not permitted',
  enum: 'Input should be one of the allowed values',
  'type_error.enum': 'Input should be one of the allowed values',
  json_invalid: 'The request body is not valid JSON',
  'value_error.jsondecode': 'The request body is not valid JSON',
};
const PRINTABLE_TYPE = /^[A-Za-z0-9_.-]{1,64}$/;

export const GENERIC_MESSAGE = 'Invalid value';

/** Controls out, whitespace collapsed at the ends, pydantic's prefix off. No length cap. */
export function normalizeText(text: string): string {
  const plain = (
    ANY_CONTROL.test(text) ? text.replace(WHITESPACE_CONTROLS, ' ').replace(INVISIBLE_CONTROLS, '') : text
  ).trim();
  return plain.replace(PYDANTIC_PREFIX, '').trim();
}

/** Cuts to `max` code units plus `…`, never splitting a surrogate pair. */
export function capText(text: string, max = MAX_MESSAGE_LENGTH): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd() + '…';
}

/** A readable stand-in for a missing message, from the error type when there is a sensible one. */
export function textForType(type: unknown): string {
  if (typeof type !== 'string') return GENERIC_MESSAGE;
  if (Object.prototype.hasOwnProperty.call(TYPE_TEXTS, type)) return TYPE_TEXTS[type] ?? GENERIC_MESSAGE;
  return PRINTABLE_TYPE.test(type) ? `${GENERIC_MESSAGE} (${type})` : GENERIC_MESSAGE;
}

/**
 * A server message as one plain line: `Value error, ` / `Assertion failed, ` removed, controls
 * removed, trimmed, at most {@link MAX_MESSAGE_LENGTH} characters. A non-string (or blank)
 * message gives a generic text based on `type`.
 */
export function cleanMessage(msg: unknown, type?: unknown): string {
  const text = typeof msg === 'string' ? normalizeText(msg) : '';
  return text === '' ? textForType(type) : capText(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A function that replaces every occurrence of each secret with {@link REDACTED}. Build it once
 * per response and apply it to every message: one combined pattern, longest secrets first, so a
 * secret that contains another is removed whole. A secret's URL-encoded form is removed as well.
 */
export function makeRedactor(secrets: readonly unknown[]): (text: string) => string {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
    variants.add(secret);
    try {
      variants.add(encodeURIComponent(secret));
    } catch {
      // A lone surrogate cannot be URL-encoded; the secret itself is still covered.
    }
  }
  if (variants.size === 0) return (text) => text;
  const pattern = new RegExp(
    [...variants]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  return (text) => text.replace(pattern, REDACTED);
}

/** `text` with every occurrence of each secret (of at least {@link MIN_SECRET_LENGTH} characters) replaced by `•••`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return makeRedactor(secrets)(text);
}
