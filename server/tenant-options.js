// @ts-check
/**
 * Reading tenant options, from the test controls' JSON or from `createReferenceServer()`'s
 * options (converted with `fromPlain`). Strict: an unknown key or a wrong type is an
 * error, so a typo in a test fails loudly instead of configuring nothing.
 *
 * Shapes (all keys optional):
 *   { sessionKey: string | null, providerTypes: string[], delayMs: number,
 *     settings: null | { provider_tokens: { [provider]: { token, host?, user_id? } },
 *                        mcp_config: null | MCPConfig } }
 * `settings: null` means the user has none (GET /api/settings answers 404); left out, the
 * tenant starts with empty settings. Stored entries without a token are dropped, as the
 * real store drops them. `mcp_config` goes through the same validation as a request's.
 */

import { DEFAULT_PROVIDER_TYPES, emptySettings } from './store.js';
import { validateMcpConfig, ValidatorCrash } from './validate.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./store.js').TenantConfig} TenantConfig */
/** @typedef {import('./store.js').StoredSettings} StoredSettings */
/** @typedef {import('./store.js').StoredToken} StoredToken */

/** Bad options: the controls answer 400 with this message (and the 422-style details for mcp_config). */
export class OptionsError extends Error {
  /**
   * @param {string} message
   * @param {unknown} [detail]
   */
  constructor(message, detail) {
    super(message);
    this.detail = detail;
  }
}

const MAX_DELAY_MS = 10 * 60 * 1000;

/**
 * A new tenant's configuration.
 * @param {PyValue} input
 * @returns {TenantConfig}
 */
export function tenantConfig(input) {
  /** @type {TenantConfig} */
  const config = {
    sessionKey: null,
    providerTypes: [...DEFAULT_PROVIDER_TYPES],
    settings: emptySettings(),
    delayMs: 0,
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
  const options = object(input, 'options', ['sessionKey', 'providerTypes', 'settings', 'delayMs']);
  // Read everything before changing anything: a bad option leaves the tenant as it was.
  const sessionKey = options.has('sessionKey') ? sessionKeyOption(options.get('sessionKey')) : config.sessionKey;
  const providerTypes = options.has('providerTypes')
    ? providerTypesOption(options.get('providerTypes'))
    : config.providerTypes;
  const delayMs = options.has('delayMs') ? delayOption(options.get('delayMs'), 'delayMs') : config.delayMs;
  const settings = options.has('settings') ? settingsOption(options.get('settings'), config.settings) : config.settings;
  return Object.assign(config, { sessionKey, providerTypes, delayMs, settings });
}

/**
 * @param {PyValue | undefined} value
 * @param {string} what
 * @param {string[]} keys the keys it may have
 * @returns {Map<string, PyValue>}
 */
export function object(value, what, keys) {
  if (!(value instanceof Map)) throw new OptionsError(`${what} must be an object`);
  for (const key of value.keys()) {
    if (!keys.includes(key)) {
      throw new OptionsError(`${what} has an unknown key ${JSON.stringify(key)} (known: ${keys.join(', ')})`);
    }
  }
  return value;
}

/**
 * A non-negative delay in milliseconds.
 * @param {PyValue | undefined} value
 * @param {string} what
 */
export function delayOption(value, what) {
  const ms = typeof value === 'bigint' ? Number(value) : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_DELAY_MS) {
    throw new OptionsError(`${what} must be a number of milliseconds from 0 to ${MAX_DELAY_MS}`);
  }
  return ms;
}

/** @param {PyValue | undefined} value */
function sessionKeyOption(value) {
  if (value === null || (typeof value === 'string' && value !== '')) return value;
  throw new OptionsError('sessionKey must be a non-empty string, or null for no session key check');
}

/** @param {PyValue | undefined} value */
function providerTypesOption(value) {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw new OptionsError('providerTypes must be a non-empty list of non-empty strings');
  }
  const types = /** @type {string[]} */ (value);
  if (new Set(types).size !== types.length) throw new OptionsError('providerTypes must not repeat a value');
  return types;
}

/**
 * @param {PyValue | undefined} value
 * @param {StoredSettings | null} current
 * @returns {StoredSettings | null}
 */
function settingsOption(value, current) {
  if (value === null) return null;
  const settings = object(value, 'settings', ['provider_tokens', 'mcp_config']);
  const base = current ?? emptySettings();
  return {
    providerTokens: settings.has('provider_tokens')
      ? providerTokensOption(settings.get('provider_tokens'))
      : base.providerTokens,
    mcpConfig: settings.has('mcp_config') ? mcpConfigOption(settings.get('mcp_config')) : base.mcpConfig,
  };
}

/**
 * @param {PyValue | undefined} value
 * @returns {Map<string, StoredToken>}
 */
function providerTokensOption(value) {
  if (!(value instanceof Map)) throw new OptionsError('settings.provider_tokens must be an object');
  /** @type {Map<string, StoredToken>} */
  const tokens = new Map();
  for (const [provider, entry] of value) {
    const what = `settings.provider_tokens.${provider}`;
    const fields = object(entry, what, ['token', 'host', 'user_id']);
    const token = optionalString(fields.get('token'), `${what}.token`);
    const host = optionalString(fields.get('host'), `${what}.host`);
    const userId = optionalString(fields.get('user_id'), `${what}.user_id`);
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

/** @param {PyValue | undefined} value */
function mcpConfigOption(value) {
  let result;
  try {
    result = validateMcpConfig(value ?? null);
  } catch (error) {
    if (error instanceof ValidatorCrash) {
      throw new OptionsError(`settings.mcp_config would crash the real server's validator (${error.message})`);
    }
    throw error;
  }
  if (!result.ok) throw new OptionsError('settings.mcp_config is not valid', result.errors);
  return result.value;
}
