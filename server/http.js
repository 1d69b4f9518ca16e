// @ts-check
/**
 * Reading requests and writing answers, with the bounds that keep a hostile client from
 * hurting the process: a body limit, answers written once, and a lifecycle that can end
 * every pending delay and held-open response when the server closes.
 */

import { dumpsPython, PythonEncodeError } from './python-json.js';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./python-json.js').JsonOut} JsonOut */
/** @typedef {Record<string, string>} Headers */

/** Bodies above this are answered 413 (the real server has no limit; this one runs next to tests). */
export const MAX_BODY_BYTES = 1024 * 1024;
// A body this far over the limit is not worth reading to the end: the connection is cut.
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;

/**
 * Reads the whole body. Over `limit` it keeps reading (so that the client, still sending,
 * can read the 413) but keeps nothing; far over it, it destroys the connection.
 * @param {IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<{ bytes: Buffer, tooLarge: boolean }>} rejects when the client goes away
 */
export async function readBody(req, limit = MAX_BODY_BYTES) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
    else if (size > MAX_DRAIN_BYTES) {
      req.destroy();
      throw new Error('request body far over the limit');
    }
  }
  return { bytes: size <= limit ? Buffer.concat(chunks) : Buffer.alloc(0), tooLarge: size > limit };
}

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {Headers} headers
 * @param {string | Buffer} body
 */
export function send(res, status, headers, body) {
  if (res.headersSent || res.destroyed) return;
  const bodyless = status === 204 || status === 304;
  res.writeHead(status, bodyless ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(bodyless ? undefined : body);
}

/**
 * A JSON answer written as the real server writes it. What Python could not write (NaN,
 * a lone surrogate echoed in a 422) becomes the plain-text 500 the real server gives.
 * @param {ServerResponse} res
 * @param {number} status
 * @param {JsonOut} value
 * @param {Headers} [headers]
 */
export function sendJson(res, status, value, headers = {}) {
  let body;
  try {
    body = dumpsPython(value);
  } catch (error) {
    if (error instanceof PythonEncodeError) return sendInternalServerError(res);
    throw error;
  }
  send(res, status, { ...headers, 'content-type': 'application/json' }, body);
}

/**
 * A JSON answer of the test controls, which need not follow Python's limits.
 * @param {ServerResponse} res
 * @param {number} status
 * @param {JsonOut} value
 * @param {Headers} [headers]
 */
export function sendControlJson(res, status, value, headers = {}) {
  send(res, status, { ...headers, 'content-type': 'application/json' }, dumpsPython(value, { strict: false }));
}

/**
 * What Starlette's outermost error handler sends when the app raised: plain text and,
 * being outside the CORS middleware, no CORS headers.
 * @param {ServerResponse} res
 */
export function sendInternalServerError(res) {
  send(res, 500, { 'content-type': 'text/plain; charset=utf-8' }, 'Internal Server Error');
}

/** @param {string | undefined} address */
export function isLoopbackAddress(address) {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/**
 * Pending delays and responses held open on purpose, so that closing the server ends them
 * instead of leaving timers and sockets behind.
 */
export class Lifecycle {
  /** @type {Set<{ timer: NodeJS.Timeout, resolve: () => void }>} */
  #waits = new Set();
  /** @type {Set<ServerResponse>} */
  #held = new Set();
  closed = false;

  /**
   * Resolves after `ms`, or at once when the server closes (check `closed` afterwards).
   * @param {number} ms
   */
  wait(ms) {
    if (!(ms > 0) || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.#waits.delete(entry);
          resolve(undefined);
        }, ms),
        resolve: () => resolve(undefined),
      };
      entry.timer.unref();
      this.#waits.add(entry);
    });
  }

  /**
   * Keeps `res` open without answering, until the client or the server closes it.
   * @param {ServerResponse} res
   */
  hold(res) {
    if (this.closed) {
      res.destroy();
      return;
    }
    this.#held.add(res);
    res.once('close', () => this.#held.delete(res));
  }

  close() {
    this.closed = true;
    for (const { timer, resolve } of this.#waits) {
      clearTimeout(timer);
      resolve();
    }
    this.#waits.clear();
    for (const res of this.#held) res.destroy();
    this.#held.clear();
  }
}
