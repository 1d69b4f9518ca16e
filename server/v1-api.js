// @ts-check
/**
 * The V1 app server of one tenant (CURRENT-SERVERS §1), paths under `/api/v1`:
 *
 *   GET    /api/v1/settings                                   v1-settings.js
 *   POST   /api/v1/settings                                   v1-settings.js
 *   POST   /api/v1/secrets/git-providers                      the token store (V0's rules)
 *   DELETE /api/v1/secrets/git-providers                      (native) all tokens
 *   DELETE /api/v1/secrets/git-providers/tokens               (fastmcp) all tokens
 *   POST   /api/v1/settings/mcp/servers/{server_id}/test      (native) v1-mcp-tests.js
 *   GET    /api/v1/settings/mcp/test-runs/{test_id}           (native)
 *   GET    /api/v1/settings/mcp/servers/{server_id}/health    (native)
 *
 * Auth (§1.1): with a session key, `X-Session-API-Key` or `Authorization: Bearer <key>`
 * (Cloud's `get_api_key_from_header`); missing or wrong -> `401 {"detail": "Unauthorized"}`.
 */

import { sendJson } from './http.js';
import { mcpRules } from './modes.js';
import { decodedAndAuthorised } from './request.js';
import { checkProviderTokens, invalidTokenMessage, providerAccepts } from './provider-check.js';
import { keyMatches } from './request.js';
import { dispatch } from './router.js';
import { healthAnswer, startTestRun, testRunAnswer } from './v1-mcp-tests.js';
import { legacyKeys, updateV1Settings, v1SettingsAnswer } from './v1-settings.js';
import { validateProviderBody } from './validate.js';

/** @typedef {import('./modern-api.js').ModernContext} ModernContext */
/** @typedef {import('./validate.js').ProviderTokenValue} ProviderTokenValue */
/** @typedef {import('./provider-check.js').StoredToken} StoredToken */
/** @typedef {import('./router.js').Route<ModernContext>} Route */

/** @type {Record<string, Route[]>} */
const ROUTES = {
  native: [
    ['/api/v1/settings', { GET: loadSettings, POST: storeSettings }],
    ['/api/v1/secrets/git-providers', { POST: storeProviderTokens, DELETE: unsetProviderTokens }],
    ['/api/v1/settings/mcp/servers/{server_id}/test', { POST: startMcpTest }],
    ['/api/v1/settings/mcp/test-runs/{test_id}', { GET: readTestRun }],
    ['/api/v1/settings/mcp/servers/{server_id}/health', { GET: readHealth }],
  ],
  fastmcp: [
    ['/api/v1/settings', { GET: loadSettings, POST: storeSettings }],
    ['/api/v1/secrets/git-providers', { POST: storeProviderTokens }],
    ['/api/v1/secrets/git-providers/tokens', { DELETE: unsetProviderTokens }],
  ],
};

/** @param {ModernContext} context */
export function serveV1(context) {
  return dispatch(ROUTES[context.tenant.variant] ?? [], context, context);
}

/** @param {ModernContext} context */
function authorised({ req, tenant }) {
  if (tenant.sessionKey === null) return true;
  if (keyMatches(req.headers['x-session-api-key'], tenant.sessionKey)) return true;
  const bearer = /^Bearer +(.+)$/i.exec(req.headers.authorization ?? '');
  return bearer !== null && keyMatches(bearer[1], tenant.sessionKey);
}

/**
 * For the routes without a body: the session key only.
 * @param {ModernContext} context
 */
function refused(context) {
  if (authorised(context)) return false;
  sendJson(context.res, 401, { detail: 'Unauthorized' }, context.cors);
  return true;
}

/** @param {ModernContext} context */
const rulesOf = ({ tenant }) => mcpRules('v1', tenant.variant);

/**
 * `GET /api/v1/settings`: `404 {"error": "Settings not found"}` without a record, even with
 * tokens stored.
 * @param {ModernContext} context
 */
function loadSettings(context) {
  const { res, tenant, cors } = context;
  if (refused(context)) return;
  if (!tenant.modernSettings) return sendJson(res, 404, { error: 'Settings not found' }, cors);
  sendJson(res, 200, v1SettingsAnswer(tenant.modernSettings, tenant.tokens, rulesOf(context)), cors);
}

/** @param {ModernContext} context */
function storeSettings(context) {
  const { res, tenant, cors } = context;
  const decoded = decodedAndAuthorised(context, authorised);
  if (!decoded) return;
  const payload = decoded.value;
  // `payload: dict[str, Any]`: FastAPI's own checks.
  if (payload === null) {
    return sendJson(
      res,
      422,
      { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] },
      cors,
    );
  }
  if (!(payload instanceof Map)) {
    const error = { type: 'dict_type', loc: ['body'], msg: 'Input should be a valid dictionary', input: payload };
    return sendJson(res, 422, { detail: [error] }, cors);
  }
  const legacy = legacyKeys(payload);
  if (legacy.length) {
    return sendJson(
      res,
      422,
      { error: 'Use *_diff nested settings payloads instead of legacy keys', keys: legacy },
      cors,
    );
  }
  const next = updateV1Settings(tenant.modernSettings, payload, {
    rules: rulesOf(context),
    restoresMasks: tenant.variant === 'native',
  });
  if (!next) return sendJson(res, 500, { error: 'Something went wrong storing settings' }, cors);
  tenant.modernSettings = next;
  sendJson(res, 200, { message: 'Settings stored' }, cors);
}

/**
 * `POST /api/v1/secrets/git-providers`: V0's body without `mcp_config` (V1's POSTProviderModel
 * has none: it is an ignored extra), V0's token convention and storing rule (§1.3). A rejected
 * token: the FastMCP-era router answers `{"error"}` with V0's "last provider decides" message;
 * the native one raises at the first rejection, `{"detail"}` (§1.4).
 * @param {ModernContext} context
 */
function storeProviderTokens(context) {
  const { res, tenant, cors } = context;
  const decoded = decodedAndAuthorised(context, authorised);
  if (!decoded) return;
  const sent = decoded.value;
  const body = sent instanceof Map ? new Map([...sent].filter(([key]) => key !== 'mcp_config')) : sent;
  const result = validateProviderBody(body, tenant.providerTypes);
  if (!result.ok) return sendJson(res, 422, { detail: result.errors }, cors);

  const incoming = result.value.provider_tokens;
  const stored = new Map([...tenant.tokens].filter(([, token]) => token.token));
  if (tenant.variant === 'native') {
    const rejection = firstRejection(incoming, stored);
    if (rejection) return sendJson(res, 401, { detail: rejection }, cors);
  } else {
    const rejection = checkProviderTokens(incoming, stored);
    if (rejection) return sendJson(res, 401, { error: rejection }, cors);
  }
  tenant.storeProviderTokens(incoming);
  sendJson(res, 200, { message: 'Git providers stored' }, cors);
}

/**
 * The native router's `check_provider_tokens` (secrets_router.py @40df8a82): each sent token, and
 * each stored token whose host changes, is checked in order; the first failure is the answer.
 * @param {ReadonlyMap<string, ProviderTokenValue>} incoming
 * @param {ReadonlyMap<string, StoredToken>} stored tokens that have a token
 */
function firstRejection(incoming, stored) {
  for (const [provider, sent] of incoming) {
    if (sent.token && !providerAccepts(provider, sent.token, sent.host)) return invalidTokenMessage(provider);
    const existing = stored.get(provider);
    if (existing && existing.host !== sent.host && !providerAccepts(provider, existing.token, sent.host)) {
      return invalidTokenMessage(provider);
    }
  }
  return '';
}

/** @param {ModernContext} context */
function unsetProviderTokens(context) {
  if (refused(context)) return;
  context.tenant.tokens = new Map();
  sendJson(context.res, 200, { message: 'Unset Git provider tokens' }, context.cors);
}

/**
 * @param {ModernContext} context
 * @param {Record<string, string>} params
 */
function startMcpTest(context, { server_id: serverId = '' }) {
  const { res, tenant, cors } = context;
  if (refused(context)) return;
  if (!tenant.modernSettings) return sendJson(res, 404, { detail: 'Settings not found' }, cors);
  const server = tenant.modernSettings.mcp?.get(serverId);
  if (!server) return sendJson(res, 404, { detail: `MCP server '${serverId}' not found` }, cors);
  if (!server.has('command') && !server.has('url')) {
    return sendJson(res, 400, { detail: `MCP server '${serverId}' has neither a command nor a url` }, cors);
  }
  const run = startTestRun(tenant.testRuns, serverId, server, tenant.mcpTestMs, Date.now());
  sendJson(res, 202, { test_id: run.id, status: 'running' }, cors);
}

/**
 * @param {ModernContext} context
 * @param {Record<string, string>} params
 */
function readTestRun(context, { test_id: testId = '' }) {
  const { res, tenant, cors } = context;
  if (refused(context)) return;
  const run = tenant.testRuns.get(testId);
  if (!run) return sendJson(res, 404, { detail: 'Test run not found' }, cors);
  sendJson(res, 200, testRunAnswer(run, Date.now()), cors);
}

/**
 * @param {ModernContext} context
 * @param {Record<string, string>} params
 */
function readHealth(context, { server_id: serverId = '' }) {
  if (refused(context)) return;
  sendJson(context.res, 200, healthAnswer(serverId, context.tenant.testRuns, Date.now()), context.cors);
}
