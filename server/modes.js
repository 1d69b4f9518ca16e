// @ts-check
/**
 * The server APIs a tenant can speak, and the versions of each that differ in ways a client
 * notices (docs/CURRENT-SERVERS.md). A tenant has one `api` for life; its `variant` may change
 * (a PATCH of the controls), which is how a test simulates a server upgrade under a page.
 *
 *   v0            OpenHands 0.53.0 (docs/CONTRACT.md): the original reference server
 *   v1            the OpenHands app server, `/api/v1/...` (CURRENT-SERVERS §1)
 *   agent-server  the software-agent-sdk agent-server, `/api/...` (CURRENT-SERVERS §2)
 */

/** @typedef {'v0' | 'v1' | 'agent-server'} ApiMode */

/** @type {readonly ApiMode[]} */
export const API_MODES = Object.freeze(['v0', 'v1', 'agent-server']);

/**
 * Variants, newest first (the first is the default).
 * - v1 `native`: OpenHands with the SDK's native MCP map (OH settings_models @b7eb7abe, secrets_router
 *   @40df8a82, mcp_test_router @b140adb7): flat `mcp_config`, masks restored, `{"detail"}` token
 *   rejection, `DELETE /git-providers`, MCP test runs.
 * - v1 `fastmcp`: OpenHands on SDK <= 1.30 (OH @ea26adf2 / @029f8233, secrets_router @0193b0c2):
 *   FastMCP's `{"mcpServers": ...}` wrapper, no mask restore, `{"error"}` token rejection,
 *   `DELETE /git-providers/tokens`, no MCP test endpoints.
 * - agent-server `merge-patch` (SDK persistence/models @0b031f80): flat map, RFC 7386 PATCH.
 * - agent-server `nested-delete` (settings_router @83818367): wrapped, deep merge where a null
 *   inside a nested map deletes that entry.
 * - agent-server `deep-merge` (settings_router @a3905c7c, persistence/utils @6ec01438): wrapped,
 *   deep merge that stores nulls, `str(ValidationError)` as the 422 detail.
 * @type {Readonly<Record<ApiMode, readonly string[]>>}
 */
export const VARIANTS = Object.freeze({
  v0: Object.freeze(['0.53.0']),
  v1: Object.freeze(['native', 'fastmcp']),
  'agent-server': Object.freeze(['merge-patch', 'nested-delete', 'deep-merge']),
});

/** @param {ApiMode} api */
export const defaultVariant = (api) => /** @type {string} */ (VARIANTS[api][0]);

/**
 * How a variant's MCP map behaves (mcp-map.js reads this).
 * @typedef {object} McpRules
 * @property {boolean} wrapped `mcp_config` is `{"mcpServers": {...}}` on the wire (SDK <= 1.30)
 * @property {boolean} acceptsFlatAndWrapped input may be either shape (the V1 app server's adapter)
 * @property {boolean} allowsEnabled the server model has `enabled` (CURRENT-SERVERS §3.3: only in
 *   copies not attributed to OpenHands, so only the newest variants take it; older ones forbid it)
 * @property {boolean} needsCommandOrUrl FastMCP's runtime-shape check of the wrapper era rejects a
 *   server that is neither stdio nor remote; the native model lets it through (hence V1's 400
 *   "neither command nor url" on a test)
 * @property {string} redactedEnv what `env` and `headers` values read as: the SDK mask, or
 *   `sanitize_dict`'s `<redacted>` in the oldest agent-server (CURRENT-SERVERS §3.4)
 */

export const MASK = '**********';
export const REDACTED = '<redacted>';

/**
 * @param {ApiMode} api
 * @param {string} variant
 * @returns {McpRules}
 */
export function mcpRules(api, variant) {
  const newest = (api === 'v1' && variant === 'native') || (api === 'agent-server' && variant === 'merge-patch');
  return {
    wrapped: !newest,
    acceptsFlatAndWrapped: api === 'v1',
    allowsEnabled: newest,
    needsCommandOrUrl: !newest,
    redactedEnv: api === 'agent-server' && variant === 'deep-merge' ? REDACTED : MASK,
  };
}
