// @ts-check
/**
 * The entry of the two newer APIs: api.js has logged the request, waited the tenant's delay,
 * played a scripted answer if one was queued and refused an oversized body; what is left is the
 * mode's own routes.
 */

import { serveAgentServer } from './agent-api.js';
import { serveV1 } from './v1-api.js';

/** @typedef {import('./modern-request.js').ModernContext} ModernContext */

/** @param {ModernContext} context */
export function serveModernApi(context) {
  return context.tenant.api === 'v1' ? serveV1(context) : serveAgentServer(context);
}
