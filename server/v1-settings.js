// @ts-check
/**
 * The V1 app server's settings (CURRENT-SERVERS §1.2, §1.7; OH settings_router.py @9fe39703,
 * settings_models.py @b7eb7abe and @ea26adf2):
 *
 * - `POST /api/v1/settings` takes any JSON object. `agent_settings` or `conversation_settings`
 *   (the legacy keys) -> 422 `{"error": ..., "keys": [sorted]}`; nothing else is a 422. Flat V0
 *   keys (`llm_model`, a top-level `mcp_config`, ...) are not V1 fields: ignored, the answer is
 *   still 200 (so a V0-style save is "stored" and changes nothing: tests can see that).
 * - `agent_settings_diff.mcp_config` **replaces** the stored map (both variants); the newest
 *   first restores masked secrets of servers it keeps (mcp-secrets.js). Both shapes are taken.
 * - The rest of `agent_settings_diff`, and `conversation_settings_diff`, are merged (OH's
 *   `deep_merge`: nested maps merge, `null` deletes). A diff that is not an object is ignored.
 * - Top-level V1 fields are set as sent; `search_api_key: ""` clears it; a `null`
 *   `user_consents_to_analytics` keeps the stored value.
 * - Any failure while updating (an invalid MCP server) -> 500 `{"error": "Something went wrong
 *   storing settings"}`, not a 422; nothing is stored. No record yet: one is made.
 */

import { mergePatch } from './merge-patch.js';
import { validateMcpConfig } from './mcp-map.js';
import { restoreMaskedSecrets } from './mcp-secrets.js';
import {
  agentSettingsWire,
  defaultRecord,
  defaultV1Fields,
  llmApiKeyIsSet,
  withLlmKeyChecked,
} from './modern-record.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./modern-record.js').ModernRecord} ModernRecord */
/** @typedef {import('./modes.js').McpRules} McpRules */
/** @typedef {import('./provider-check.js').StoredToken} StoredToken */

const LEGACY_KEYS = ['agent_settings', 'conversation_settings'];

/**
 * @param {Map<string, PyValue>} payload
 * @returns {string[]} the legacy keys present, sorted
 */
export function legacyKeys(payload) {
  return LEGACY_KEYS.filter((key) => payload.has(key)).sort();
}

/**
 * Applies a `POST /api/v1/settings` payload (legacy keys already refused).
 * @param {ModernRecord | null} stored
 * @param {Map<string, PyValue>} payload
 * @param {{ rules: McpRules, restoresMasks: boolean }} variant
 * @returns {ModernRecord | null} null when the real server would fail (500)
 */
export function updateV1Settings(stored, payload, { rules, restoresMasks }) {
  const base = stored ?? defaultRecord('v1');
  /** @type {ModernRecord} */
  const next = { ...base, fields: new Map(base.fields), agent: base.agent, conversation: base.conversation };

  const agentDiff = payload.get('agent_settings_diff');
  if (agentDiff instanceof Map) {
    const rest = new Map([...agentDiff].filter(([key]) => key !== 'mcp_config'));
    const merged = mergePatch(base.agent, rest);
    next.agent = withLlmKeyChecked(/** @type {Map<string, PyValue>} */ (merged));
    if (agentDiff.has('mcp_config')) {
      let sent = /** @type {PyValue} */ (agentDiff.get('mcp_config'));
      if (restoresMasks) sent = restoreMaskedSecrets(sent, base.mcp);
      const checked = validateMcpConfig(sent, rules, ['mcp_config']);
      if (!checked.ok) return null;
      next.mcp = checked.servers;
    }
  }
  const conversationDiff = payload.get('conversation_settings_diff');
  if (conversationDiff instanceof Map) {
    next.conversation = /** @type {Map<string, PyValue>} */ (mergePatch(base.conversation, conversationDiff));
  }

  const known = defaultV1Fields();
  for (const [key, value] of payload) {
    if (!known.has(key)) continue;
    next.fields.set(key, key === 'search_api_key' || key === 'sandbox_api_key' ? (value === '' ? null : value) : value);
  }
  if (stored && next.fields.get('user_consents_to_analytics') === null) {
    next.fields.set('user_consents_to_analytics', stored.fields.get('user_consents_to_analytics') ?? null);
  }
  return next;
}

/**
 * `GET /api/v1/settings`' answer: the record's fields, `agent_settings` with the LLM key null
 * and MCP secrets masked, `provider_tokens_set` (a provider with a token or a user_id), the
 * `*_set` flags; `search_api_key` and `sandbox_api_key` null.
 * @param {ModernRecord} record
 * @param {ReadonlyMap<string, StoredToken>} tokens
 * @param {McpRules} rules
 */
export function v1SettingsAnswer(record, tokens, rules) {
  /** @type {Map<string, unknown>} */
  const answer = new Map(record.fields);
  answer.set('search_api_key', null);
  answer.set('sandbox_api_key', null);
  answer.set('secrets_store', new Map([['provider_tokens', new Map()]]));
  answer.set(
    'agent_settings',
    agentSettingsWire(record, {
      rules,
      expose: false,
      noneAs: rules.wrapped ? 'null' : 'empty-map',
      llmKeyAs: 'null',
    }),
  );
  answer.set('conversation_settings', record.conversation);
  answer.set('registered_marketplaces', []);
  answer.set('inherited_marketplaces', []);
  const set = [...tokens].filter(([, t]) => t.token || t.user_id).map(([provider, t]) => [provider, t.host]);
  answer.set('provider_tokens_set', new Map(/** @type {[string, string | null][]} */ (set)));
  answer.set('llm_api_key_set', llmApiKeyIsSet(record));
  const search = record.fields.get('search_api_key');
  answer.set('search_api_key_set', typeof search === 'string' && search.trim() !== '');
  return answer;
}
