// @ts-check
/**
 * What the routes of the two newer APIs (v1-api.js, agent-api.js) share: their request context,
 * and FastAPI's body decoding followed by the session key check, in that order (as in V0: a
 * malformed body is a 422 even without a key).
 */

import { sendJson } from './http.js';
import { decodeFastApiBody, jsonInvalidItem } from './request.js';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./store.js').Tenant} Tenant */
/** @typedef {import('./http.js').Lifecycle} Lifecycle */
/**
 * @typedef {object} ModernContext
 * @property {IncomingMessage} req
 * @property {ServerResponse} res
 * @property {Tenant} tenant
 * @property {URL} url
 * @property {string} apiPath the path after the tenant prefix
 * @property {Buffer} body
 * @property {Record<string, string>} cors
 * @property {Lifecycle} lifecycle
 */

/**
 * The body as FastAPI decodes it, after which the session key is checked; answers what the real
 * server answers when either fails.
 * @param {ModernContext} context
 * @param {(context: ModernContext) => boolean} authorised
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
