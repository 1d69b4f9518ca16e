// @ts-check
/**
 * The entry of the two newer APIs: api.js has logged the request, waited the tenant's delay,
 * played a scripted answer if one was queued and refused an oversized body; what is left is the
 * mode's own routes.
 */

import { sendJson } from './http.js';
import { serveV1 } from './v1-api.js';

/** @typedef {import('./modern-request.js').ModernContext} ModernContext */

/** @param {ModernContext} context */
export function serveModernApi(context) {
  if (context.tenant.api === 'v1') return serveV1(context);
  // The agent-server's routes are not there yet.
  return sendJson(context.res, 404, { detail: 'Not Found' }, context.cors);
}
