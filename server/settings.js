// @ts-check
/**
 * OpenHands 0.53.0's settings store: the `Settings` model's fields and defaults, the validation
 * of `POST /api/settings` (pydantic v2's errors, `mcp_config` by the same MCPConfig validation as
 * `add-git-providers`), the replace-and-carry-over rule of that endpoint, and the answer of
 * `GET /api/settings`. Tokens are in a store of their own (store.js): nothing here touches them.
 */

import { validateMcpConfigAt, ValidatorCrash } from './validate.js';

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

const TYPE_MESSAGES = {
  str: ['string_type', 'Input should be a valid string'],
  bool: ['bool_type', 'Input should be a valid boolean'],
  int: ['int_type', 'Input should be a valid integer'],
  float: ['float_type', 'Input should be a valid number'],
};
const TRUE_STRINGS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_STRINGS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/** @returns {SettingsRecord} a record with every default */
export function defaultSettings() {
  /** @type {SettingsRecord} */
  const record = {};
  for (const [name, { value }] of SETTINGS_FIELDS) record[name] = value;
  return record;
}

/**
 * A field's value as pydantic's lax mode takes it, or a 422 item.
 * @param {string} name
 * @param {PyValue} value
 * @param {(string | bigint)[]} loc
 * @returns {{ ok: true, value: PyValue | McpConfig | null } | { ok: false, errors: ValidationIssue[] }}
 */
function fieldValue(name, value, loc) {
  const spec = /** @type {{ kind: FieldKind, nullable: boolean }} */ (SETTINGS_FIELDS.get(name));
  if (spec.kind === 'mcp') return validateMcpConfigAt(value, loc);
  if (value === null && spec.nullable) return { ok: true, value: null };
  /** @returns {{ ok: false, errors: ValidationIssue[] }} */
  const fail = () => {
    const [type = '', msg = ''] = TYPE_MESSAGES[/** @type {'str' | 'bool' | 'int' | 'float'} */ (spec.kind)];
    return { ok: false, errors: [{ type, loc, msg, input: value }] };
  };
  switch (spec.kind) {
    case 'str':
      return typeof value === 'string' ? { ok: true, value } : fail();
    case 'bool':
      if (typeof value === 'boolean') return { ok: true, value };
      if ((typeof value === 'bigint' || typeof value === 'number') && (Number(value) === 0 || Number(value) === 1))
        return { ok: true, value: Number(value) === 1 };
      if (typeof value === 'string' && TRUE_STRINGS.has(value.toLowerCase())) return { ok: true, value: true };
      if (typeof value === 'string' && FALSE_STRINGS.has(value.toLowerCase())) return { ok: true, value: false };
      return fail();
    case 'int':
      if (typeof value === 'bigint') return { ok: true, value };
      if (typeof value === 'number' && Number.isInteger(value)) return { ok: true, value: BigInt(value) };
      if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return { ok: true, value: BigInt(value.trim()) };
      return fail();
    case 'float':
      if (typeof value === 'number' || typeof value === 'bigint') return { ok: true, value: Number(value) };
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return { ok: true, value: Number(value) };
      return fail();
  }
}

/**
 * The known fields of a `POST /api/settings` body, validated (unknown and read-only keys are
 * ignored, as the model does not forbid extras). Errors in field order, `loc` from `["body"]`.
 * @param {PyValue | undefined} body
 * @returns {{ ok: true, value: Map<string, PyValue | McpConfig | null> } | { ok: false, errors: ValidationIssue[] }}
 * @throws {ValidatorCrash}
 */
export function validateSettingsBody(body) {
  if (body === null || body === undefined) {
    return { ok: false, errors: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] };
  }
  if (!(body instanceof Map)) {
    const msg = 'Input should be a valid dictionary or object to extract fields from';
    return { ok: false, errors: [{ type: 'model_attributes_type', loc: ['body'], msg, input: body }] };
  }
  return validateSettingsFields(body, ['body']);
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
