// @ts-check
/**
 * The three ways today's servers merge a settings diff into what is stored. They differ only in
 * what a `null` means, and that difference decides whether a client can delete one MCP server:
 *
 * - {@link mergePatch}: RFC 7386 JSON Merge Patch. `null` deletes the key, at any depth. The
 *   newest agent-server (SDK `_merge_patch`, CURRENT-SERVERS §2.3) and the V1 app server for
 *   everything but `mcp_config` (OH `deep_merge`, `apply_agent_settings_diff`).
 * - {@link deepMergeNestedDelete}: the middle agent-server: `null` deletes an entry of a nested
 *   map, but a `null` on a top-level field is kept (it goes on to validation).
 * - {@link deepMergeKeepingNulls}: the oldest agent-server (`persistence/utils.deep_merge`):
 *   nested maps merge, anything else replaces, `null` included. No delete at all.
 *
 * Values are the `Map`s of python-json.js; inputs are never changed.
 */

/** @typedef {import('./python-json.js').PyValue} PyValue */

/**
 * @param {PyValue | undefined} target
 * @param {PyValue} patch
 * @returns {PyValue}
 */
export function mergePatch(target, patch) {
  if (!(patch instanceof Map)) return patch;
  /** @type {Map<string, PyValue>} */
  const out = target instanceof Map ? new Map(target) : new Map();
  for (const [key, value] of patch) {
    if (value === null) out.delete(key);
    else out.set(key, mergePatch(out.get(key), value));
  }
  return out;
}

/**
 * @param {Map<string, PyValue>} base
 * @param {Map<string, PyValue>} update
 * @returns {Map<string, PyValue>}
 */
export function deepMergeNestedDelete(base, update) {
  /** @type {(base: Map<string, PyValue>, update: Map<string, PyValue>, nested: boolean) => Map<string, PyValue>} */
  const merge = (into, changes, nested) => {
    const out = new Map(into);
    for (const [key, value] of changes) {
      const current = out.get(key);
      if (value === null && nested) out.delete(key);
      else if (value instanceof Map && current instanceof Map) out.set(key, merge(current, value, true));
      else out.set(key, nested ? withoutNulls(value) : value);
    }
    return out;
  };
  return merge(base, update, false);
}

/**
 * A value that replaces a non-map under the nested-delete merge: its nested nulls are unsets of
 * entries that do not exist, so they go.
 * @param {PyValue} value
 * @returns {PyValue}
 */
function withoutNulls(value) {
  if (!(value instanceof Map)) return value;
  return new Map([...value].filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

/**
 * @param {Map<string, PyValue>} base
 * @param {Map<string, PyValue>} update
 * @returns {Map<string, PyValue>}
 */
export function deepMergeKeepingNulls(base, update) {
  const out = new Map(base);
  for (const [key, value] of update) {
    const current = out.get(key);
    out.set(key, value instanceof Map && current instanceof Map ? deepMergeKeepingNulls(current, value) : value);
  }
  return out;
}
