// @ts-check
/**
 * The body of the agent-server's `POST /api/mcp/test` (CURRENT-SERVERS §2.5; SDK mcp_router.py
 * @b3139126, older, and @00ad7f08, newer): `{name?, server, timeout?, tool_call?}` where `server`
 * is tagged by `type`: `stdio` (`command`, `args`, `env`, `cwd`) or `http | shttp |
 * streamable-http | sse` (`url`, `headers`, `auth`).
 *
 * - The older model forbids unknown keys in a remote server, so a native `{transport, url}`
 *   object is refused (no tag: `union_tag_not_found`; `type` and `transport`: `extra_forbidden`).
 * - The newer one first turns a server without `type` into one: `transport`, else `stdio` when
 *   there is a `command`, else `http`; it ignores unknown keys and refuses a top-level
 *   `authentication` (it belongs under `auth`).
 * - Both refuse `auth` together with an `Authorization` header, and check `name` (1-128
 *   characters, then stripped; blank becomes `test-server`) and `timeout` (0 < t <= 120).
 *
 * The newest variant (`merge-patch`) has the newer model; the two older ones the older.
 */

import { authValue } from './mcp-map.js';
import { Errors } from './pydantic-errors.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./pydantic-errors.js').Loc} Loc */
/** @typedef {import('./pydantic-errors.js').ErrorItem} ErrorItem */
/**
 * @typedef {object} McpTestRequest
 * @property {string} name
 * @property {Map<string, PyValue>} server as stored servers are (mcp-map.js), for the probe
 * @property {number} timeout seconds
 * @property {{ name: string } | null} toolCall
 */

const TAGS = ['stdio', 'http', 'shttp', 'streamable-http', 'sse'];
/** What the newer remote model adds (and checks); it ignores any other key. */
const REMOTE_NEW_SCALARS = ['timeout', 'sse_read_timeout', 'keep_alive'];
const REMOTE_OLD_FIELDS = ['type', 'url', 'headers', 'auth'];
const AUTH_CONFLICT =
  "'auth' cannot be combined with an explicit top-level 'Authorization' header; use auth.strategy='header' instead.";

/**
 * @param {PyValue} body null when there was none
 * @param {boolean} newer the newer request model
 * @returns {{ ok: true, request: McpTestRequest } | { ok: false, errors: ErrorItem[] }}
 */
export function validateMcpTestRequest(body, newer) {
  const errors = new Errors();
  if (body === null) {
    errors.add('missing', ['body'], null);
    return { ok: false, errors: errors.list };
  }
  if (!(body instanceof Map)) {
    errors.add('model_attributes_type', ['body'], body);
    return { ok: false, errors: errors.list };
  }
  let fields = body;
  if (newer) {
    const server = body.get('server');
    if (server instanceof Map && server.has('authentication')) {
      errors.valueError(['body'], body, 'OAuth authentication metadata belongs under auth.authentication.');
      return { ok: false, errors: errors.list };
    }
    if (server instanceof Map && !server.has('type')) {
      const normalised = new Map(server);
      const transport = normalised.get('transport');
      normalised.delete('transport');
      normalised.set('type', transport ?? (normalised.has('command') ? 'stdio' : 'http'));
      fields = new Map(body).set('server', normalised);
    }
  }

  const name = nameField(fields.get('name'), errors);
  const server = fields.has('server')
    ? serverField(/** @type {PyValue} */ (fields.get('server')), newer, errors)
    : errors.add('missing', ['body', 'server'], fields);
  const timeout = timeoutField(fields.get('timeout'), errors);
  const toolCall = toolCallField(fields.get('tool_call'), errors);
  if (errors.list.length || !server || timeout === undefined || name === undefined) {
    return { ok: false, errors: errors.list };
  }
  return { ok: true, request: { name: name.trim() || 'test-server', server, timeout, toolCall: toolCall ?? null } };
}

/**
 * @param {PyValue | undefined} raw
 * @param {Errors} errors
 * @returns {string | undefined}
 */
function nameField(raw, errors) {
  if (raw === undefined) return 'test-server';
  const loc = ['body', 'name'];
  if (typeof raw !== 'string') return errors.add('string_type', loc, raw);
  const length = [...raw].length;
  if (length < 1) return lengthError(errors, loc, raw, 'string_too_short', 'at least 1 character', { min_length: 1n });
  if (length > 128) {
    return lengthError(errors, loc, raw, 'string_too_long', 'at most 128 characters', { max_length: 128n });
  }
  return raw;
}

/**
 * @param {Errors} errors
 * @param {Loc} loc
 * @param {PyValue} input
 * @param {string} type
 * @param {string} bound
 * @param {Record<string, unknown>} ctx
 * @returns {undefined}
 */
function lengthError(errors, loc, input, type, bound, ctx) {
  errors.list.push({ type, loc, msg: `String should have ${bound}`, input, ctx });
  return undefined;
}

/**
 * @param {PyValue} raw
 * @param {boolean} newer
 * @param {Errors} errors
 * @returns {Map<string, PyValue> | undefined}
 */
function serverField(raw, newer, errors) {
  const loc = ['body', 'server'];
  if (!(raw instanceof Map)) return errors.add('model_attributes_type', loc, raw);
  const tag = raw.get('type');
  if (typeof tag !== 'string' || !TAGS.includes(tag)) return errors.badTag(loc, raw, 'type', TAGS, tag);
  const at = [...loc, tag];
  const before = errors.list.length;
  /** @type {Map<string, PyValue>} */
  const server = new Map([['transport', tag === 'shttp' || tag === 'streamable-http' ? 'http' : tag]]);
  if (tag === 'stdio') {
    const command = requiredString(raw, 'command', at, errors);
    if (command !== undefined) server.set('command', command);
    const args = raw.get('args') ?? [];
    if (!Array.isArray(args)) errors.add('list_type', [...at, 'args'], args);
    else args.forEach((a, i) => typeof a !== 'string' && errors.add('string_type', [...at, 'args', BigInt(i)], a));
    server.set('args', args);
    const env = stringMap(raw.get('env'), [...at, 'env'], errors);
    if (env) server.set('env', env);
    const cwd = raw.get('cwd');
    if (cwd !== undefined && cwd !== null && typeof cwd !== 'string') errors.add('string_type', [...at, 'cwd'], cwd);
    return errors.list.length > before ? undefined : server;
  }
  const url = requiredString(raw, 'url', at, errors);
  if (url !== undefined) server.set('url', url);
  const headers = stringMap(raw.get('headers'), [...at, 'headers'], errors);
  if (headers) server.set('headers', headers);
  const auth = raw.get('auth');
  if (auth !== undefined && auth !== null) {
    const checked = authValue(auth, [...at, 'auth'], errors);
    if (checked) server.set('auth', checked);
  }
  if (!newer) {
    for (const [key, extra] of raw)
      if (!REMOTE_OLD_FIELDS.includes(key)) errors.add('extra_forbidden', [...at, key], extra);
  } else {
    for (const key of REMOTE_NEW_SCALARS) checkOptionalScalar(raw, key, at, errors);
  }
  if (errors.list.length > before) return undefined;
  const hasAuthorization = headers && [...headers.keys()].some((key) => key.toLowerCase() === 'authorization');
  if (server.has('auth') && hasAuthorization) return errors.valueError(at, raw, AUTH_CONFLICT);
  return server;
}

/**
 * `str = Field(..., min_length=1)`.
 * @param {Map<string, PyValue>} raw
 * @param {string} name
 * @param {Loc} at
 * @param {Errors} errors
 * @returns {string | undefined}
 */
function requiredString(raw, name, at, errors) {
  const value = raw.get(name);
  if (value === undefined) return errors.add('missing', [...at, name], raw);
  if (typeof value !== 'string') return errors.add('string_type', [...at, name], value);
  if (value.length < 1) {
    return lengthError(errors, [...at, name], value, 'string_too_short', 'at least 1 character', { min_length: 1n });
  }
  return value;
}

/**
 * `dict[str, str]`, default `{}`.
 * @param {PyValue | undefined} raw
 * @param {Loc} loc
 * @param {Errors} errors
 * @returns {Map<string, PyValue> | undefined}
 */
function stringMap(raw, loc, errors) {
  if (raw === undefined) return new Map();
  if (!(raw instanceof Map)) return errors.add('dict_type', loc, raw);
  for (const [key, value] of raw) if (typeof value !== 'string') errors.add('string_type', [...loc, key], value);
  return raw;
}

/**
 * The newer remote model's `timeout`, `sse_read_timeout` (float | None) and `keep_alive` (bool | None).
 * @param {Map<string, PyValue>} raw
 * @param {string} key
 * @param {Loc} at
 * @param {Errors} errors
 */
function checkOptionalScalar(raw, key, at, errors) {
  const value = raw.get(key);
  if (value === undefined || value === null) return;
  if (key === 'keep_alive' ? typeof value !== 'boolean' : typeof value !== 'number' && typeof value !== 'bigint') {
    errors.add(key === 'keep_alive' ? 'bool_type' : 'float_type', [...at, key], value);
  }
}

/**
 * `timeout: float = Field(15.0, gt=0, le=120)`.
 * @param {PyValue | undefined} raw
 * @param {Errors} errors
 * @returns {number | undefined}
 */
function timeoutField(raw, errors) {
  if (raw === undefined) return 15;
  const loc = ['body', 'timeout'];
  if (typeof raw !== 'number' && typeof raw !== 'bigint') return errors.add('float_type', loc, raw);
  const seconds = Number(raw);
  if (!(seconds > 0)) {
    errors.list.push({ type: 'greater_than', loc, msg: 'Input should be greater than 0', input: raw, ctx: { gt: 0n } });
    return undefined;
  }
  if (seconds > 120) {
    const msg = 'Input should be less than or equal to 120';
    errors.list.push({ type: 'less_than_equal', loc, msg, input: raw, ctx: { le: 120n } });
    return undefined;
  }
  return seconds;
}

/**
 * `tool_call: {name, arguments} | None`.
 * @param {PyValue | undefined} raw
 * @param {Errors} errors
 * @returns {{ name: string } | null | undefined}
 */
function toolCallField(raw, errors) {
  if (raw === undefined || raw === null) return null;
  const loc = ['body', 'tool_call'];
  if (!(raw instanceof Map)) return errors.add('model_attributes_type', loc, raw);
  const name = requiredString(raw, 'name', loc, errors);
  const args = raw.get('arguments');
  if (args !== undefined && !(args instanceof Map)) errors.add('dict_type', [...loc, 'arguments'], args);
  return name === undefined ? undefined : { name };
}
