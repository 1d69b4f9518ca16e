// @ts-check
/**
 * The entry of the two newer APIs: api.js has logged the request, waited the tenant's delay,
 * played a scripted answer if one was queued and refused an oversized body; what is left is the
 * mode's own routes.
 */

import { serveAgentServer } from './agent-api.js';
import { serveV1 } from './v1-api.js';

/**
 * The request context the routes of the two newer APIs share (their body decoding and session key
 * check are every mode's: request.js, `decodedAndAuthorised`).
 * @typedef {object} ModernContext
 * @property {import('node:http').IncomingMessage} req
 * @property {import('node:http').ServerResponse} res
 * @property {import('./store.js').Tenant} tenant
 * @property {URL} url
 * @property {string} apiPath the path after the tenant prefix
 * @property {Buffer} body
 * @property {Record<string, string>} cors
 * @property {import('./http.js').Lifecycle} lifecycle
 */

/** @param {ModernContext} context */
export function serveModernApi(context) {
  return context.tenant.api === 'v1' ? serveV1(context) : serveAgentServer(context);
}
