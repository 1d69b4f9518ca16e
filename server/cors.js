// @ts-check
/**
 * CORS as a default OpenHands server does it (Starlette's CORSMiddleware with OpenHands'
 * localhost rule): an Origin on localhost, 127.0.0.1 or [::1], any port, http or https, is
 * allowed with credentials, every method and every requested header. Other origins get no
 * CORS headers at all.
 */

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {Record<string, string>} Headers */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** @param {string | undefined} origin */
export function isAllowedOrigin(origin) {
  if (!origin) return false;
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * The headers a response to `req` carries for CORS.
 * @param {IncomingMessage} req
 * @returns {Headers}
 */
export function corsHeaders(req) {
  const origin = req.headers.origin;
  if (!origin) return {};
  if (!isAllowedOrigin(origin)) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
}

/** @param {IncomingMessage} req */
export function isPreflight(req) {
  return req.method === 'OPTIONS' && Boolean(req.headers.origin) && 'access-control-request-method' in req.headers;
}

/**
 * Answers a preflight as Starlette does: 200 "OK" for an allowed origin, 400 otherwise.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 */
export function answerPreflight(req, res) {
  const allowed = isAllowedOrigin(req.headers.origin);
  /** @type {Headers} */
  const headers = { vary: 'Origin', 'content-type': 'text/plain; charset=utf-8' };
  if (allowed) {
    Object.assign(headers, corsHeaders(req), {
      'access-control-allow-methods': 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT',
      'access-control-max-age': '600',
    });
    const requested = req.headers['access-control-request-headers'];
    if (requested) headers['access-control-allow-headers'] = requested;
  }
  const body = allowed ? 'OK' : 'Disallowed CORS origin';
  res.writeHead(allowed ? 200 : 400, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}
