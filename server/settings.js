// @ts-check
/**
 * OpenHands 0.53.0's settings store: the `Settings` model's fields and defaults, the validation
 * of `POST /api/settings` (pydantic v2's errors, `mcp_config` by the same MCPConfig validation as
 * `add-git-providers`), the replace-and-carry-over rule of that endpoint, and the answer of
 * `GET /api/settings`. Tokens are in a store of their own (store.js): nothing here touches them.
 */

import { modelBody, validateMcpConfigAt, ValidatorCrash } from './validate.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./validate.js').McpConfig} McpConfig */
/** @typedef {import('./validate.js').ValidationIssue} ValidationIssue */
/** @typedef {import('./provider-check.js').StoredToken} StoredToken */
/** @typedef {'str' | 'bool' | 'int' | 'float' | 'mcp'} FieldKind */
/** A stored settings record: every field of {@link SETTINGS_FIELDS}, secrets included. */
/** @typedef {Record<string, PyValue | McpConfig | null>} SettingsRecord */

/**
 * The fields of 0.53.0's `Settings`: kind, default, and whether `None` is allowed (`bool = True`
 * fields are not Optional: `null` there is a 422, as in pydantic).
 * @type {ReadonlyMap<string, { kind: FieldKind, value: PyValue | null, nullable: boolean }>}
 */
export const SETTINGS_FIELDS = new Map([
  ['language', { kind: 'str', value: null, nullable: true }],
  ['agent', { kind: 'str', value: null, nullable: true }],
  ['max_iterations', { kind: 'int', value: null, nullable: true }],
  ['security_analyzer', { kind: 'str', value: null, nullable: true }],
  ['confirmation_mode', { kind: 'bool', value: false, nullable: true }],
  ['llm_model', { kind: 'str', value: null, nullable: true }],
  ['llm_api_key', { kind: 'str', value: null, nullable: true }],
  ['llm_base_url', { kind: 'str', value: null, nullable: true }],
  ['remote_runtime_resource_factor', { kind: 'int', value: 1n, nullable: true }],
  ['enable_default_condenser', { kind: 'bool', value: true, nullable: false }],
  ['enable_sound_notifications', { kind: 'bool', value: false, nullable: false }],
  ['enable_proactive_conversation_starters', { kind: 'bool', value: true, nullable: false }],
  ['user_consents_to_analytics', { kind: 'bool', value: null, nullable: true }],
  ['sandbox_base_container_image', { kind: 'str', value: null, nullable: true }],
  ['sandbox_runtime_container_image', { kind: 'str', value: null, nullable: true }],
  ['mcp_config', { kind: 'mcp', value: null, nullable: true }],
  ['search_api_key', { kind: 'str', value: null, nullable: true }],
  ['sandbox_api_key', { kind: 'str', value: null, nullable: true }],
  ['max_budget_per_task', { kind: 'float', value: null, nullable: true }],
  ['email', { kind: 'str', value: null, nullable: true }],
  ['email_verified', { kind: 'bool', value: null, nullable: true }],
  ['git_user_name', { kind: 'str', value: null, nullable: true }],
  ['git_user_email', { kind: 'str', value: null, nullable: true }],
]);

/** Kept from the stored record when a `POST /api/settings` body has them `null` or absent. */
const CARRIED_OVER = ['llm_api_key', 'llm_model', 'llm_base_url', 'search_api_key', 'user_consents_to_analytics'];
/** Never in an answer: masked as `null`. */
const SECRETS = ['llm_api_key', 'search_api_key', 'sandbox_api_key'];

/** pydantic v2's messages of the lax-mode errors a field of these kinds can give. */
const MESSAGES = {
  string_type: 'Input should be a valid string',
  bool_type: 'Input should be a valid boolean',
  bool_parsing: 'Input should be a valid boolean, unable to interpret input',
  int_type: 'Input should be a valid integer',
  int_parsing: 'Input should be a valid integer, unable to parse string as an integer',
  int_from_float: 'Input should be a valid integer, got a number with a fractional part',
  int_parsing_size: 'Unable to parse input string as an integer, exceeded maximum size',
  finite_number: 'Input should be a finite number',
  float_type: 'Input should be a valid number',
  float_parsing: 'Input should be a valid number, unable to parse string as a number',
};
/** pydantic-core's `str_as_bool`: these exactly, case aside. */
const TRUE_STRINGS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_STRINGS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** @returns {SettingsRecord} a record with every default */
export function defaultSettings() {
  /** @type {SettingsRecord} */
  const record = {};
  for (const [name, { value }] of SETTINGS_FIELDS) record[name] = value;
  return record;
}

/**
 * A field's value as pydantic v2's lax mode takes it from what `json.loads` gave (FastAPI
 * validates the decoded body in Python mode), or a 422 item with pydantic's type and message.
 * @param {string} name
 * @param {PyValue} value
 * @param {(string | bigint)[]} loc
 * @returns {{ ok: true, value: PyValue | McpConfig | null } | { ok: false, errors: ValidationIssue[] }}
 * @throws {ValidatorCrash}
 */
function fieldValue(name, value, loc) {
  const spec = /** @type {{ kind: FieldKind, nullable: boolean }} */ (SETTINGS_FIELDS.get(name));
  if (spec.kind === 'mcp') return validateMcpConfigAt(value, loc);
  if (value === null && spec.nullable) return { ok: true, value: null };
  const result =
    spec.kind === 'str'
      ? laxStr(value)
      : spec.kind === 'bool'
        ? laxBool(value)
        : spec.kind === 'int'
          ? laxInt(value)
          : laxFloat(value);
  if (typeof result === 'object' && result !== null && 'error' in result) {
    return { ok: false, errors: [{ type: result.error, loc, msg: MESSAGES[result.error], input: value }] };
  }
  // OpenHands' file store writes the record with pydantic's JSON dump, where NaN and the
  // infinities become null: that is what the next read finds.
  if (typeof result === 'number' && !Number.isFinite(result)) return { ok: true, value: null };
  return { ok: true, value: /** @type {PyValue} */ (result) };
}

/** @typedef {{ error: keyof typeof MESSAGES }} LaxError */

/** `str`: a string only (SecretStr fields too: their union answers `string_type`). @param {PyValue} value @returns {string | LaxError} */
function laxStr(value) {
  return typeof value === 'string' ? value : { error: 'string_type' };
}

/**
 * `bool`: true/false; the strings of `str_as_bool`; the integers 0 and 1; the floats 0.0 and 1.0.
 * @param {PyValue} value
 * @returns {boolean | LaxError}
 */
function laxBool(value) {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (TRUE_STRINGS.has(lower)) return true;
    if (FALSE_STRINGS.has(lower)) return false;
    return { error: 'bool_parsing' };
  }
  if (typeof value === 'bigint') {
    if (value === 0n || value === 1n) return value === 1n;
    // An int that does not fit an i64 is tried as a float, which fails as a type error.
    return value >= I64_MIN && value <= I64_MAX ? { error: 'bool_parsing' } : { error: 'bool_type' };
  }
  if (typeof value === 'number') {
    // A float with a fraction, NaN or infinite is not taken as an int: a type error.
    if (!Number.isInteger(value)) return { error: 'bool_type' };
    return value === 0 || value === 1 ? value === 1 : { error: 'bool_parsing' };
  }
  return { error: 'bool_type' };
}

/**
 * `int`: an int; a bool (a subclass of int); a float without a fraction; a string of digits
 * (`str_as_int`: a sign, `.000` and single underscores allowed; surrounding whitespace is
 * taken too, as later pydantic-core versions strip it).
 * @param {PyValue} value
 * @returns {bigint | LaxError}
 */
function laxInt(value) {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { error: 'finite_number' };
    if (!Number.isInteger(value)) return { error: 'int_from_float' };
    if (Math.abs(value) >= 2 ** 63) return { error: 'int_parsing_size' };
    return BigInt(value);
  }
  if (typeof value === 'string') {
    if (value.length > 4300) return { error: 'int_parsing_size' };
    const text = value.trim();
    const digits = /^[+-]?\d+(?:\.0*)?$/.test(text) ? text.replace(/\.0*$/, '') : withoutUnderscores(text);
    return digits !== null && /^[+-]?\d+$/.test(digits) ? BigInt(digits) : { error: 'int_parsing' };
  }
  return { error: 'int_type' };
}

/**
 * `float`: an int, a float or a bool; a string Rust's `f64` parser reads (`1e3`, `.5`, `inf`,
 * `nan`...), single underscores allowed.
 * @param {PyValue} value
 * @returns {number | LaxError}
 */
function laxFloat(value) {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const text = value.trim();
    for (const candidate of [text, withoutUnderscores(text)]) {
      if (candidate === null) continue;
      if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(candidate)) return Number(candidate);
      const special = /^([+-]?)(inf|infinity|nan)$/i.exec(candidate);
      if (special) return special[2]?.toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
    }
    return { error: 'float_parsing' };
  }
  return { error: 'float_type' };
}

/**
 * pydantic-core's `strip_underscores`: `1_000` -> `1000`; null when there is none to strip or
 * they are not allowed (leading, trailing, doubled).
 * @param {string} text
 */
function withoutUnderscores(text) {
  if (!text.includes('_') || text.startsWith('_') || text.endsWith('_') || text.includes('__')) return null;
  return text.replaceAll('_', '');
}

/**
 * The known fields of a `POST /api/settings` body, validated (unknown and read-only keys are
 * ignored, as the model does not forbid extras). Errors in field order, `loc` from `["body"]`.
 * @param {PyValue | undefined} body
 * @returns {{ ok: true, value: Map<string, PyValue | McpConfig | null> } | { ok: false, errors: ValidationIssue[] }}
 * @throws {ValidatorCrash}
 */
export function validateSettingsBody(body) {
  const model = modelBody(body);
  return model.ok ? validateSettingsFields(model.value, ['body']) : model;
}

/**
 * @param {Map<string, PyValue>} fields
 * @param {(string | bigint)[]} loc
 * @returns {{ ok: true, value: Map<string, PyValue | McpConfig | null> } | { ok: false, errors: ValidationIssue[] }}
 * @throws {ValidatorCrash}
 */
export function validateSettingsFields(fields, loc) {
  /** @type {ValidationIssue[]} */
  const errors = [];
  /** @type {Map<string, PyValue | McpConfig | null>} */
  const value = new Map();
  for (const name of SETTINGS_FIELDS.keys()) {
    if (!fields.has(name)) continue;
    const result = fieldValue(name, /** @type {PyValue} */ (fields.get(name)), [...loc, name]);
    if (result.ok) value.set(name, result.value);
    else errors.push(...result.errors);
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

/**
 * What `POST /api/settings` stores: the body replaces the record; only {@link CARRIED_OVER}
 * fields that the body has `null` or absent keep their stored value; every other absent field
 * goes back to its default. With nothing stored yet, the record holds only what was sent.
 * @param {SettingsRecord | null} stored
 * @param {Map<string, PyValue | McpConfig | null>} sent validated fields
 * @returns {SettingsRecord}
 */
export function replaceSettings(stored, sent) {
  const next = defaultSettings();
  for (const [name, value] of sent) next[name] = value;
  if (stored) {
    for (const name of CARRIED_OVER) {
      if (next[name] === null || next[name] === undefined) next[name] = stored[name] ?? null;
    }
  }
  return next;
}

/**
 * `GET /api/settings`' answer: every field, the secrets `null` with `*_set` flags instead,
 * `provider_tokens_set` from the token store, and the operator's `config.toml` MCP servers in
 * front of the stored ones (not de-duplicated, as OpenHands merges them).
 * @param {SettingsRecord} record
 * @param {ReadonlyMap<string, StoredToken>} tokens
 * @param {McpConfig | null} operatorMcp
 */
export function settingsAnswer(record, tokens, operatorMcp) {
  /** @type {Map<string, unknown>} */
  const answer = new Map();
  for (const name of SETTINGS_FIELDS.keys()) answer.set(name, SECRETS.includes(name) ? null : record[name]);
  answer.set('mcp_config', withOperatorServers(/** @type {McpConfig | null} */ (record.mcp_config), operatorMcp));
  answer.set('provider_tokens_set', new Map([...tokens].map(([provider, { host }]) => [provider, host])));
  answer.set('llm_api_key_set', Boolean(record.llm_api_key));
  answer.set('search_api_key_set', Boolean(record.search_api_key));
  return answer;
}

/**
 * @param {McpConfig | null} stored
 * @param {McpConfig | null} operator
 * @returns {McpConfig | null}
 */
function withOperatorServers(stored, operator) {
  if (!operator) return stored;
  const mine = stored ?? { sse_servers: [], stdio_servers: [], shttp_servers: [] };
  return {
    sse_servers: [...operator.sse_servers, ...mine.sse_servers],
    stdio_servers: [...operator.stdio_servers, ...mine.stdio_servers],
    shttp_servers: [...operator.shttp_servers, ...mine.shttp_servers],
  };
}

export { ValidatorCrash };
