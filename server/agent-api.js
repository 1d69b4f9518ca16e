// @ts-check
/**
 * The agent-server of one tenant (CURRENT-SERVERS §2), paths under `/api`:
 *
 *   GET    /api/settings                  agent-settings.js (never a 404: defaults)
 *   PATCH  /api/settings                  agent-settings.js
 *   GET    /api/settings/secrets          `{"secrets": [{name, description}]}`
 *   PUT    /api/settings/secrets          `{name, value, description?}`, an upsert
 *   GET    /api/settings/secrets/{name}   the value, as text/plain
 *   DELETE /api/settings/secrets/{name}   `{"deleted": true}`
 *   POST   /api/mcp/test                  agent-mcp-test.js, mcp-probe.js; always 200
 *
 * Auth (§2.1): `X-Session-API-Key` only, Bearer is not read; wrong -> `401 {"detail":
 * "Unauthorized"}`. Request validation errors are FastAPI's list with every `input` through
 * `sanitize_dict` (the agent-server's own handler, api.py @030b04c0); the routes' own 422s carry
 * a string `detail`.
 */

import { validateMcpTestRequest } from './agent-mcp-test.js';
import { agentSettingsAnswer, applyAgentDiffs } from './agent-settings.js';
import { send, sendJson } from './http.js';
import { probe } from './mcp-probe.js';
import { mcpRules } from './modes.js';
import { decodedAndAuthorised } from './request.js';
import { agentServerErrorList, Errors, validationErrorText } from './pydantic-errors.js';
import { keyMatches } from './request.js';
import { dispatch } from './router.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./modern-api.js').ModernContext} ModernContext */
/** @typedef {import('./router.js').Route<ModernContext>} Route */
/** @typedef {import('./pydantic-errors.js').ErrorItem} ErrorItem */

/** @type {Route[]} */
const ROUTES = [
  ['/api/settings', { GET: loadSettings, PATCH: patchSettings }],
  ['/api/settings/secrets', { GET: listSecrets, PUT: putSecret }],
  ['/api/settings/secrets/{name}', { GET: readSecret, DELETE: deleteSecret }],
  ['/api/mcp/test', { POST: testMcpServer }],
];

export const SECRET_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
const BAD_SECRET_NAME =
  'Invalid secret name format. Must start with a letter, contain only letters, numbers, and underscores, and be 1-64 characters long.';

/** @param {ModernContext} context */
export function serveAgentServer(context) {
  return dispatch(ROUTES, context, context);
}

/** @param {ModernContext} context */
const authorised = ({ req, tenant }) =>
  tenant.sessionKey === null || keyMatches(req.headers['x-session-api-key'], tenant.sessionKey);

/** @param {ModernContext} context */
function refused(context) {
  if (authorised(context)) return false;
  sendJson(context.res, 401, { detail: 'Unauthorized' }, context.cors);
  return true;
}

/**
 * @param {ModernContext} context
 * @param {ErrorItem[]} errors
 */
const invalidRequest = ({ res, cors }, errors) => sendJson(res, 422, { detail: agentServerErrorList(errors) }, cors);

/** @param {ModernContext} context */
function answerSettings({ res, tenant, cors }) {
  const record = /** @type {import('./modern-record.js').ModernRecord} */ (tenant.modernSettings);
  sendJson(res, 200, agentSettingsAnswer(record, tenant.variant, mcpRules('agent-server', tenant.variant)), cors);
}

/** @param {ModernContext} context */
function loadSettings(context) {
  if (refused(context)) return;
  answerSettings(context);
}

/**
 * `PATCH /api/settings` (§2.3): the body model first (FastAPI's 422 list), then 400 when no diff
 * is given, then the merge and validation (422, a string `detail`), then the new settings.
 * @param {ModernContext} context
 */
function patchSettings(context) {
  const { res, tenant, cors } = context;
  const decoded = decodedAndAuthorised(context, authorised);
  if (!decoded) return;
  const oldest = tenant.variant === 'deep-merge';
  const body = updateRequest(decoded.value, oldest);
  if (!body.ok) return invalidRequest(context, body.errors);
  if (!body.given) {
    const detail = oldest
      ? 'At least one of agent_settings_diff or conversation_settings_diff must be provided'
      : 'At least one of agent_settings_diff, conversation_settings_diff, misc_settings_diff, active_profile, or active_agent_profile_id must be provided';
    return sendJson(res, 400, { detail }, cors);
  }
  const record = /** @type {import('./modern-record.js').ModernRecord} */ (tenant.modernSettings);
  const result = applyAgentDiffs(record, body.diffs, tenant.variant, mcpRules('agent-server', tenant.variant));
  if (!result.ok) {
    // The oldest router answers `str(e)`; later ones a fixed text, so as not to leak secrets.
    const detail = oldest ? validationErrorText('OpenHandsAgentSettings', result.errors) : 'Settings validation failed';
    return sendJson(res, 422, { detail }, cors);
  }
  tenant.modernSettings = result.record;
  answerSettings(context);
}

/**
 * `SettingsUpdateRequest`: `*_diff` fields are `dict | None`, the profile pointers `str | None`;
 * other keys are ignored. Nulls count as not given (`model_dump(exclude_none=True)`), except the
 * pointers, which a client may clear.
 * @param {PyValue} value
 * @param {boolean} oldest only the two diffs exist
 * @returns {{ ok: false, errors: ErrorItem[] } | { ok: true, given: boolean, diffs: import('./agent-settings.js').AgentDiffs }}
 */
function updateRequest(value, oldest) {
  const errors = new Errors();
  if (value === null) errors.add('missing', ['body'], null);
  else if (!(value instanceof Map)) errors.add('model_attributes_type', ['body'], value);
  if (!(value instanceof Map)) return { ok: false, errors: errors.list };
  const names = oldest
    ? ['agent_settings_diff', 'conversation_settings_diff']
    : ['agent_settings_diff', 'conversation_settings_diff', 'misc_settings_diff'];
  /** @type {Record<string, Map<string, PyValue>>} */
  const maps = {};
  for (const name of names) {
    const diff = value.get(name);
    if (diff === undefined || diff === null) continue;
    if (diff instanceof Map) maps[name] = diff;
    else errors.add('dict_type', ['body', name], diff);
  }
  /** @type {Map<string, PyValue | null>} */
  const pointers = new Map();
  for (const name of oldest ? [] : ['active_profile', 'active_agent_profile_id']) {
    if (!value.has(name)) continue;
    const pointer = value.get(name) ?? null;
    if (pointer === null || typeof pointer === 'string') pointers.set(name, pointer);
    else errors.add('string_type', ['body', name], pointer);
  }
  if (errors.list.length) return { ok: false, errors: errors.list };
  const diffs = {
    agent: maps.agent_settings_diff,
    conversation: maps.conversation_settings_diff,
    misc: maps.misc_settings_diff,
    pointers,
  };
  return { ok: true, given: Object.keys(maps).length > 0 || pointers.size > 0, diffs };
}

/** @param {ModernContext} context */
function listSecrets(context) {
  if (refused(context)) return;
  const secrets = [...context.tenant.secrets].map(([name, { description }]) => ({ name, description }));
  sendJson(context.res, 200, { secrets }, context.cors);
}

/**
 * `PUT /api/settings/secrets`: `CustomSecretCreate {name: str, value: SecretStr, description?}`,
 * then the name pattern (a 422 with a string detail), then the upsert.
 * @param {ModernContext} context
 */
function putSecret(context) {
  const { res, tenant, cors } = context;
  const decoded = decodedAndAuthorised(context, authorised);
  if (!decoded) return;
  const body = decoded.value;
  const errors = new Errors();
  if (body === null) errors.add('missing', ['body'], null);
  else if (!(body instanceof Map)) errors.add('model_attributes_type', ['body'], body);
  else {
    for (const field of ['name', 'value']) {
      const v = body.get(field);
      if (v === undefined) errors.add('missing', ['body', field], body);
      else if (typeof v !== 'string') errors.add('string_type', ['body', field], v);
    }
    const description = body.get('description');
    if (description !== undefined && description !== null && typeof description !== 'string') {
      errors.add('string_type', ['body', 'description'], description);
    }
  }
  if (errors.list.length || !(body instanceof Map)) return invalidRequest(context, errors.list);
  const name = /** @type {string} */ (body.get('name'));
  if (!SECRET_NAME.test(name)) return sendJson(res, 422, { detail: BAD_SECRET_NAME }, cors);
  const description = /** @type {string | null} */ (body.get('description') ?? null);
  tenant.secrets.set(name, { value: /** @type {string} */ (body.get('value')), description });
  sendJson(res, 200, { name, description }, cors);
}

/**
 * @param {ModernContext} context
 * @param {Record<string, string>} params
 */
function readSecret(context, { name = '' }) {
  const { res, tenant, cors } = context;
  if (refused(context)) return;
  if (!SECRET_NAME.test(name)) return sendJson(res, 422, { detail: BAD_SECRET_NAME }, cors);
  const secret = tenant.secrets.get(name);
  if (!secret) return sendJson(res, 404, { detail: 'Secret not found' }, cors);
  send(res, 200, { ...cors, 'content-type': 'text/plain; charset=utf-8' }, secret.value);
}

/**
 * @param {ModernContext} context
 * @param {Record<string, string>} params
 */
function deleteSecret(context, { name = '' }) {
  const { res, tenant, cors } = context;
  if (refused(context)) return;
  if (!SECRET_NAME.test(name)) return sendJson(res, 422, { detail: BAD_SECRET_NAME }, cors);
  if (!tenant.secrets.delete(name)) return sendJson(res, 404, { detail: 'Secret not found' }, cors);
  sendJson(res, 200, { deleted: true }, cors);
}

/**
 * `POST /api/mcp/test`: always 200 once the body is valid, `{ok: true, tools}` or `{ok: false,
 * error, error_kind}`; it stores nothing. It answers after the tenant's `mcpTestMs`.
 * @param {ModernContext} context
 */
async function testMcpServer(context) {
  const { res, tenant, cors, lifecycle } = context;
  const decoded = decodedAndAuthorised(context, authorised);
  if (!decoded) return;
  const checked = validateMcpTestRequest(decoded.value, tenant.variant === 'merge-patch');
  if (!checked.ok) return invalidRequest(context, checked.errors);
  await lifecycle.wait(tenant.mcpTestMs);
  if (lifecycle.closed) return void res.destroy();
  const { server, toolCall } = checked.request;
  const outcome = probe(server);
  if (!outcome.ok) {
    // An MCP server that refuses the credentials fails the connection, as the SDK reports it.
    const kind = outcome.kind === 'authentication' ? 'connection' : outcome.kind;
    return sendJson(res, 200, { ok: false, error: outcome.message, error_kind: kind }, cors);
  }
  /** @type {Record<string, unknown>} */
  const answer = { ok: true, tools: outcome.tools };
  if (toolCall) {
    answer.tool_result = outcome.tools.includes(toolCall.name)
      ? { is_error: false, text: `${toolCall.name}: ok` }
      : {
          is_error: true,
          text: `Tool '${toolCall.name}' not advertised by server (available: ${outcome.tools.join(', ')})`,
        };
  }
  sendJson(res, 200, answer, cors);
}
