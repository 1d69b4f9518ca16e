// @ts-check
/**
 * The readers every tenant option shares, whatever the API mode: strict, so that a typo in a
 * test fails loudly (an unknown key or a wrong type is an {@link OptionsError}, which the controls
 * answer with a 400 and `createReferenceServer` with a TypeError).
 */

import { API_MODES, VARIANTS } from './modes.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */

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

/**
 * `api`: which server the tenant is (modes.js); default v0.
 * @param {PyValue | undefined} value
 * @returns {import('./modes.js').ApiMode}
 */
export function apiOption(value) {
  if (value === undefined) return 'v0';
  const api = API_MODES.find((mode) => mode === value);
  if (!api) throw new OptionsError(`api must be one of ${API_MODES.join(', ')}`);
  return api;
}

/**
 * A tenant keeps its API for life: a PATCH may repeat it, not change it.
 * @param {import('./modes.js').ApiMode} current
 * @param {PyValue | undefined} value
 */
export function sameApi(current, value) {
  if (apiOption(value) !== current) {
    throw new OptionsError(`api cannot change (the tenant is ${current}); create another tenant`);
  }
}

/**
 * @param {import('./modes.js').ApiMode} api
 * @param {PyValue | undefined} value
 */
export function variantOption(api, value) {
  const variants = VARIANTS[api];
  const variant = variants.find((v) => v === value);
  if (!variant) throw new OptionsError(`variant of api ${api} must be one of ${variants.join(', ')}`);
  return variant;
}

/** @param {PyValue | undefined} value */
export function sessionKeyOption(value) {
  if (value === null || (typeof value === 'string' && value !== '')) return value;
  throw new OptionsError('sessionKey must be a non-empty string, or null for no session key check');
}

/** @param {PyValue | undefined} value */
export function providerTypesOption(value) {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw new OptionsError('providerTypes must be a non-empty list of non-empty strings');
  }
  const types = /** @type {string[]} */ (value);
  if (new Set(types).size !== types.length) throw new OptionsError('providerTypes must not repeat a value');
  return types;
}
