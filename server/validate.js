// @ts-check
/**
 * Validation of the `POST /api/add-git-providers` body, answering what FastAPI + pydantic v2
 * answer for OpenHands' `POSTProviderModel` (0.53.0): every error found, in field order,
 * each `{type, loc, msg, input, ctx?}`.
 *
 * Written from the server models' rules, not from the client's schema, so that the two can
 * disagree and a test notices. Facts this follows:
 * - FastAPI validates the body with `from_attributes=True`, for nested models too: a model
 *   given a non-object answers `model_attributes_type`, not `model_type`.
 * - Field validators with `mode="before"` see the raw value. Those that call `.strip()` on it
 *   (stdio `name` and `command`, SHTTP `url`) raise AttributeError on a non-string, and so
 *   does MCPConfig's before-validator iterating a non-iterable `sse_servers`/`shttp_servers`:
 *   pydantic does not catch those, the request ends in a plain-text 500 ({@link ValidatorCrash}).
 *   The SSE `url` validator runs after the type check, so a non-string SSE url is a
 *   `string_type` 422.
 * - Only MCPConfig forbids unknown keys; the other models drop them.
 */

import { isPythonTruthy, pythonTypeName } from './python-json.js';
import { PythonValueError, pyRepr, pyStrip, ShlexError, shlexSplit, urlSplit } from './python-text.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {(string | bigint)[]} Loc a place in the body; list indexes are bigints so that they are written as integers */
/**
 * @typedef {{ type: string, loc: Loc, msg: string, input: PyValue, ctx?: Record<string, unknown> }} ValidationIssue
 */
/** @typedef {{ token: string | null, user_id: string | null, host: string | null }} ProviderTokenValue */
/** @typedef {{ url: string, api_key: string | null }} RemoteServer */
/** @typedef {{ name: string, command: string, args: string[], env: Map<string, string> }} StdioServer */
/** @typedef {{ sse_servers: RemoteServer[], stdio_servers: StdioServer[], shttp_servers: RemoteServer[] }} McpConfig */
/** @typedef {{ mcp_config: McpConfig | null, provider_tokens: Map<string, ProviderTokenValue> }} ProviderBody */
/**
 * @template T
 * @typedef {{ ok: true, value: T } | { ok: false, errors: ValidationIssue[] }} Validated
 */

/** A validator raised something pydantic does not turn into a 422: the real server answers a plain-text 500. */
export class ValidatorCrash extends Error {}

const MESSAGES = {
  missing: 'Field required',
  model_attributes_type: 'Input should be a valid dictionary or object to extract fields from',
  string_type: 'Input should be a valid string',
  dict_type: 'Input should be a valid dictionary',
  list_type: 'Input should be a valid list',
  extra_forbidden: 'Extra inputs are not permitted',
};

const INVALID = Symbol('invalid');
/** @typedef {typeof INVALID} Invalid */

const MCP_FIELDS = new Set(['sse_servers', 'stdio_servers', 'shttp_servers']);
const SERVER_NAME = /^[a-zA-Z0-9_-]+$/;
const ENV_KEY = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Collects errors in the order pydantic finds them. */
class Issues {
  /** @type {ValidationIssue[]} */
  list = [];

  /**
   * @param {keyof typeof MESSAGES} type
   * @param {Loc} loc
   * @param {PyValue} input
   * @returns {Invalid}
   */
  add(type, loc, input) {
    this.list.push({ type, loc, msg: MESSAGES[type], input });
    return INVALID;
  }

  /**
   * A ValueError raised by a field validator.
   * @param {Loc} loc
   * @param {PyValue} input
   * @param {string} text
   * @returns {Invalid}
   */
  valueError(loc, input, text) {
    // pydantic's ctx holds the exception object, which FastAPI's encoder turns into {}.
    this.list.push({ type: 'value_error', loc, msg: `Value error, ${text}`, input, ctx: { error: {} } });
    return INVALID;
  }

  /**
   * @param {Loc} loc
   * @param {string} input
   * @param {readonly string[]} allowed
   * @returns {Invalid}
   */
  notInEnum(loc, input, allowed) {
    const quoted = allowed.map(pyRepr);
    const expected = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '');
    this.list.push({ type: 'enum', loc, msg: `Input should be ${expected}`, input, ctx: { expected } });
    return INVALID;
  }
}

/**
 * A field known to be present.
 * @param {Map<string, PyValue>} fields
 * @param {string} name
 * @returns {PyValue}
 */
const field = (fields, name) => /** @type {PyValue} */ (fields.get(name));

/**
 * Validates a request body (`undefined`/`null` when there was none).
 * @param {PyValue | undefined} body
 * @param {readonly string[]} providerTypes the server's ProviderType values
 * @returns {Validated<ProviderBody>}
 * @throws {ValidatorCrash}
 */
export function validateProviderBody(body, providerTypes) {
  const model = modelBody(body);
  if (!model.ok) return model;
  const fields = model.value;
  const issues = new Issues();
  const mcpConfig = fields.has('mcp_config')
    ? mcpConfigField(field(fields, 'mcp_config'), ['body', 'mcp_config'], issues)
    : null;
  const providerTokens = fields.has('provider_tokens')
    ? providerTokensField(field(fields, 'provider_tokens'), ['body', 'provider_tokens'], providerTypes, issues)
    : new Map();
  if (mcpConfig === INVALID || providerTokens === INVALID) return { ok: false, errors: issues.list };
  return { ok: true, value: { mcp_config: mcpConfig, provider_tokens: providerTokens } };
}

/**
 * Validates an `mcp_config` value found at `loc` (`["body", "mcp_config"]` in a settings body,
 * `["mcp_config"]` or `["operatorMcpConfig"]` in tenant options).
 * @param {PyValue} value
 * @param {Loc} loc
 * @returns {Validated<McpConfig | null>}
 * @throws {ValidatorCrash}
 */
export function validateMcpConfigAt(value, loc) {
  const issues = new Issues();
  const result = mcpConfigField(value, loc, issues);
  return result === INVALID ? { ok: false, errors: issues.list } : { ok: true, value: result };
}

/**
 * A request body that must be a model's input (`POSTProviderModel`, `Settings`): FastAPI's own
 * `missing` check for no body, then pydantic's `model_attributes_type` for a non-object.
 * @param {PyValue | undefined} body
 * @returns {{ ok: true, value: Map<string, PyValue> } | { ok: false, errors: ValidationIssue[] }}
 */
export function modelBody(body) {
  // FastAPI's own check for a required body, before pydantic sees anything.
  if (body === null || body === undefined) {
    return { ok: false, errors: [{ type: 'missing', loc: ['body'], msg: MESSAGES.missing, input: null }] };
  }
  const issues = new Issues();
  const fields = modelFields(body, ['body'], issues);
  return fields ? { ok: true, value: fields } : { ok: false, errors: issues.list };
}

/**
 * The fields of a model's input.
 * @param {PyValue} input
 * @param {Loc} loc
 * @param {Issues} issues
 * @returns {Map<string, PyValue> | null}
 */
function modelFields(input, loc, issues) {
  if (input instanceof Map) return input;
  issues.add('model_attributes_type', loc, input);
  return null;
}

/**
 * @param {PyValue} value
 * @param {Loc} loc
 * @param {Issues} issues
 * @returns {string | Invalid}
 */
function str(value, loc, issues) {
  return typeof value === 'string' ? value : issues.add('string_type', loc, value);
}

/**
 * An optional `str | None` field, `None` when absent.
 * @param {Map<string, PyValue>} fields
 * @param {string} name
 * @param {Loc} loc
 * @param {Issues} issues
 * @returns {string | null | Invalid}
 */
function optionalStr(fields, name, loc, issues) {
  const value = fields.get(name);
  return value === undefined || value === null ? null : str(value, [...loc, name], issues);
}

/**
 * `list[T]`: every item is validated, every error kept.
 * @template T
 * @param {PyValue} value
 * @param {Loc} loc
 * @param {Issues} issues
 * @param {(item: PyValue, loc: Loc) => T | Invalid} item
 * @returns {T[] | Invalid}
 */
function list(value, loc, issues, item) {
  if (!Array.isArray(value)) return issues.add('list_type', loc, value);
  const out = value.map((v, i) => item(v, [...loc, BigInt(i)]));
  return out.includes(INVALID) ? INVALID : /** @type {T[]} */ (out);
}

/**
 * `dict[ProviderType, ProviderToken]`: for each entry the key, then the value.
 * @param {PyValue} value
 * @param {Loc} loc
 * @param {readonly string[]} providerTypes
 * @param {Issues} issues
 * @returns {Map<string, ProviderTokenValue> | Invalid}
 */
function providerTokensField(value, loc, providerTypes, issues) {
  if (!(value instanceof Map)) return issues.add('dict_type', loc, value);
  /** @type {Map<string, ProviderTokenValue>} */
  const out = new Map();
  let valid = true;
  for (const [provider, entry] of value) {
    if (!providerTypes.includes(provider)) {
      issues.notInEnum([...loc, provider, '[key]'], provider, providerTypes);
      valid = false;
    }
    const token = providerToken(entry, [...loc, provider], issues);
    if (token === INVALID) valid = false;
    else out.set(provider, token);
  }
  return valid ? out : INVALID;
}

/**
 * `ProviderToken`: token (SecretStr | None), user_id, host (str | None); other keys dropped.
 * @param {PyValue} value
 * @param {Loc} loc
 * @param {Issues} issues
 * @returns {ProviderTokenValue | Invalid}
 */
function providerToken(value, loc, issues) {
  const fields = modelFields(value, loc, issues);
  if (!fields) return INVALID;
  const token = optionalStr(fields, 'token', loc, issues);
  const user_id = optionalStr(fields, 'user_id', loc, issues);
  const host = optionalStr(fields, 'host', loc, issues);
  if (token === INVALID || user_id === INVALID || host === INVALID) return INVALID;
  return { token, user_id, host };
}

/**
 * `MCPConfig | None`.
 * @param {PyValue} value
 * @param {Loc} loc
 * @param {Issues} issues
 * @returns {McpConfig | null | Invalid}
 */
function mcpConfigField(value, loc, issues) {
  if (value === null) return null;
  const fields = modelFields(value instanceof Map ? withServerStringsAsUrls(value) : value, loc, issues);
  if (!fields) return INVALID;
  /** @type {(name: string, item: (v: PyValue, loc: Loc) => any) => any} */
  const serverList = (name, item) => (fields.has(name) ? list(field(fields, name), [...loc, name], issues, item) : []);
  const sse = serverList('sse_servers', (v, l) => remoteServer(v, l, issues, false));
  const stdio = serverList('stdio_servers', (v, l) => stdioServer(v, l, issues));
  const shttp = serverList('shttp_servers', (v, l) => remoteServer(v, l, issues, true));
  let valid = sse !== INVALID && stdio !== INVALID && shttp !== INVALID;
  for (const [key, extra] of fields) {
    if (!MCP_FIELDS.has(key)) {
      issues.add('extra_forbidden', [...loc, key], extra);
      valid = false;
    }
  }
  return valid ? { sse_servers: sse, stdio_servers: stdio, shttp_servers: shttp } : INVALID;
}

/**
 * MCPConfig's `mode="before"` model validator: iterates `sse_servers` and `shttp_servers`
 * (whatever they are) and turns each string into `{url: s}`. Returns a copy: the request
 * log keeps the body as it was sent.
 * @param {Map<string, PyValue>} fields
 * @returns {Map<string, PyValue>}
 */
function withServerStringsAsUrls(fields) {
  const out = new Map(fields);
  for (const name of ['sse_servers', 'shttp_servers']) {
    if (!out.has(name)) continue;
    const items = iterate(field(out, name));
    out.set(
      name,
      items.map((item) => (typeof item === 'string' ? new Map([['url', item]]) : item)),
    );
  }
  return out;
}

/**
 * Python's `for x in value` over a decoded JSON value.
 * @param {PyValue} value
 * @returns {PyValue[]}
 */
function iterate(value) {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return Array.from(value);
  if (value instanceof Map) return [...value.keys()];
  throw new ValidatorCrash(`TypeError: '${pythonTypeName(value)}' object is not iterable`);
}

/**
 * `MCPSSEServerConfig` / `MCPSHTTPServerConfig`: url (validated), api_key.
 * @param {PyValue} value
 * @param {Loc} loc
 * @param {Issues} issues
 * @param {boolean} urlCheckedBeforeType SHTTP's url validator runs on the raw value
 * @returns {RemoteServer | Invalid}
 */
function remoteServer(value, loc, issues, urlCheckedBeforeType) {
  const fields = modelFields(value, loc, issues);
  if (!fields) return INVALID;
  const urlLoc = [...loc, 'url'];
  /** @type {string | Invalid} */
  let url;
  if (!fields.has('url')) url = issues.add('missing', urlLoc, fields);
  else {
    const raw = field(fields, 'url');
    if (typeof raw === 'string') url = mcpUrl(raw, urlLoc, issues);
    else if (urlCheckedBeforeType) throw strippedNonString(raw);
    else url = issues.add('string_type', urlLoc, raw);
  }
  const apiKey = optionalStr(fields, 'api_key', loc, issues);
  return url === INVALID || apiKey === INVALID ? INVALID : { url, api_key: apiKey };
}

/**
 * OpenHands' `_validate_mcp_url`: trimmed, with a scheme, a host, and a scheme it knows.
 * @param {string} raw
 * @param {Loc} loc
 * @param {Issues} issues
 * @returns {string | Invalid}
 */
function mcpUrl(raw, loc, issues) {
  const url = pyStrip(raw);
  if (!url) return issues.valueError(loc, raw, 'URL cannot be empty');
  let parts;
  try {
    parts = urlSplit(url);
  } catch (error) {
    if (error instanceof PythonValueError) return issues.valueError(loc, raw, error.message);
    throw error;
  }
  if (!parts.scheme) return issues.valueError(loc, raw, 'URL must include a scheme (http:// or https://)');
  if (!parts.netloc) return issues.valueError(loc, raw, 'URL must include a valid domain/host');
  if (!['http', 'https', 'ws', 'wss'].includes(parts.scheme)) {
    return issues.valueError(loc, raw, 'URL scheme must be http, https, ws, or wss');
  }
  return url;
}

/**
 * `MCPStdioServerConfig`: name, command, args, env.
 * @param {PyValue} value
 * @param {Loc} loc
 * @param {Issues} issues
 * @returns {StdioServer | Invalid}
 */
function stdioServer(value, loc, issues) {
  const fields = modelFields(value, loc, issues);
  if (!fields) return INVALID;
  /** @type {(name: string, check: (raw: PyValue, loc: Loc) => any, fallback: () => any) => any} */
  const read = (name, check, fallback) => (fields.has(name) ? check(field(fields, name), [...loc, name]) : fallback());
  const missing = (/** @type {string} */ name) => () => issues.add('missing', [...loc, name], fields);
  const name = read('name', (raw, l) => serverName(raw, l, issues), missing('name'));
  const command = read('command', (raw, l) => serverCommand(raw, l, issues), missing('command'));
  const args = read(
    'args',
    (raw, l) => stdioArgs(raw, l, issues),
    () => [],
  );
  const env = read(
    'env',
    (raw, l) => stdioEnv(raw, l, issues),
    () => new Map(),
  );
  if ([name, command, args, env].includes(INVALID)) return INVALID;
  return { name, command, args, env };
}

/**
 * @param {PyValue} raw
 * @returns {ValidatorCrash}
 */
function strippedNonString(raw) {
  return new ValidatorCrash(`AttributeError: '${pythonTypeName(raw)}' object has no attribute 'strip'`);
}

/**
 * @param {PyValue} raw
 * @param {Loc} loc
 * @param {Issues} issues
 * @returns {string | Invalid}
 */
function serverName(raw, loc, issues) {
  if (typeof raw !== 'string') throw strippedNonString(raw);
  const name = pyStrip(raw);
  if (!name) return issues.valueError(loc, raw, 'Server name cannot be empty');
  if (!SERVER_NAME.test(name)) {
    return issues.valueError(loc, raw, 'Server name can only contain letters, numbers, hyphens, and underscores');
  }
  return name;
}

/**
 * @param {PyValue} raw
 * @param {Loc} loc
 * @param {Issues} issues
 * @returns {string | Invalid}
 */
function serverCommand(raw, loc, issues) {
  if (typeof raw !== 'string') throw strippedNonString(raw);
  const command = pyStrip(raw);
  if (!command) return issues.valueError(loc, raw, 'Command cannot be empty');
  if (command.includes(' ')) {
    return issues.valueError(
      loc,
      raw,
      'Command should be a single executable without spaces (use arguments field for parameters)',
    );
  }
  return command;
}

/**
 * `args`: a list of strings, or one string split shell-style; a falsy value means none.
 * @param {PyValue} raw
 * @param {Loc} loc
 * @param {Issues} issues
 * @returns {string[] | Invalid}
 */
function stdioArgs(raw, loc, issues) {
  /** @type {PyValue} */
  let value = raw;
  if (typeof raw === 'string') {
    const trimmed = pyStrip(raw);
    try {
      value = trimmed ? shlexSplit(trimmed) : [];
    } catch (error) {
      if (!(error instanceof ShlexError)) throw error;
      return issues.valueError(
        loc,
        raw,
        `Invalid argument format: ${error.message}. Use shell-like format, e.g., "arg1 arg2" or '--config "value with spaces"'`,
      );
    }
  } else if (!isPythonTruthy(raw)) value = [];
  return list(value, loc, issues, (item, l) => str(item, l, issues));
}

/**
 * `env`: a map of strings, or a `K=V,K2=V2` string whose keys must look like variable names;
 * a falsy value means none.
 * @param {PyValue} raw
 * @param {Loc} loc
 * @param {Issues} issues
 * @returns {Map<string, string> | Invalid}
 */
function stdioEnv(raw, loc, issues) {
  /** @type {PyValue} */
  let value = raw;
  if (typeof raw === 'string') {
    const parsed = parseEnvString(raw);
    if (typeof parsed === 'string') return issues.valueError(loc, raw, parsed);
    value = parsed;
  } else if (!isPythonTruthy(raw)) value = new Map();
  if (!(value instanceof Map)) return issues.add('dict_type', loc, value);
  /** @type {Map<string, string>} */
  const env = new Map();
  let valid = true;
  for (const [key, item] of value) {
    if (typeof item === 'string') {
      env.set(key, item);
    } else {
      issues.add('string_type', [...loc, key], item);
      valid = false;
    }
  }
  return valid ? env : INVALID;
}

/**
 * @param {string} text
 * @returns {Map<string, PyValue> | string} the variables, or the validator's error text
 */
function parseEnvString(text) {
  /** @type {Map<string, PyValue>} */
  const env = new Map();
  if (!pyStrip(text)) return env;
  for (const part of text.split(',')) {
    const pair = pyStrip(part);
    if (!pair) continue;
    const eq = pair.indexOf('=');
    if (eq < 0) return `Environment variable '${pair}' must be in KEY=VALUE format`;
    const key = pyStrip(pair.slice(0, eq));
    if (!key) return 'Environment variable key cannot be empty';
    if (!ENV_KEY.test(key)) {
      return `Invalid environment variable name '${key}'. Must start with letter or underscore, contain only alphanumeric characters and underscores`;
    }
    env.set(key, pair.slice(eq + 1));
  }
  return env;
}
