// @ts-check
/**
 * The OpenHands API of one tenant, with its two stores apart (docs/CONTRACT.md, "Two stores"):
 * `POST /api/add-git-providers` and `POST /api/unset-provider-tokens` write the token store;
 * `GET` and `POST /api/settings` read and write the settings store. Each answers in the order the
 * real server (FastAPI) checks things: body decoding (422 `json_invalid`) -> session key (401
 * `detail`) -> body validation (422) -> token check (401 `error`, tokens only) -> store (200).
 */

import { corsHeaders } from './cors.js';
import { readBody, sendInternalServerError, sendJson } from './http.js';
import { serveModernApi } from './modern-api.js';
import { checkProviderTokens } from './provider-check.js';
import { parsePythonJson } from './python-json.js';
import { decodedAndAuthorised, decodeUtf8, keyMatches } from './request.js';
import { redirectWithoutSlash } from './router.js';
import { nextScripted, playScripted } from './script.js';
import { replaceSettings, settingsAnswer, validateSettingsBody } from './settings.js';
import { validateProviderBody, ValidatorCrash } from './validate.js';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./store.js').Tenant} Tenant */
/** @typedef {import('./store.js').LoggedRequest} LoggedRequest */
/** @typedef {import('./http.js').Lifecycle} Lifecycle */
/**
 * @typedef {object} RouteContext
 * @property {IncomingMessage} req
 * @property {ServerResponse} res
 * @property {Tenant} tenant
 * @property {Buffer} body
 * @property {Record<string, string>} cors
 */

/** @type {Map<string, Map<string, (context: RouteContext) => void>>} path -> method -> handler */
const ROUTES = new Map([
  ['/api/add-git-providers', new Map([['POST', storeProviderTokens]])],
  ['/api/unset-provider-tokens', new Map([['POST', unsetProviderTokens]])],
  [
    '/api/settings',
    new Map([
      ['GET', loadSettings],
      ['POST', storeSettings],
    ]),
  ],
]);

/**
 * Answers one API request of `tenant`. Every request is logged first; a scripted answer,
 * if one is queued, replaces the real logic.
 * @param {object} context
 * @param {IncomingMessage} context.req
 * @param {ServerResponse} context.res
 * @param {Tenant | undefined} context.tenant undefined when the path names no tenant
 * @param {URL} context.url
 * @param {string} context.apiPath the path after the tenant prefix, e.g. `/api/settings`
 * @param {Lifecycle} context.lifecycle
 */
export async function serveApi({ req, res, tenant, url, apiPath, lifecycle }) {
  const { bytes, tooLarge } = await readBody(req);
  const cors = corsHeaders(req);
  if (!tenant) return sendJson(res, 404, { detail: 'Not Found' }, cors);
  tenant.record(logEntry(req, url, bytes, tooLarge, tenant.api === 'v1'));
  await lifecycle.wait(tenant.delayMs);
  if (lifecycle.closed) return void res.destroy();
  const scripted = nextScripted(tenant.script, req.method ?? '', apiPath);
  if (scripted) return playScripted(scripted, { req, res, lifecycle });
  if (tooLarge) return sendJson(res, 413, { detail: 'Request body too large' }, cors);
  if (tenant.api !== 'v0') return serveModernApi({ req, res, tenant, url, apiPath, body: bytes, cors, lifecycle });

  const route = ROUTES.get(apiPath);
  if (!route) {
    // Starlette redirects `/api/settings/` to `/api/settings` (and keeps the method).
    const withoutSlash = apiPath.replace(/\/+$/, '');
    if (withoutSlash !== apiPath && ROUTES.has(withoutSlash)) return redirectWithoutSlash(req, res, url, cors);
    return sendJson(res, 404, { detail: 'Not Found' }, cors);
  }
  const handler = route.get(req.method ?? '');
  if (!handler) {
    const allow = [...route.keys()].join(', ');
    return sendJson(res, 405, { detail: 'Method Not Allowed' }, { ...cors, allow });
  }
  handler({ req, res, tenant, body: bytes, cors });
}

/**
 * Runs a body validation; where one of 0.53.0's validators would crash, answers as the real
 * server does (a plain-text 500 without CORS) and returns null.
 * @template T
 * @param {ServerResponse} res
 * @param {() => T} validate
 * @returns {T | null}
 */
function validatedOr500(res, validate) {
  try {
    return validate();
  } catch (error) {
    if (!(error instanceof ValidatorCrash)) throw error;
    sendInternalServerError(res);
    return null;
  }
}

/** @param {RouteContext} context */
function storeProviderTokens(context) {
  const { res, tenant, cors } = context;
  const decoded = decodedAndAuthorised(context, ({ req, tenant }) => sessionKeyAccepted(req, tenant));
  if (!decoded) return;
  const result = validatedOr500(res, () => validateProviderBody(decoded.value, tenant.providerTypes));
  if (!result) return;
  if (!result.ok) return sendJson(res, 422, { detail: result.errors }, cors);

  const rejection = checkProviderTokens(result.value.provider_tokens, tenant.storedTokens);
  if (rejection) return sendJson(res, 401, { error: rejection }, cors);
  tenant.storeProviderTokens(result.value.provider_tokens);
  sendJson(res, 200, { message: 'Git providers stored' }, cors);
}

/** @param {RouteContext} context */
function unsetProviderTokens({ req, res, tenant, cors }) {
  if (!sessionKeyAccepted(req, tenant)) return sendJson(res, 401, { detail: 'Unauthorized' }, cors);
  tenant.tokens = new Map();
  sendJson(res, 200, { message: 'Unset Git provider tokens' }, cors);
}

/**
 * `GET /api/settings`: 404 whenever there is no settings record, even with tokens stored (they
 * are in the other store); else every setting, secrets masked, `provider_tokens_set` from the
 * token store.
 * @param {RouteContext} context
 */
function loadSettings({ req, res, tenant, cors }) {
  if (!sessionKeyAccepted(req, tenant)) return sendJson(res, 401, { detail: 'Unauthorized' }, cors);
  if (!tenant.settings) return sendJson(res, 404, { error: 'Settings not found' }, cors);
  sendJson(res, 200, settingsAnswer(tenant.settings, tenant.tokens, tenant.operatorMcpConfig), cors);
}

/**
 * `POST /api/settings`: the body replaces the record, with 0.53.0's carry-over of five fields
 * (settings.js); on a tenant without a record it makes one of what was sent. Tokens untouched.
 * @param {RouteContext} context
 */
function storeSettings(context) {
  const { res, tenant, cors } = context;
  const decoded = decodedAndAuthorised(context, ({ req, tenant }) => sessionKeyAccepted(req, tenant));
  if (!decoded) return;
  const result = validatedOr500(res, () => validateSettingsBody(decoded.value));
  if (!result) return;
  if (!result.ok) return sendJson(res, 422, { detail: result.errors }, cors);
  tenant.settings = replaceSettings(tenant.settings, result.value);
  sendJson(res, 200, { message: 'Settings stored' }, cors);
}

/**
 * @param {IncomingMessage} req
 * @param {Tenant} tenant
 */
function sessionKeyAccepted(req, tenant) {
  return tenant.sessionKey === null || keyMatches(req.headers['x-session-api-key'], tenant.sessionKey);
}

/**
 * @param {IncomingMessage} req
 * @param {URL} url
 * @param {Buffer} bytes
 * @param {boolean} tooLarge
 * @param {boolean} withAuthorization V1 takes the key as a Bearer token too: log that header
 * @returns {LoggedRequest}
 */
function logEntry(req, url, bytes, tooLarge, withAuthorization) {
  const header = (/** @type {string} */ name) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : null;
  };
  /** @type {Pick<LoggedRequest, 'bodyKind' | 'body'>} */
  let body = { bodyKind: 'empty', body: null };
  if (tooLarge) body = { bodyKind: 'too-large', body: null };
  else if (bytes.length > 0) {
    const text = decodeUtf8(bytes);
    try {
      body = { bodyKind: 'json', body: parsePythonJson(text ?? '') };
    } catch {
      body = { bodyKind: 'text', body: text ?? bytes.toString('utf8') };
    }
  }
  return {
    method: req.method ?? '',
    path: url.pathname + url.search,
    sessionKey: header('x-session-api-key'),
    ...(withAuthorization ? { authorization: header('authorization') } : {}),
    origin: header('origin'),
    contentType: header('content-type'),
    ...body,
  };
}
