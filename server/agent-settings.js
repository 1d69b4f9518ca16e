// @ts-check
/**
 * The agent-server's settings (CURRENT-SERVERS §2.2, §2.3): `GET /api/settings` always answers
 * (defaults when nothing is stored), `PATCH /api/settings` merges diffs into the stored settings
 * by the variant's rule (merge-patch.js) and validates the result; nothing is stored when it
 * fails.
 *
 * The merge works on the settings as the variant writes them with secrets in clear (the real
 * servers `model_dump` with exposed secrets, merge, then validate), so the wire shape decides what
 * a patch can reach: `{"mcp_config": {"docs": null}}` deletes a server under RFC 7386 (flat map),
 * `{"mcp_config": {"mcpServers": {"docs": null}}}` does under nested-delete, and nothing does under
 * deep-merge, where that null is stored and then fails validation (so a client can only replace
 * the whole map there, after `{"mcp_config": null}` emptied it).
 *
 * A `null` on a top-level field: RFC 7386 deletes it (the default comes back); the two older
 * variants keep it and validation refuses it, except `mcp_config: null`, which empties the map
 * (the field is Optional and falls back to its default) in every variant.
 */

import { deepMergeKeepingNulls, deepMergeNestedDelete, mergePatch } from './merge-patch.js';
import { validateMcpConfig } from './mcp-map.js';
import {
  agentSettingsWire,
  defaultAgentSettings,
  defaultConversationSettings,
  llmApiKeyIsSet,
  withLlmKeyChecked,
} from './modern-record.js';
import { Errors } from './pydantic-errors.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./modern-record.js').ModernRecord} ModernRecord */
/** @typedef {import('./modes.js').McpRules} McpRules */
/** @typedef {import('./pydantic-errors.js').ErrorItem} ErrorItem */
/**
 * @typedef {object} AgentDiffs what a PATCH body asks for (absent: not sent)
 * @property {Map<string, PyValue>} [agent]
 * @property {Map<string, PyValue>} [conversation]
 * @property {Map<string, PyValue>} [misc]
 * @property {Map<string, PyValue | null>} [pointers] `active_profile`, `active_agent_profile_id`
 */

/**
 * @param {string} variant
 * @returns {(base: Map<string, PyValue>, diff: Map<string, PyValue>) => Map<string, PyValue>}
 */
function mergerOf(variant) {
  if (variant === 'merge-patch') return (base, diff) => /** @type {Map<string, PyValue>} */ (mergePatch(base, diff));
  return variant === 'nested-delete' ? deepMergeNestedDelete : deepMergeKeepingNulls;
}

/**
 * @param {ModernRecord} stored
 * @param {AgentDiffs} diffs
 * @param {string} variant
 * @param {McpRules} rules
 * @returns {{ ok: true, record: ModernRecord } | { ok: false, errors: ErrorItem[] }}
 */
export function applyAgentDiffs(stored, diffs, variant, rules) {
  const merge = mergerOf(variant);
  const errors = new Errors();
  /** @type {ModernRecord} */
  const next = { ...stored, fields: new Map(stored.fields) };

  if (diffs.agent) {
    const base = agentSettingsWire(stored, { rules, expose: true, noneAs: 'empty-map', llmKeyAs: 'mask' });
    const merged = merge(base, diffs.agent);
    const mcp = merged.get('mcp_config');
    merged.delete('mcp_config');
    const agent = settled(merged, defaultAgentSettings(), variant, errors);
    const checked = validateMcpConfig(mcp, rules, ['mcp_config']);
    if (!checked.ok) errors.list.push(...checked.errors);
    else next.mcp = checked.servers;
    next.agent = withLlmKeyChecked(agent);
  }
  if (diffs.conversation) {
    const merged = merge(stored.conversation, diffs.conversation);
    next.conversation = settled(merged, defaultConversationSettings(), variant, errors);
  }
  if (diffs.misc) next.misc = merge(stored.misc, diffs.misc);
  for (const [key, value] of diffs.pointers ?? []) next.fields.set(key, value);
  return errors.list.length ? { ok: false, errors: errors.list } : { ok: true, record: next };
}

/**
 * Top-level fields after a merge: RFC 7386 removed some (their defaults come back); the older
 * merges may have kept a null, which validation refuses.
 * @param {Map<string, PyValue>} merged
 * @param {Map<string, PyValue>} defaults
 * @param {string} variant
 * @param {Errors} errors
 */
function settled(merged, defaults, variant, errors) {
  if (variant === 'merge-patch') {
    for (const [key, value] of defaults) if (!merged.has(key)) merged.set(key, value);
    return merged;
  }
  for (const [key, value] of merged) {
    if (value === null && defaults.get(key) !== null) errors.valueError([key], value, `${key} cannot be null`);
  }
  return merged;
}

/**
 * The answer of `GET` and `PATCH /api/settings`: secrets masked, the MCP map in the variant's
 * shape; the newer variants add the profile pointers and `misc_settings`.
 * @param {ModernRecord} record
 * @param {string} variant
 * @param {McpRules} rules
 */
export function agentSettingsAnswer(record, variant, rules) {
  /** @type {Map<string, unknown>} */
  const answer = new Map();
  answer.set(
    'agent_settings',
    agentSettingsWire(record, { rules, expose: false, noneAs: 'empty-map', llmKeyAs: 'mask' }),
  );
  answer.set('conversation_settings', record.conversation);
  answer.set('llm_api_key_is_set', llmApiKeyIsSet(record));
  if (variant !== 'deep-merge') {
    answer.set('active_profile', record.fields.get('active_profile') ?? null);
    answer.set('active_agent_profile_id', record.fields.get('active_agent_profile_id') ?? null);
    answer.set('misc_settings', record.misc);
  }
  return answer;
}
