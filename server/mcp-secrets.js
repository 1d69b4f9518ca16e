// @ts-check
/**
 * Secrets of stored MCP servers on the way out and back in (CURRENT-SERVERS §3.4):
 *
 * - {@link maskedServers}: what an answer shows. Every secret reads as the mask `**********`; the
 *   oldest agent-server shows `env` and `headers` values as `<redacted>` instead (the SDK's
 *   `sanitize_dict`, which older agent-servers applied to MCP data; AC looks for `<redacted>` in
 *   env values), a second placeholder a client must also treat as "unchanged".
 * - {@link restoreMaskedSecrets}: the newest V1 app server's `preserve_existing_mcp_secrets`
 *   (OH mcp_config_adapter.py @b7eb7abe), run before validation. For a server whose name is
 *   already stored: a leaf `**********` or `Bearer **********` in `auth`, `headers` or `env` gets
 *   the stored value back; with the same auth strategy, auth fields left out are copied from the
 *   stored auth; a server sent with neither `auth` nor `headers` keeps the stored auth, or, when
 *   it had no auth, the stored headers (the real code checks again after putting auth back).
 *   Every other server (and every other variant) has no such help: validation turns a mask into
 *   None (mcp-map.js), which is how a client that echoes masks loses secrets.
 */

import { MASK } from './modes.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./mcp-map.js').McpServers} McpServers */
/** @typedef {import('./modes.js').McpRules} McpRules */

/**
 * @param {McpServers} servers stored, secrets in clear
 * @param {McpRules} rules
 * @returns {McpServers}
 */
export function maskedServers(servers, rules) {
  /** @type {McpServers} */
  const out = new Map();
  for (const [name, server] of servers) {
    const copy = new Map(server);
    for (const field of ['env', 'headers']) {
      const map = server.get(field);
      if (map instanceof Map) copy.set(field, maskAll(map, rules.redactedEnv));
    }
    const auth = server.get('auth');
    if (auth instanceof Map) copy.set('auth', maskedAuth(auth));
    out.set(name, copy);
  }
  return out;
}

/**
 * @param {Map<string, PyValue>} map
 * @param {string} placeholder
 */
const maskAll = (map, placeholder) => new Map([...map.keys()].map((key) => [key, placeholder]));

/** @param {Map<string, PyValue>} auth */
function maskedAuth(auth) {
  const out = new Map(auth);
  for (const field of ['value', 'password']) if (auth.get(field) != null) out.set(field, MASK);
  const headers = auth.get('headers');
  if (headers instanceof Map) out.set('headers', maskAll(headers, MASK));
  return out;
}

const isMaskedLeaf = (/** @type {PyValue | undefined} */ v) => v === MASK || v === `Bearer ${MASK}`;

/**
 * @param {PyValue} incoming the `mcp_config` of a save, as sent (flat or wrapped)
 * @param {McpServers | null} stored
 * @returns {PyValue} the incoming servers, flat, masks filled in; `incoming` itself when there is
 *   nothing stored (or nothing sent), as the real function returns it unchanged
 */
export function restoreMaskedSecrets(incoming, stored) {
  if (incoming === null || !stored || stored.size === 0) return incoming;
  const servers = incoming instanceof Map ? (incoming.has('mcpServers') ? incoming.get('mcpServers') : incoming) : null;
  if (!(servers instanceof Map)) return new Map();
  /** @type {Map<string, PyValue>} */
  const out = new Map();
  for (const [name, server] of servers) {
    // The real function dumps each incoming server to a dict; anything else becomes {}.
    const copy = server instanceof Map ? deepCopy(server) : new Map();
    const existing = stored.get(name);
    if (existing) {
      preserveAuthAndHeaders(copy, existing);
      const env = copy.get('env');
      const existingEnv = existing.get('env');
      if (env instanceof Map && existingEnv instanceof Map) preserveLeaves(env, existingEnv);
    }
    out.set(name, copy);
  }
  return out;
}

/**
 * @param {Map<string, PyValue>} incoming changed in place
 * @param {Map<string, PyValue>} existing
 */
function preserveAuthAndHeaders(incoming, existing) {
  // Asked afresh before each part, as the real code does: once a stored `auth` was put back, a
  // stored `headers` is not (so of a server sent with neither, only its auth survives).
  const sentNeither = () => !incoming.has('auth') && !incoming.has('headers');
  const auth = incoming.get('auth');
  const existingAuth = existing.get('auth');
  if (auth instanceof Map && existingAuth instanceof Map) {
    if (auth.get('strategy') === existingAuth.get('strategy')) {
      for (const [key, value] of existingAuth) if (!auth.has(key)) auth.set(key, deepCopy(value));
      preserveLeaves(auth, existingAuth);
    }
  } else if (sentNeither() && existingAuth) incoming.set('auth', deepCopy(existingAuth));

  const headers = incoming.get('headers');
  const existingHeaders = existing.get('headers');
  if (headers instanceof Map && existingHeaders instanceof Map) preserveLeaves(headers, existingHeaders);
  else if (sentNeither() && existingHeaders instanceof Map && existingHeaders.size > 0) {
    incoming.set('headers', deepCopy(existingHeaders));
  }
}

/**
 * @param {Map<string, PyValue>} incoming changed in place
 * @param {PyValue | undefined} existing
 */
function preserveLeaves(incoming, existing) {
  if (!(existing instanceof Map)) return;
  for (const [key, value] of incoming) {
    const existingValue = existing.get(key);
    if (isMaskedLeaf(value) && existingValue !== undefined && existingValue !== null) {
      incoming.set(key, deepCopy(existingValue));
    } else if (value instanceof Map) preserveLeaves(value, existingValue);
  }
}

/**
 * @template {PyValue} T
 * @param {T} value
 * @returns {T}
 */
export function deepCopy(value) {
  if (value instanceof Map) {
    /** @type {Map<string, PyValue>} */
    const copy = new Map();
    for (const [k, v] of /** @type {Map<string, PyValue>} */ (value)) copy.set(k, deepCopy(v));
    return /** @type {T} */ (copy);
  }
  if (Array.isArray(value)) return /** @type {T} */ (value.map(deepCopy));
  return value;
}
