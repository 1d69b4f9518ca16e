// @ts-check
/**
 * Reading tenant options, from the test controls' JSON or from `createReferenceServer()`'s
 * options (converted with `fromPlain`). Strict: an unknown key or a wrong type is an
 * error, so a typo in a test fails loudly instead of configuring nothing.
 *
 * Shapes (all keys optional):
 *   { sessionKey: string | null, providerTypes: string[], delayMs: number,
 *     provider_tokens: { [provider]: { token, host?, user_id? } },          the token store
 *     settings: null | { provider_tokens?: {...}, mcp_config?: null | MCPConfig,
 *                        language?, agent?, llm_model?, llm_api_key?, ... },  the settings store
 *     operatorMcpConfig: null | MCPConfig }                                  config.toml's [mcp]
 * The two stores are apart, as in OpenHands: `settings: null` means no settings record (GET
 * /api/settings answers 404) whatever the tokens; left out, the tenant starts with a default
 * record. `settings.provider_tokens` is a shorthand that sets the token store. Stored entries
 * without a token are dropped, as the real store drops them. `mcp_config` goes through the same
 * validation as a request's, the other fields through the settings endpoint's.
 */

import { applyModernOptions, modernTenantConfig } from './modern-options.js';
import { defaultVariant } from './modes.js';
import {
  apiOption,
  delayOption,
  object,
  OptionsError,
  providerTypesOption,
  sameApi,
  sessionKeyOption,
  variantOption,
} from './option-readers.js';
import { defaultSettings, validateSettingsFields } from './settings.js';
import { DEFAULT_PROVIDER_TYPES } from './store.js';
import { validateMcpConfigAt, ValidatorCrash } from './validate.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./store.js').TenantConfig} TenantConfig */
/** @typedef {import('./settings.js').SettingsRecord} SettingsRecord */
/** @typedef {import('./store.js').StoredToken} StoredToken */

// Where script.js, control.js and app.js have always found them.
export { delayOption, object, OptionsError };

/**
 * A new tenant's configuration.
 * @param {PyValue} input
 * @returns {TenantConfig}
 */
export function tenantConfig(input) {
  const api = apiOption(input instanceof Map ? input.get('api') : undefined);
  if (api !== 'v0') return modernTenantConfig(api, input);
  /** @type {TenantConfig} */
  const config = {
    sessionKey: null,
    providerTypes: [...DEFAULT_PROVIDER_TYPES],
    tokens: new Map(),
    settings: defaultSettings(),
    operatorMcpConfig: null,
    delayMs: 0,
    api: 'v0',
    variant: defaultVariant('v0'),
    mcpTestMs: 0,
    modernSettings: null,
    secrets: new Map(),
  };
  return applyTenantOptions(config, input);
}

/**
 * Applies the options present in `input` over `config` (which is changed and returned).
 * `settings` given as an object changes only the parts it names.
 * @param {TenantConfig} config
 * @param {PyValue} input
 * @returns {TenantConfig}
 */
export function applyTenantOptions(config, input) {
  if (config.api !== 'v0') return applyModernOptions(config, input);
  const options = object(input, 'options', [
    'api',
    'variant',
    'sessionKey',
    'providerTypes',
    'settings',
    'delayMs',
    'provider_tokens',
    'operatorMcpConfig',
  ]);
  if (options.has('api')) sameApi(config.api, options.get('api'));
  if (options.has('variant')) variantOption('v0', options.get('variant'));
  // Read everything before changing anything: a bad option leaves the tenant as it was.
  const sessionKey = options.has('sessionKey') ? sessionKeyOption(options.get('sessionKey')) : config.sessionKey;
  const providerTypes = options.has('providerTypes')
    ? providerTypesOption(options.get('providerTypes'))
    : config.providerTypes;
  const delayMs = options.has('delayMs') ? delayOption(options.get('delayMs'), 'delayMs') : config.delayMs;
  const given = options.has('settings') ? settingsOption(options.get('settings'), config.settings) : null;
  const settings = given ? given.record : config.settings;
  let tokens = given?.tokens ?? config.tokens;
  if (options.has('provider_tokens')) tokens = providerTokensOption(options.get('provider_tokens'), 'provider_tokens');
  const operatorMcpConfig = options.has('operatorMcpConfig')
    ? mcpConfigOption(options.get('operatorMcpConfig'), 'operatorMcpConfig')
    : config.operatorMcpConfig;
  return Object.assign(config, { sessionKey, providerTypes, delayMs, settings, tokens, operatorMcpConfig });
}

/**
 * `settings`: the record it makes (`null`: none), and the tokens of its `provider_tokens`
 * shorthand (undefined when not given). An object changes only the fields it names.
 * @param {PyValue | undefined} value
 * @param {SettingsRecord | null} current
 * @returns {{ record: SettingsRecord | null, tokens: Map<string, StoredToken> | undefined }}
 */
function settingsOption(value, current) {
  if (value === null) return { record: null, tokens: undefined };
  if (!(value instanceof Map)) throw new OptionsError('settings must be an object or null');
  const known = ['provider_tokens', 'mcp_config', ...defaultSettingsKeys()];
  const settings = object(value, 'settings', known);
  const tokens = settings.has('provider_tokens')
    ? providerTokensOption(settings.get('provider_tokens'), 'settings.provider_tokens')
    : undefined;
  const record = { ...(current ?? defaultSettings()) };
  if (settings.has('mcp_config'))
    record.mcp_config = mcpConfigOption(settings.get('mcp_config'), 'settings.mcp_config');
  const rest = new Map([...settings].filter(([key]) => key !== 'provider_tokens' && key !== 'mcp_config'));
  const checked = validateSettingsFields(rest, ['settings']);
  if (!checked.ok) throw new OptionsError('settings has a value of the wrong type', checked.errors);
  for (const [key, field] of checked.value) record[key] = field;
  return { record, tokens };
}

const defaultSettingsKeys = () => Object.keys(defaultSettings()).filter((key) => key !== 'mcp_config');

/**
 * @param {PyValue | undefined} value
 * @param {string} what
 * @returns {Map<string, StoredToken>}
 */
function providerTokensOption(value, what) {
  if (!(value instanceof Map)) throw new OptionsError(`${what} must be an object`);
  /** @type {Map<string, StoredToken>} */
  const tokens = new Map();
  for (const [provider, entry] of value) {
    const where = `${what}.${provider}`;
    const fields = object(entry, where, ['token', 'host', 'user_id']);
    const token = optionalString(fields.get('token'), `${where}.token`);
    const host = optionalString(fields.get('host'), `${where}.host`);
    const userId = optionalString(fields.get('user_id'), `${where}.user_id`);
    if (token) tokens.set(provider, { token, host, user_id: userId });
  }
  return tokens;
}

/**
 * @param {PyValue | undefined} value
 * @param {string} what
 */
function optionalString(value, what) {
  if (value === undefined || value === null || typeof value === 'string') return value ?? null;
  throw new OptionsError(`${what} must be a string or null`);
}

/**
 * @param {PyValue | undefined} value
 * @param {string} what
 */
function mcpConfigOption(value, what) {
  let result;
  try {
    // The 422-style details start at `mcp_config` for `settings.mcp_config`, as a request's do.
    result = validateMcpConfigAt(value ?? null, [what === 'settings.mcp_config' ? 'mcp_config' : what]);
  } catch (error) {
    if (error instanceof ValidatorCrash) {
      throw new OptionsError(`${what} would crash the real server's validator (${error.message})`);
    }
    throw error;
  }
  if (!result.ok) throw new OptionsError(`${what} is not valid`, result.errors);
  return result.value;
}
