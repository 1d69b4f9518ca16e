// @ts-check
/**
 * Tenant options of a v1 or agent-server tenant (the v0 ones are tenant-options.js'). Shapes
 * (all keys optional):
 *
 *   { api: 'v1' | 'agent-server', variant, sessionKey: string | null, delayMs, mcpTestMs,
 *     settings: null (v1 only: no record) | {
 *       agent_settings: { llm: {...}, ..., mcp_config? },   merged into the defaults
 *       mcp_config: { name: server } | { mcpServers: {...} },   the stored MCP map (either shape)
 *       conversation_settings: {...}, misc_settings: {...} (agent-server),
 *       language, git_user_name, search_api_key, ... (v1's top-level fields) },
 *     provider_tokens: { github: { token, host?, user_id? } },   v1: the token store
 *     providerTypes: [...],                                       v1
 *     secrets: { NAME: "value" | { value, description? } } }     agent-server: the secrets store
 *
 * `mcp_config` goes through the variant's validation (so a test cannot seed what the server
 * would not store), except that both shapes are taken; its errors are the 400's `detail`. In a
 * PATCH, `settings` changes only the parts it names (on a v1 tenant without a record it makes
 * one), `mcp_config` replaces the map, `provider_tokens` and `secrets` replace their stores, and
 * `variant` may change (the stored state is kept: a server upgraded under the page).
 */

import { SECRET_NAME } from './agent-api.js';
import { mergePatch } from './merge-patch.js';
import { validateMcpConfig } from './mcp-map.js';
import { deepCopy } from './mcp-secrets.js';
import { defaultRecord, defaultV1Fields } from './modern-record.js';
import { defaultVariant, mcpRules } from './modes.js';
import {
  delayOption,
  object,
  OptionsError,
  providerTypesOption,
  sameApi,
  sessionKeyOption,
  variantOption,
} from './option-readers.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./store.js').TenantConfig} TenantConfig */
/** @typedef {import('./store.js').StoredSecret} StoredSecret */
/** @typedef {import('./provider-check.js').StoredToken} StoredToken */
/** @typedef {import('./modern-record.js').ModernRecord} ModernRecord */
/** @typedef {import('./modes.js').ApiMode} ApiMode */

/** ProviderType of today's app server (CURRENT-SERVERS §1.9). */
export const V1_PROVIDER_TYPES = Object.freeze([
  'github',
  'gitlab',
  'bitbucket',
  'bitbucket_data_center',
  'forgejo',
  'azure_devops',
  'enterprise_sso',
]);

/**
 * @param {Exclude<ApiMode, 'v0'>} api
 * @param {PyValue} input
 * @returns {TenantConfig}
 */
export function modernTenantConfig(api, input) {
  /** @type {TenantConfig} */
  const config = {
    sessionKey: null,
    providerTypes: api === 'v1' ? [...V1_PROVIDER_TYPES] : [],
    tokens: new Map(),
    settings: null,
    operatorMcpConfig: null,
    delayMs: 0,
    api,
    variant: defaultVariant(api),
    mcpTestMs: 0,
    modernSettings: defaultRecord(api),
    secrets: new Map(),
  };
  return applyModernOptions(config, input);
}

/**
 * Applies the options present in `input` over `config` (changed and returned); everything is read
 * before anything changes, so one bad option leaves the tenant as it was.
 * @param {TenantConfig} config
 * @param {PyValue} input
 * @returns {TenantConfig}
 */
export function applyModernOptions(config, input) {
  const { api } = config;
  const v1 = api === 'v1';
  const keys = ['api', 'variant', 'sessionKey', 'delayMs', 'mcpTestMs', 'settings'];
  const options = object(input, 'options', v1 ? [...keys, 'providerTypes', 'provider_tokens'] : [...keys, 'secrets']);
  if (options.has('api')) sameApi(api, options.get('api'));
  const variant = options.has('variant') ? variantOption(api, options.get('variant')) : config.variant;
  const next = {
    variant,
    sessionKey: options.has('sessionKey') ? sessionKeyOption(options.get('sessionKey')) : config.sessionKey,
    delayMs: options.has('delayMs') ? delayOption(options.get('delayMs'), 'delayMs') : config.delayMs,
    mcpTestMs: options.has('mcpTestMs') ? delayOption(options.get('mcpTestMs'), 'mcpTestMs') : config.mcpTestMs,
    modernSettings: options.has('settings')
      ? settingsOption(options.get('settings'), config.modernSettings, api, variant)
      : config.modernSettings,
    providerTypes: options.has('providerTypes')
      ? providerTypesOption(options.get('providerTypes'))
      : config.providerTypes,
    tokens: options.has('provider_tokens') ? providerTokensOption(options.get('provider_tokens')) : config.tokens,
    secrets: options.has('secrets') ? secretsOption(options.get('secrets')) : config.secrets,
  };
  return Object.assign(config, next);
}

/**
 * @param {PyValue | undefined} value
 * @param {ModernRecord | null} current
 * @param {ApiMode} api
 * @param {string} variant
 * @returns {ModernRecord | null}
 */
function settingsOption(value, current, api, variant) {
  const v1 = api === 'v1';
  if (value === null) {
    if (v1) return null;
    throw new OptionsError('settings cannot be null on an agent-server tenant: it always has settings');
  }
  const parts = ['agent_settings', 'conversation_settings', 'mcp_config'];
  const known = v1
    ? [...parts, ...defaultV1Fields().keys()]
    : [...parts, 'misc_settings', 'active_profile', 'active_agent_profile_id'];
  const settings = object(value, 'settings', known);
  const base = current ?? defaultRecord(api);
  /** @type {ModernRecord} */
  const record = {
    fields: deepCopy(base.fields),
    agent: deepCopy(base.agent),
    mcp: base.mcp && deepCopy(base.mcp),
    conversation: deepCopy(base.conversation),
    misc: deepCopy(base.misc),
  };

  let mcp = settings.get('mcp_config');
  const agent = settings.get('agent_settings');
  if (agent !== undefined) {
    if (!(agent instanceof Map)) throw new OptionsError('settings.agent_settings must be an object');
    if (agent.has('mcp_config')) {
      if (mcp !== undefined) throw new OptionsError('settings: give mcp_config once, not also in agent_settings');
      mcp = agent.get('mcp_config');
    }
    const rest = new Map([...agent].filter(([key]) => key !== 'mcp_config'));
    record.agent = /** @type {Map<string, PyValue>} */ (mergePatch(record.agent, rest));
  }
  if (mcp !== undefined) {
    const rules = { ...mcpRules(api, variant), acceptsFlatAndWrapped: true };
    const checked = validateMcpConfig(mcp, rules, ['settings', 'mcp_config']);
    if (!checked.ok) throw new OptionsError('settings.mcp_config is not valid', checked.errors);
    record.mcp = checked.servers;
  }
  for (const [name, target] of /** @type {const} */ ([
    ['conversation_settings', 'conversation'],
    ['misc_settings', 'misc'],
  ])) {
    const part = settings.get(name);
    if (part === undefined) continue;
    if (!(part instanceof Map)) throw new OptionsError(`settings.${name} must be an object`);
    record[target] = /** @type {Map<string, PyValue>} */ (mergePatch(record[target], part));
  }
  for (const [key, field] of settings)
    if (!parts.includes(key) && key !== 'misc_settings') record.fields.set(key, field);
  return record;
}

/**
 * The V1 token store. A provider is kept when it has a token or a user_id (the latter shows in
 * `provider_tokens_set` without a token: CURRENT-SERVERS §1.2).
 * @param {PyValue | undefined} value
 * @returns {Map<string, StoredToken>}
 */
function providerTokensOption(value) {
  if (!(value instanceof Map)) throw new OptionsError('provider_tokens must be an object');
  /** @type {Map<string, StoredToken>} */
  const tokens = new Map();
  for (const [provider, entry] of value) {
    const where = `provider_tokens.${provider}`;
    const fields = object(entry, where, ['token', 'host', 'user_id']);
    const [token, host, userId] = ['token', 'host', 'user_id'].map((name) => {
      const v = fields.get(name) ?? null;
      if (v !== null && typeof v !== 'string') throw new OptionsError(`${where}.${name} must be a string or null`);
      return v;
    });
    // A provider known by its user_id alone is stored with an empty token (no token at all).
    if (token || userId) tokens.set(provider, { token: token ?? '', host: host ?? null, user_id: userId ?? null });
  }
  return tokens;
}

/**
 * The agent-server's secrets: `{NAME: value}` or `{NAME: {value, description?}}`.
 * @param {PyValue | undefined} value
 * @returns {Map<string, StoredSecret>}
 */
function secretsOption(value) {
  if (!(value instanceof Map)) throw new OptionsError('secrets must be an object');
  /** @type {Map<string, StoredSecret>} */
  const secrets = new Map();
  for (const [name, entry] of value) {
    if (!SECRET_NAME.test(name)) throw new OptionsError(`secrets: ${JSON.stringify(name)} is not a valid secret name`);
    if (typeof entry === 'string') {
      secrets.set(name, { value: entry, description: null });
      continue;
    }
    const fields = object(entry, `secrets.${name}`, ['value', 'description']);
    const secret = fields.get('value');
    const description = fields.get('description') ?? null;
    if (typeof secret !== 'string') throw new OptionsError(`secrets.${name}.value must be a string`);
    if (description !== null && typeof description !== 'string') {
      throw new OptionsError(`secrets.${name}.description must be a string or null`);
    }
    secrets.set(name, { value: secret, description });
  }
  return secrets;
}
