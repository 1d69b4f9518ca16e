// @ts-check
/**
 * Scripted answers: what a test queues to be answered instead of the real logic, to
 * reproduce what the real server or the network can do (a 500 as plain text, a 429, a
 * slow answer, an answer that never comes, a connection cut, a response without CORS, a
 * redirect to another origin).
 */

import { validateHeaderName, validateHeaderValue } from 'node:http';
import { corsHeaders } from './cors.js';
import { send } from './http.js';
import { dumpsPython } from './python-json.js';
import { delayOption, object, OptionsError } from './tenant-options.js';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./http.js').Lifecycle} Lifecycle */
/**
 * @typedef {object} ScriptedResponse
 * @property {number} status
 * @property {string} body the bytes to send: a string as given, anything else as JSON
 * @property {string | null} contentType
 * @property {[string, string][]} headers
 * @property {number} delayMs
 * @property {boolean} hang keep the connection open and never answer
 * @property {boolean} drop break the connection without a usable answer (a network failure)
 * @property {boolean} cors add the CORS headers an allowed origin gets
 * @property {string | null} method only a request with this method takes it (null: any)
 * @property {string | null} path only a request to this API path (`/api/settings`, after the tenant prefix) takes it (null: any)
 */

const KEYS = [
  'status',
  'body',
  'contentType',
  'headers',
  'delayMs',
  'hang',
  'drop',
  'cors',
  'redirectTo',
  'method',
  'path',
];
/** The statuses a `redirectTo` may use: those after which a client re-sends the same method and body. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Reads `{ responses: [...] }`.
 * @param {PyValue} input
 * @returns {ScriptedResponse[]}
 * @throws {OptionsError}
 */
export function parseScript(input) {
  const responses = object(input, 'script', ['responses']).get('responses');
  if (!Array.isArray(responses)) throw new OptionsError('script.responses must be a list');
  return responses.map((item, i) => scriptedResponse(item, `script.responses[${i}]`));
}

/**
 * @param {PyValue} input
 * @param {string} what
 * @returns {ScriptedResponse}
 */
function scriptedResponse(input, what) {
  const fields = object(input, what, KEYS);
  const redirectTo = fields.get('redirectTo');
  if (redirectTo !== undefined && (typeof redirectTo !== 'string' || !isAbsoluteHttpUrl(redirectTo))) {
    throw new OptionsError(`${what}.redirectTo must be an absolute http(s) URL`);
  }
  const rawStatus = fields.get('status') ?? (redirectTo === undefined ? 200n : 307n);
  const status = typeof rawStatus === 'bigint' || typeof rawStatus === 'number' ? Number(rawStatus) : NaN;
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw new OptionsError(`${what}.status must be an integer from 200 to 599`);
  }
  if (redirectTo !== undefined && !REDIRECT_STATUSES.has(status)) {
    throw new OptionsError(`${what}.status must be 301, 302, 303, 307 or 308 with redirectTo`);
  }
  const body = fields.get('body');
  const contentType = fields.has('contentType') ? fields.get('contentType') : defaultContentType(body);
  if (contentType !== null && typeof contentType !== 'string') {
    throw new OptionsError(`${what}.contentType must be a string or null`);
  }
  const headers = headerList(fields.get('headers'), `${what}.headers`);
  if (typeof redirectTo === 'string') headers.push(['location', redirectTo]);
  return {
    status,
    body: body === undefined ? '' : typeof body === 'string' ? body : dumpsPython(body, { strict: false }),
    contentType: contentType ?? null,
    headers,
    delayMs: fields.has('delayMs') ? delayOption(fields.get('delayMs'), `${what}.delayMs`) : 0,
    hang: flag(fields, 'hang', what, false),
    drop: flag(fields, 'drop', what, false),
    cors: flag(fields, 'cors', what, true),
    method: matcher(fields, 'method', what, (v) => /^[A-Z]+$/.test(v)),
    path: matcher(fields, 'path', what, (v) => /^\/api\/[^?#\s]*$/.test(v)),
  };
}

/**
 * An optional matcher: a string `valid` accepts (a method in capitals, an API path).
 * @param {Map<string, PyValue>} fields
 * @param {string} name
 * @param {string} what
 * @param {(value: string) => boolean} valid
 * @returns {string | null}
 */
function matcher(fields, name, what, valid) {
  const value = fields.get(name);
  if (value === undefined) return null;
  if (typeof value !== 'string' || !valid(value)) {
    throw new OptionsError(
      `${what}.${name} must be ${name === 'method' ? 'an HTTP method in capitals' : 'an API path such as /api/settings (no query)'}`,
    );
  }
  return value;
}

/**
 * Takes the first queued answer this request matches (one without matchers matches any), or
 * nothing: a save's several requests can each be scripted on their own.
 * @param {ScriptedResponse[]} queue
 * @param {string} method
 * @param {string} apiPath the path after the tenant prefix, without the query
 * @returns {ScriptedResponse | undefined}
 */
export function nextScripted(queue, method, apiPath) {
  const i = queue.findIndex(
    (step) => (step.method === null || step.method === method) && (step.path === null || step.path === apiPath),
  );
  return i < 0 ? undefined : queue.splice(i, 1)[0];
}

/** @param {string} text */
function isAbsoluteHttpUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** @param {PyValue | undefined} body */
function defaultContentType(body) {
  if (body === undefined) return null;
  return typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
}

/**
 * @param {Map<string, PyValue>} fields
 * @param {string} name
 * @param {string} what
 * @param {boolean} fallback
 */
function flag(fields, name, what, fallback) {
  const value = fields.get(name);
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new OptionsError(`${what}.${name} must be true or false`);
  return value;
}

/**
 * @param {PyValue | undefined} value
 * @param {string} what
 * @returns {[string, string][]}
 */
function headerList(value, what) {
  if (value === undefined) return [];
  if (!(value instanceof Map)) throw new OptionsError(`${what} must be an object of strings`);
  return [...value].map(([name, headerValue]) => {
    try {
      if (typeof headerValue !== 'string') throw new Error('not a string');
      validateHeaderName(name);
      validateHeaderValue(name, headerValue);
    } catch {
      throw new OptionsError(`${what}: ${JSON.stringify(name)} is not a valid header with a string value`);
    }
    return [name, headerValue];
  });
}

/**
 * Gives a scripted answer.
 * @param {ScriptedResponse} step
 * @param {{ req: IncomingMessage, res: ServerResponse, lifecycle: Lifecycle }} context
 */
export async function playScripted(step, { req, res, lifecycle }) {
  await lifecycle.wait(step.delayMs);
  if (lifecycle.closed) return void req.socket.destroy();
  if (step.drop) return breakConnection(req.socket);
  if (step.hang) {
    lifecycle.hold(res);
    return;
  }
  /** @type {Record<string, string>} */
  const headers = Object.assign(Object.create(null), step.cors ? corsHeaders(req) : {});
  for (const [name, value] of step.headers) headers[name.toLowerCase()] = value;
  if (step.contentType !== null) headers['content-type'] = step.contentType;
  send(res, step.status, headers, step.body);
}

/**
 * Ends the connection without a usable answer, so that the client sees a network failure.
 * Not a bare close: a browser re-sends a request whose reused keep-alive connection closed
 * before any response (Chrome does, POST included), and the test would get the next answer
 * instead of the failure. A response head with two different Content-Lengths is refused by
 * browsers and Node alike, without a retry; the connection is closed right after it.
 * @param {import('node:net').Socket} socket
 */
function breakConnection(socket) {
  socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nContent-Length: 1\r\n\r\n');
}
