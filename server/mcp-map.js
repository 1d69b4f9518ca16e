// @ts-check
/**
 * The MCP configuration of today's servers: a map of servers keyed by name (CURRENT-SERVERS §3),
 * `{"mcpServers": {...}}` on older versions. Written from the facts, not from the client:
 *
 * - Server fields (SDK `MCPServer`, config.py @b3139126, `extra="forbid"`): `url`, `type`,
 *   `transport`, `command`, `args`, `env`, `cwd`, `description`, `icon`, `timeout`,
 *   `sse_read_timeout`, `keep_alive`, `headers`, `auth`; `enabled` only where
 *   {@link McpRules.allowsEnabled} (§3.3). An unknown key is `extra_forbidden`.
 * - `transport` (or the legacy `type`): `stdio`, `http`, `sse`; `shttp` and `streamable-http`
 *   are `http` (the SDK's v4->v5 migration, §3.1). Stored as `transport`, canonical.
 * - `url` must be an http(s) URL; `command` must not be blank; a stdio server needs a command, a
 *   remote one a url; with neither and no transport, wrapper-era variants reject the server
 *   (FastMCP's runtime-shape check) and native ones keep it (§1.8's 400 on a test).
 * - `auth` is tagged by `strategy` (§3.3): `none`; `api_key {value, header_name?}`;
 *   `bearer {value}`; `basic {username, password}`; `header {headers}`;
 *   `oauth2 {authentication, state}`. `auth` with an explicit `Authorization` header is
 *   rejected (§2.5, the fork's validator of §3.3).
 * - Secrets (`env` and `headers` values, `auth.value`, `auth.password`, `auth.headers` values) go
 *   through the SDK's `validate_secret` (§3.4): empty, blank or the mask `**********` become
 *   None, so a map entry disappears and a single secret is null. `<redacted>` and
 *   `Bearer **********` are not masks: they are stored as sent.
 *
 * Stored servers are `Map`s holding only the fields that are set (the SDK dumps with
 * `exclude_none`), secrets in clear; mcp-secrets.js masks them for answers.
 */

import { MASK } from './modes.js';
import { Errors } from './pydantic-errors.js';
import { pyStrip } from './python-text.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./pydantic-errors.js').Loc} Loc */
/** @typedef {import('./pydantic-errors.js').ErrorItem} ErrorItem */
/** @typedef {import('./modes.js').McpRules} McpRules */
/** @typedef {Map<string, PyValue>} McpServer */
/** @typedef {Map<string, McpServer>} McpServers */

const SERVER_FIELDS = [
  'url',
  'type',
  'transport',
  'command',
  'args',
  'env',
  'cwd',
  'description',
  'icon',
  'timeout',
  'sse_read_timeout',
  'keep_alive',
  'headers',
  'auth',
];
const TRANSPORTS = new Map([
  ['stdio', 'stdio'],
  ['http', 'http'],
  ['sse', 'sse'],
  ['shttp', 'http'],
  ['streamable-http', 'http'],
]);
export const AUTH_STRATEGIES = Object.freeze(['none', 'api_key', 'bearer', 'basic', 'header', 'oauth2']);
const AUTH_CONFLICT =
  "'auth' cannot be combined with an explicit top-level 'Authorization' header; use auth.strategy='header' instead.";

/**
 * Validates an `mcp_config` as found after a merge. `null` means none (the field's default).
 * @param {PyValue | undefined} value
 * @param {McpRules} rules
 * @param {Loc} loc where `mcp_config` is, for the errors
 * @returns {{ ok: true, servers: McpServers | null } | { ok: false, errors: ErrorItem[] }}
 */
export function validateMcpConfig(value, rules, loc) {
  if (value === null || value === undefined) return { ok: true, servers: null };
  const errors = new Errors();
  const found = serverMapOf(value, rules, loc, errors);
  if (!found) return { ok: false, errors: errors.list };
  /** @type {McpServers} */
  const servers = new Map();
  for (const [name, server] of found.map) {
    const checked = validateServer(server, [...found.loc, name], rules, errors);
    if (checked) servers.set(name, checked);
  }
  return errors.list.length ? { ok: false, errors: errors.list } : { ok: true, servers };
}

/**
 * Where the servers are in an `mcp_config`, by the variant's shape.
 * @param {PyValue} value
 * @param {McpRules} rules
 * @param {Loc} loc
 * @param {Errors} errors
 * @returns {{ map: Map<string, PyValue>, loc: Loc } | null}
 */
function serverMapOf(value, rules, loc, errors) {
  if (!(value instanceof Map)) {
    if (rules.wrapped && !rules.acceptsFlatAndWrapped) errors.modelType(loc, value, 'OpenHandsMCPConfig');
    else errors.add('dict_type', loc, value);
    return null;
  }
  // The V1 app server's adapter unwraps `mcpServers` when present and takes the map as given
  // otherwise (mcp_config_adapter.py @b7eb7abe); the agent-server's wrapper-era model only
  // knows `mcpServers` and drops other keys; its native model takes the map as it is.
  const wrapped = rules.acceptsFlatAndWrapped ? value.has('mcpServers') : rules.wrapped;
  if (!wrapped) return { map: value, loc };
  const inner = value.get('mcpServers') ?? new Map();
  const innerLoc = [...loc, 'mcpServers'];
  if (!(inner instanceof Map)) {
    errors.add('dict_type', innerLoc, inner);
    return null;
  }
  return { map: inner, loc: innerLoc };
}

/**
 * One server: field checks in the model's order, unknown keys, then the checks across fields
 * (which pydantic runs only when the fields are valid).
 * @param {PyValue} input
 * @param {Loc} loc
 * @param {McpRules} rules
 * @param {Errors} errors
 * @returns {McpServer | null}
 */
export function validateServer(input, loc, rules, errors) {
  if (!(input instanceof Map)) {
    errors.modelType(loc, input, rules.wrapped ? 'OpenHandsMCPServer' : 'MCPServer');
    return null;
  }
  const before = errors.list.length;
  const fields = rules.allowsEnabled ? [...SERVER_FIELDS, 'enabled'] : SERVER_FIELDS;
  /** @type {Map<string, PyValue>} */
  const out = new Map();
  for (const name of fields) {
    const raw = input.get(name);
    if (raw === undefined || raw === null) continue;
    const value = fieldValue(name, raw, [...loc, name], errors);
    if (value !== undefined) out.set(name, value);
  }
  for (const [key, extra] of input) if (!fields.includes(key)) errors.add('extra_forbidden', [...loc, key], extra);
  if (errors.list.length > before) return null;

  const transport = out.get('transport') ?? out.get('type');
  out.delete('type');
  if (transport !== undefined) out.set('transport', transport);
  const problem = crossFieldProblem(out, rules);
  if (problem) {
    errors.valueError(loc, input, problem);
    return null;
  }
  return canonicalOrder(out, fields);
}

/**
 * @param {string} name
 * @param {PyValue} raw not null
 * @param {Loc} loc
 * @param {Errors} errors
 * @returns {PyValue | undefined} undefined when invalid or when a secret map ends up absent
 */
function fieldValue(name, raw, loc, errors) {
  switch (name) {
    case 'url':
      if (typeof raw !== 'string') return errors.add('string_type', loc, raw);
      if (!/^https?:\/\/[^/\s?#]+/i.test(pyStrip(raw))) {
        return errors.valueError(loc, raw, 'URL must be an http:// or https:// URL with a host');
      }
      return pyStrip(raw);
    case 'type':
    case 'transport':
      if (typeof raw !== 'string') return errors.add('string_type', loc, raw);
      if (!TRANSPORTS.has(raw)) {
        return errors.valueError(
          loc,
          raw,
          `Unknown transport '${raw}': use stdio, http (or shttp, streamable-http) or sse`,
        );
      }
      return TRANSPORTS.get(raw);
    case 'command':
      if (typeof raw !== 'string') return errors.add('string_type', loc, raw);
      if (!pyStrip(raw)) return errors.valueError(loc, raw, 'command cannot be empty');
      return raw;
    case 'args':
      return stringList(raw, loc, errors);
    case 'env':
    case 'headers':
      return secretMap(raw, loc, errors);
    case 'cwd':
    case 'description':
    case 'icon':
      return typeof raw === 'string' ? raw : errors.add('string_type', loc, raw);
    case 'timeout':
    case 'sse_read_timeout':
      if (typeof raw === 'bigint') return Number(raw);
      return typeof raw === 'number' ? raw : errors.add('float_type', loc, raw);
    case 'keep_alive':
    case 'enabled':
      return typeof raw === 'boolean' ? raw : errors.add('bool_type', loc, raw);
    case 'auth':
      return authValue(raw, loc, errors);
    default:
      throw new Error(`no validator for MCP server field ${name}`);
  }
}

/**
 * @param {McpServer} server
 * @param {McpRules} rules
 * @returns {string} the ValueError text, '' when the server is coherent
 */
function crossFieldProblem(server, rules) {
  const transport = server.get('transport');
  const command = server.get('command');
  const url = server.get('url');
  if (transport === 'stdio' && command === undefined) return 'A stdio MCP server needs a command';
  if ((transport === 'http' || transport === 'sse') && url === undefined) return 'A remote MCP server needs a url';
  if (transport === undefined && command === undefined && url === undefined && rules.needsCommandOrUrl) {
    return 'An MCP server needs a command (stdio) or a url (http, sse)';
  }
  const headers = server.get('headers');
  const hasAuthorization =
    headers instanceof Map && [...headers.keys()].some((k) => k.toLowerCase() === 'authorization');
  if (server.has('auth') && hasAuthorization) return AUTH_CONFLICT;
  return '';
}

/**
 * @param {McpServer} server
 * @param {string[]} fields
 * @returns {McpServer}
 */
function canonicalOrder(server, fields) {
  const order = ['transport', ...fields.filter((f) => f !== 'type' && f !== 'transport')];
  return new Map(order.filter((f) => server.has(f)).map((f) => [f, /** @type {PyValue} */ (server.get(f))]));
}

/**
 * @param {PyValue} raw
 * @param {Loc} loc
 * @param {Errors} errors
 * @returns {string[] | undefined}
 */
function stringList(raw, loc, errors) {
  if (!Array.isArray(raw)) return errors.add('list_type', loc, raw);
  let valid = true;
  raw.forEach((item, i) => {
    if (typeof item !== 'string') {
      errors.add('string_type', [...loc, BigInt(i)], item);
      valid = false;
    }
  });
  return valid ? /** @type {string[]} */ (raw) : undefined;
}

/**
 * `validate_secret`: empty, blank or masked is no secret at all.
 * @param {string} value
 */
export const isNoSecret = (value) => !pyStrip(value) || value === MASK;

/**
 * `dict[str, SecretStr]` through `_validate_secret_map`: no-secret entries are dropped.
 * @param {PyValue} raw
 * @param {Loc} loc
 * @param {Errors} errors
 * @returns {Map<string, PyValue> | undefined}
 */
function secretMap(raw, loc, errors) {
  if (!(raw instanceof Map)) return errors.add('dict_type', loc, raw);
  /** @type {Map<string, PyValue>} */
  const out = new Map();
  let valid = true;
  for (const [key, item] of raw) {
    if (typeof item !== 'string') {
      errors.add('string_type', [...loc, key], item);
      valid = false;
    } else if (!isNoSecret(item)) out.set(key, item);
  }
  return valid ? out : undefined;
}

/**
 * `SecretStr | None` through `validate_secret`.
 * @param {PyValue | undefined} raw
 * @param {Loc} loc
 * @param {Errors} errors
 * @returns {string | null | undefined} undefined when invalid
 */
function secret(raw, loc, errors) {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') return errors.add('string_type', loc, raw);
  return isNoSecret(raw) ? null : raw;
}

/**
 * `auth`, tagged by `strategy`. Keys a strategy does not have are dropped (the credential models
 * do not forbid extras). The location of a field error names the tag, as pydantic's does.
 * @param {PyValue} raw not null
 * @param {Loc} loc
 * @param {Errors} errors
 * @returns {Map<string, PyValue> | undefined}
 */
export function authValue(raw, loc, errors) {
  if (!(raw instanceof Map)) return errors.add('model_attributes_type', loc, raw);
  const strategy = raw.get('strategy');
  if (typeof strategy !== 'string' || !AUTH_STRATEGIES.includes(strategy)) {
    return errors.badTag(loc, raw, 'strategy', AUTH_STRATEGIES, strategy);
  }
  const at = [...loc, strategy];
  const before = errors.list.length;
  /** @type {Map<string, PyValue>} */
  const out = new Map([['strategy', strategy]]);
  /** @param {string} name @param {PyValue | undefined} value */
  const put = (name, value) => {
    if (value !== undefined && value !== null) out.set(name, value);
  };
  if (strategy === 'api_key' || strategy === 'bearer') put('value', secret(raw.get('value'), [...at, 'value'], errors));
  if (strategy === 'api_key') {
    const headerName = raw.get('header_name');
    if (headerName !== undefined && headerName !== null && typeof headerName !== 'string') {
      errors.add('string_type', [...at, 'header_name'], headerName);
    } else put('header_name', headerName);
  }
  if (strategy === 'basic') {
    const username = raw.get('username');
    if (username === undefined) errors.add('missing', [...at, 'username'], raw);
    else if (typeof username !== 'string') errors.add('string_type', [...at, 'username'], username);
    else put('username', username);
    put('password', secret(raw.get('password'), [...at, 'password'], errors));
  }
  if (strategy === 'header') {
    const headers = raw.get('headers');
    out.set(
      'headers',
      headers === undefined ? new Map() : (secretMap(headers, [...at, 'headers'], errors) ?? new Map()),
    );
  }
  if (strategy === 'oauth2') {
    for (const name of ['authentication', 'state']) {
      const value = raw.get(name);
      if (value === undefined || value === null) continue;
      if (value instanceof Map) out.set(name, value);
      else errors.add('dict_type', [...at, name], value);
    }
  }
  return errors.list.length > before ? undefined : out;
}

/**
 * The map as a server of this variant writes it: flat, or wrapped.
 * @param {McpServers} servers
 * @param {boolean} wrapped
 * @returns {Map<string, PyValue>}
 */
export function wireShape(servers, wrapped) {
  return wrapped ? new Map([['mcpServers', servers]]) : servers;
}
