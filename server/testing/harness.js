// @ts-check
/**
 * Helpers for the Node tests of the reference server (kept out of server/test/, where
 * `node --test` would run them as tests). Requests go through node:http so that nothing is
 * added behind the test's back: no Content-Type, no Origin, exact bytes.
 */

import { request as httpRequest } from 'node:http';
import { after, before } from 'node:test';
import { startReferenceServer } from '../listen.js';

/** @typedef {import('../app.js').ReferenceServerOptions} ReferenceServerOptions */
/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {string} text
 * @property {any} json the body parsed as JSON (undefined when it is not JSON)
 */

export const JSON_HEADERS = Object.freeze({ 'content-type': 'application/json' });

/**
 * Starts a server on 127.0.0.1, port 0, closed when the test ends.
 * @param {import('node:test').TestContext | { after(fn: () => unknown): void }} t
 * @param {ReferenceServerOptions} [options]
 */
export async function startServer(t, options) {
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1', ...options });
  t.after(() => server.close());
  return server;
}

/**
 * One server for a whole test file, on 127.0.0.1, port 0: `server.url` is set once the
 * file's `before` hook ran. Tests keep apart by creating their own tenants.
 * @param {ReferenceServerOptions} [options]
 */
export function useServer(options) {
  const server = {
    url: '',
    /** @type {import('../app.js').ReferenceServer | null} */
    app: null,
  };
  /** @type {(() => Promise<void>) | null} */
  let close = null;
  before(async () => {
    const started = await startReferenceServer({ port: 0, host: '127.0.0.1', ...options });
    server.url = started.url;
    server.app = started.app;
    close = started.close;
  });
  after(() => close?.());
  return server;
}

/**
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string | Buffer, timeoutMs?: number }} [options]
 * @returns {Promise<Reply>}
 */
export function send(url, { method = 'GET', headers = {}, body, timeoutMs = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent: false, timeout: timeoutMs }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * POSTs `body` (an object is sent as JSON, a string as it is) to a tenant's add-git-providers.
 * @param {string} base the server URL plus the tenant's base URL
 * @param {unknown} body
 * @param {Record<string, string>} [headers] sent instead of the default JSON Content-Type
 */
export function postProviders(base, body, headers = { ...JSON_HEADERS }) {
  return send(`${base}/api/add-git-providers`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * Calls a test control and returns its JSON (throws on a status other than `expected`).
 * @param {string} serverUrl
 * @param {string} method
 * @param {string} path after `/__control`
 * @param {unknown} [body]
 * @param {number} [expected]
 */
export async function control(serverUrl, method, path, body, expected) {
  const reply = await send(`${serverUrl}/__control${path}`, {
    method,
    headers: body === undefined ? {} : { ...JSON_HEADERS },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const ok = expected === undefined ? reply.status >= 200 && reply.status < 300 : reply.status === expected;
  if (!ok) throw new Error(`control ${method} ${path}: ${reply.status} ${reply.text}`);
  return reply.json;
}

/**
 * Creates an isolated tenant; returns its id and its full base URL.
 * @param {string} serverUrl
 * @param {object} [options]
 * @returns {Promise<{ id: string, base: string }>}
 */
export async function createTenant(serverUrl, options = {}) {
  const { id, baseUrl } = await control(serverUrl, 'POST', '/tenants', options, 201);
  return { id, base: `${serverUrl}${baseUrl}` };
}

/**
 * A Python value of the server (maps, big ints) as plain JSON-like data, for deep equality.
 * @param {unknown} v
 * @returns {any}
 */
export const plain = (v) =>
  v instanceof Map
    ? Object.fromEntries([...v].map(([k, x]) => [k, plain(x)]))
    : Array.isArray(v)
      ? v.map(plain)
      : typeof v === 'bigint'
        ? Number(v)
        : v;
