// @ts-check
/**
 * What every API mode does with a request before its own logic: FastAPI's decoding of a JSON
 * body (all three servers are FastAPI apps, so a malformed body gets the same `json_invalid`
 * 422 and an unreadable one the same 400 everywhere) and the session key comparison.
 */

import { createHash, timingSafeEqual } from 'node:crypto';
import { sendJson } from './http.js';
import { JsonDecodeError, JsonLimitError, parsePythonJson } from './python-json.js';
import { pyStrip } from './python-text.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */

/**
 * What FastAPI makes of the body of a route that takes a JSON model: nothing when empty;
 * `json.loads` of it when the Content-Type is absent or JSON (`application/json`,
 * `application/*+json`); the raw bytes (which no model accepts) otherwise.
 * @param {Buffer} bytes
 * @param {string | undefined} contentType
 * @returns {{ kind: 'value', value: PyValue } | { kind: 'json_invalid', error: JsonDecodeError } | { kind: 'unreadable' }}
 */
export function decodeFastApiBody(bytes, contentType) {
  if (bytes.length === 0) return { kind: 'value', value: null };
  if (!isJsonContentType(contentType)) return { kind: 'value', value: bytes.toString('utf8') };
  const text = decodeUtf8(bytes);
  if (text === null) return { kind: 'unreadable' };
  try {
    return { kind: 'value', value: parsePythonJson(text) };
  } catch (error) {
    if (error instanceof JsonDecodeError) return { kind: 'json_invalid', error };
    if (error instanceof JsonLimitError) return { kind: 'unreadable' };
    throw error;
  }
}

/**
 * FastAPI's 422 item for a body that is not JSON (`loc` holds the offset in characters).
 * @param {JsonDecodeError} error
 */
export function jsonInvalidItem(error) {
  return {
    type: 'json_invalid',
    loc: ['body', BigInt(error.pos)],
    msg: 'JSON decode error',
    input: new Map(),
    ctx: { error: error.msg },
  };
}

/**
 * Python's `email.message` reading of a Content-Type, as FastAPI uses it.
 * @param {string | undefined} header
 */
function isJsonContentType(header) {
  if (!header) return true;
  const type = pyStrip(header.split(';', 1)[0] ?? '').toLowerCase();
  const parts = type.split('/');
  if (parts.length !== 2) return false;
  const [main, sub = ''] = parts;
  return main === 'application' && (sub === 'json' || sub.endsWith('+json'));
}

/**
 * UTF-8 with an optional BOM, as `json.loads(bytes)` reads it.
 * @param {Buffer} bytes
 * @returns {string | null} null when the bytes are not UTF-8
 */
export function decodeUtf8(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Whether a sent key is the tenant's. Compares digests so that the time taken says nothing
 * about the key.
 * @param {unknown} sent a header value
 * @param {string} key
 */
export function keyMatches(sent, key) {
  if (typeof sent !== 'string' || sent === '') return false;
  const digest = (/** @type {string} */ s) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(sent), digest(key));
}

/**
 * The body as FastAPI decodes it, after which the session key is checked (`authorised`), in that
 * order (a malformed body is a 422 even without a key); answers what the real servers answer
 * when either fails. Every API mode's routes start here.
 * @template {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, body: Buffer, cors: Record<string, string> }} C
 * @param {C} context
 * @param {(context: C) => boolean} authorised
 * @returns {{ value: PyValue } | null} null when an answer was sent
 */
export function decodedAndAuthorised(context, authorised) {
  const { req, res, body, cors } = context;
  const decoded = decodeFastApiBody(body, req.headers['content-type']);
  if (decoded.kind === 'json_invalid') {
    sendJson(res, 422, { detail: [jsonInvalidItem(decoded.error)] }, cors);
    return null;
  }
  if (decoded.kind === 'unreadable') {
    sendJson(res, 400, { detail: 'There was an error parsing the body' }, cors);
    return null;
  }
  if (!authorised(context)) {
    sendJson(res, 401, { detail: 'Unauthorized' }, cors);
    return null;
  }
  return { value: decoded.value };
}
