// @ts-check
/**
 * The settings record of the two newer APIs, kept in one shape whatever the variant (so that a
 * test can switch variants under a page): the agent settings apart from their MCP map, the MCP
 * map normalised and flat (mcp-map.js), the conversation settings, and, on V1, the app server's
 * own top-level fields. Only `mcp_config` and `llm.api_key` are modelled; the other agent and
 * conversation fields are kept as merged, unvalidated (the component never edits them, and the
 * tests only need to see them survive an MCP save).
 *
 * Each variant writes it in its own wire shape: {@link agentSettingsWire}.
 */

import { MASK } from './modes.js';
import { isNoSecret, wireShape } from './mcp-map.js';
import { deepCopy, maskedServers } from './mcp-secrets.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./mcp-map.js').McpServers} McpServers */
/** @typedef {import('./modes.js').ApiMode} ApiMode */
/** @typedef {import('./modes.js').McpRules} McpRules */
/**
 * @typedef {object} ModernRecord
 * @property {Map<string, PyValue>} fields V1's top-level product fields (`language`, `git_user_name`,
 *   `search_api_key`, ...); on the agent-server `active_profile` and `active_agent_profile_id`
 * @property {Map<string, PyValue>} agent `agent_settings` without `mcp_config`, secrets in clear
 * @property {McpServers | null} mcp the MCP servers, secrets in clear; null: never set or reset
 * @property {Map<string, PyValue>} conversation `conversation_settings`
 * @property {Map<string, PyValue>} misc the agent-server's `misc_settings` (newer variants)
 */

/**
 * A Map of decoded-JSON values from entries of mixed types (a Map literal would take its value
 * type from the first entry).
 * @param {[string, PyValue][]} entries
 * @returns {Map<string, PyValue>}
 */
export const pyMap = (entries) => new Map(entries);

/** A short stand-in for the SDK's agent settings: enough for a client to see them kept. */
export function defaultAgentSettings() {
  return pyMap([
    ['agent_kind', 'openhands'],
    [
      'llm',
      pyMap([
        ['model', 'anthropic/claude-sonnet-4-5-20250929'],
        ['api_key', null],
        ['base_url', null],
      ]),
    ],
  ]);
}

export function defaultConversationSettings() {
  return pyMap([
    ['max_iterations', 500n],
    ['confirmation_mode', false],
    ['security_analyzer', null],
  ]);
}

/**
 * The V1 `Settings` fields outside agent and conversation settings (OH settings_models.py
 * @b7eb7abe), with their defaults. A `POST /api/v1/settings` may set any of them directly.
 * @returns {Map<string, PyValue>}
 */
export function defaultV1Fields() {
  return pyMap([
    ['language', null],
    ['user_version', null],
    ['remote_runtime_resource_factor', null],
    ['enable_sound_notifications', false],
    ['enable_proactive_conversation_starters', true],
    ['user_consents_to_analytics', null],
    ['sandbox_base_container_image', null],
    ['sandbox_runtime_container_image', null],
    ['disabled_skills', null],
    ['search_api_key', null],
    ['sandbox_api_key', null],
    ['max_budget_per_task', null],
    ['email', null],
    ['email_verified', null],
    ['git_user_name', null],
    ['git_user_email', null],
    ['git_full_clone', false],
    ['v1_enabled', true],
    ['sandbox_grouping_strategy', 'NO_GROUPING'],
    ['default_sandbox_spec_id', null],
  ]);
}

/**
 * @param {ApiMode} api
 * @returns {ModernRecord}
 */
export function defaultRecord(api) {
  return {
    fields:
      api === 'v1'
        ? defaultV1Fields()
        : pyMap([
            ['active_profile', null],
            ['active_agent_profile_id', null],
          ]),
    agent: defaultAgentSettings(),
    mcp: null,
    conversation: defaultConversationSettings(),
    misc: new Map(),
  };
}

/**
 * The LLM key goes through `validate_secret` like every SDK secret: a mask (or a blank) sent back
 * is no key at all.
 * @param {Map<string, PyValue>} agent
 * @returns {Map<string, PyValue>}
 */
export function withLlmKeyChecked(agent) {
  const llm = agent.get('llm');
  const key = llm instanceof Map ? llm.get('api_key') : undefined;
  if (!(llm instanceof Map) || typeof key !== 'string' || !isNoSecret(key)) return agent;
  return new Map(agent).set('llm', new Map(llm).set('api_key', null));
}

/** @param {ModernRecord} record */
export function llmApiKeyIsSet(record) {
  const llm = record.agent.get('llm');
  const key = llm instanceof Map ? llm.get('api_key') : null;
  return typeof key === 'string' && key.trim() !== '';
}

/**
 * `agent_settings` as the variant writes it.
 * @param {ModernRecord} record
 * @param {object} how
 * @param {McpRules} how.rules
 * @param {boolean} how.expose secrets in clear (the base a merge starts from) instead of masked
 * @param {'empty-map' | 'null'} how.noneAs what an unset MCP map reads as: the agent-server's
 *   wrapper era and every native model write `{}`, V1's FastMCP era `null`
 * @param {'mask' | 'null'} how.llmKeyAs V1 answers `llm.api_key: null`, the agent-server the mask
 * @returns {Map<string, PyValue>}
 */
export function agentSettingsWire(record, { rules, expose, noneAs, llmKeyAs }) {
  const out = deepCopy(record.agent);
  const llm = out.get('llm');
  if (!expose && llm instanceof Map && llm.get('api_key') != null)
    llm.set('api_key', llmKeyAs === 'mask' ? MASK : null);
  /** @type {PyValue} */
  let mcp = noneAs === 'null' ? null : new Map();
  if (record.mcp) mcp = wireShape(expose ? deepCopy(record.mcp) : maskedServers(record.mcp, rules), rules.wrapped);
  out.set('mcp_config', mcp);
  return out;
}
