// @ts-check
/**
 * pydantic v2's error items for the models of today's servers (the MCP server map, the agent-server's
 * request bodies), and the two ways those servers show them: FastAPI's 422 list, and
 * `str(ValidationError)`, the text the oldest agent-server puts in a 422 `detail`
 * (CURRENT-SERVERS §2.3). The V0 validator (validate.js) has its own, byte-exact for 0.53.0.
 */

import { pythonFloatRepr, pythonTypeName } from './python-json.js';
import { pyRepr } from './python-text.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {(string | bigint)[]} Loc */
/** @typedef {{ type: string, loc: Loc, msg: string, input: PyValue, ctx?: Record<string, unknown> }} ErrorItem */

export const MESSAGES = Object.freeze({
  missing: 'Field required',
  extra_forbidden: 'Extra inputs are not permitted',
  dict_type: 'Input should be a valid dictionary',
  string_type: 'Input should be a valid string',
  list_type: 'Input should be a valid list',
  bool_type: 'Input should be a valid boolean',
  float_type: 'Input should be a valid number',
  model_attributes_type: 'Input should be a valid dictionary or object to extract fields from',
});

/** Collects errors in the order pydantic finds them. */
export class Errors {
  /** @type {ErrorItem[]} */
  list = [];

  /**
   * @param {keyof typeof MESSAGES} type
   * @param {Loc} loc
   * @param {PyValue} input
   * @returns {undefined} so that a validator can `return errors.add(...)` for "no value"
   */
  add(type, loc, input) {
    this.list.push({ type, loc, msg: MESSAGES[type], input });
    return undefined;
  }

  /**
   * A model given something that is not a dict (Python mode: `model_type`).
   * @param {Loc} loc
   * @param {PyValue} input
   * @param {string} className
   * @returns {undefined}
   */
  modelType(loc, input, className) {
    this.list.push({
      type: 'model_type',
      loc,
      msg: `Input should be a valid dictionary or instance of ${className}`,
      input,
      ctx: { class_name: className },
    });
    return undefined;
  }

  /**
   * A ValueError from a validator. `ctx.error` is the exception; its JSON form depends on the
   * server (FastAPI's encoder writes `{}`, the agent-server's handler writes the message).
   * @param {Loc} loc
   * @param {PyValue} input
   * @param {string} text
   * @returns {undefined}
   */
  valueError(loc, input, text) {
    this.list.push({ type: 'value_error', loc, msg: `Value error, ${text}`, input, ctx: { error: text } });
    return undefined;
  }

  /**
   * A tagged union without its tag, or with an unknown one.
   * @param {Loc} loc
   * @param {PyValue} input
   * @param {string} discriminator
   * @param {readonly string[]} tags
   * @param {PyValue | undefined} tag undefined when absent
   * @returns {undefined}
   */
  badTag(loc, input, discriminator, tags, tag) {
    const quoted = `'${discriminator}'`;
    if (tag === undefined) {
      this.list.push({
        type: 'union_tag_not_found',
        loc,
        msg: `Unable to extract tag using discriminator ${quoted}`,
        input,
        ctx: { discriminator: quoted },
      });
      return undefined;
    }
    const expected = tags.map((t) => `'${t}'`).join(', ');
    const shown = typeof tag === 'string' ? tag : String(tag);
    this.list.push({
      type: 'union_tag_invalid',
      loc,
      msg: `Input tag '${shown}' found using ${quoted} does not match any of the expected tags: ${expected}`,
      input,
      ctx: { discriminator: quoted, tag: shown, expected_tags: expected },
    });
    return undefined;
  }
}

/**
 * `str(ValidationError)`: the title line, then per error its dotted location and
 * `  <msg> [type=..., input_value=..., input_type=...]` and pydantic's help link.
 * @param {string} title the model's name
 * @param {ErrorItem[]} errors
 */
export function validationErrorText(title, errors) {
  const lines = [`${errors.length} validation error${errors.length === 1 ? '' : 's'} for ${title}`];
  for (const error of errors) {
    lines.push(error.loc.map(String).join('.'));
    const input = `input_value=${truncatedRepr(error.input)}, input_type=${pythonTypeName(error.input)}`;
    lines.push(`  ${error.msg} [type=${error.type}, ${input}]`);
    lines.push(`    For further information visit https://errors.pydantic.dev/2.11/v/${error.type}`);
  }
  return lines.join('\n');
}

/**
 * pydantic-core shortens a long `input_value` to its first and last characters.
 * @param {PyValue} value
 */
function truncatedRepr(value) {
  const text = pythonRepr(value);
  return text.length > 50 ? `${text.slice(0, 25)}...${text.slice(-24)}` : text;
}

/**
 * `repr()` of a decoded JSON value.
 * @param {PyValue} value
 * @returns {string}
 */
export function pythonRepr(value) {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return pyRepr(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return pythonFloatRepr(value);
  }
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  return `{${[...value].map(([k, v]) => `${pyRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
}

/**
 * The agent-server's RequestValidationError handler (api.py @030b04c0): every `input` through
 * `sanitize_dict`, and `ctx.error` as the exception's text.
 * @param {ErrorItem[]} errors
 */
export function agentServerErrorList(errors) {
  return errors.map((error) => ({ ...error, input: sanitizeDict(error.input) }));
}

/**
 * FastAPI's default encoding of the same items: `ctx.error` (an exception) becomes `{}`.
 * @param {ErrorItem[]} errors
 */
export function fastApiErrorList(errors) {
  return errors.map((error) =>
    error.ctx && 'error' in error.ctx ? { ...error, ctx: { ...error.ctx, error: new Map() } } : error,
  );
}

const SECRET_KEY_PATTERNS = ['AUTHORIZATION', 'COOKIE', 'CREDENTIAL', 'KEY', 'PASSWORD', 'SECRET', 'SESSION', 'TOKEN'];
const REDACT_ALL_VALUES_KEYS = new Set(['environment', 'env', 'headers']);

/**
 * The SDK's `sanitize_dict` (utils/redact.py @108b347c): values under `env`/`headers`/`environment`
 * and under keys that look secret become `<redacted>`.
 * @param {PyValue} content
 * @returns {PyValue}
 */
export function sanitizeDict(content) {
  if (Array.isArray(content)) return content.map(sanitizeDict);
  if (!(content instanceof Map)) return content;
  /** @type {Map<string, PyValue>} */
  const out = new Map();
  for (const [key, value] of content) {
    if (REDACT_ALL_VALUES_KEYS.has(key.toLowerCase())) out.set(key, redactAll(value));
    else if (SECRET_KEY_PATTERNS.some((pattern) => key.toUpperCase().includes(pattern))) out.set(key, '<redacted>');
    else out.set(key, sanitizeDict(value));
  }
  return out;
}

/** @param {PyValue} value @returns {PyValue} */
function redactAll(value) {
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, redactAll(v)]));
  if (Array.isArray(value)) return value.map(redactAll);
  return '<redacted>';
}
