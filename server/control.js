// @ts-check
/**
 * The test controls under `/__control/`: create isolated tenants, read and change their
 * state, queue scripted answers, read the request log. JSON in and out. They show stored
 * tokens, so they answer loopback clients only.
 */

import { CLOSED_PORT_HOST, closedPort } from './closed-port.js';
import { corsHeaders } from './cors.js';
import { isLoopbackAddress, MAX_BODY_BYTES, readBody, sendControlJson } from './http.js';
import { JsonDecodeError, JsonLimitError, parsePythonJson } from './python-json.js';
import { parseScript } from './script.js';
import { applyTenantOptions, OptionsError, tenantConfig } from './tenant-options.js';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./python-json.js').JsonOut} JsonOut */
/** @typedef {import('./store.js').Tenant} Tenant */
/** @typedef {import('./store.js').TenantRegistry} TenantRegistry */
/** @typedef {{ status: number, body?: JsonOut }} Answer */
/**
 * @typedef {object} ControlRequest
 * @property {TenantRegistry} tenants
 * @property {Tenant} tenant the tenant the path names (the default one for routes without an id)
 * @property {() => Promise<PyValue>} body the JSON body, `{}` when empty
 * @property {URL} url
 */

/** @type {[method: string, path: RegExp, run: (request: ControlRequest) => Answer | Promise<Answer>][]} */
const ROUTES = [
  ['POST', /^\/__control\/tenants$/, createTenant],
  ['GET', /^\/__control\/tenants\/([\w-]+)$/, describeTenant],
  ['PATCH', /^\/__control\/tenants\/([\w-]+)$/, patchTenant],
  ['DELETE', /^\/__control\/tenants\/([\w-]+)$/, deleteTenant],
  ['POST', /^\/__control\/tenants\/([\w-]+)\/script$/, queueScript],
  ['DELETE', /^\/__control\/tenants\/([\w-]+)\/script$/, clearScript],
  ['GET', /^\/__control\/tenants\/([\w-]+)\/requests$/, listRequests],
  ['DELETE', /^\/__control\/tenants\/([\w-]+)\/requests$/, clearRequests],
  ['POST', /^\/__control\/reset$/, resetDefaultTenant],
  ['GET', /^\/__control\/closed-port$/, describeClosedPort],
];

/**
 * @param {object} context
 * @param {IncomingMessage} context.req
 * @param {ServerResponse} context.res
 * @param {URL} context.url
 * @param {TenantRegistry} context.tenants
 */
export async function serveControl({ req, res, url, tenants }) {
  const cors = corsHeaders(req);
  const answer = await route({ req, url, tenants });
  sendControlJson(res, answer.status, answer.body, {
    ...cors,
    ...(answer.status === 405 ? { allow: allowedMethods(url) } : {}),
  });
}

/**
 * @param {{ req: IncomingMessage, url: URL, tenants: TenantRegistry }} context
 * @returns {Promise<Answer>}
 */
async function route({ req, url, tenants }) {
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    return { status: 403, body: { error: 'The test controls answer loopback clients only' } };
  }
  const matching = ROUTES.filter(([, path]) => path.test(url.pathname));
  if (matching.length === 0) return { status: 404, body: { error: `No test control at ${url.pathname}` } };
  const found = matching.find(([method]) => method === req.method);
  if (!found) return { status: 405, body: { error: `Use ${allowedMethods(url)} on ${url.pathname}` } };

  const [, path, run] = found;
  const id = path.exec(url.pathname)?.[1];
  const tenant = id === undefined ? tenants.default : tenants.get(id);
  if (!tenant) return { status: 404, body: { error: `No tenant ${id}` } };
  try {
    return await run({ tenants, tenant, url, body: () => readJson(req) });
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    return { status: 400, body: { error: error.message, detail: /** @type {JsonOut} */ (error.detail) } };
  }
}

/** @param {URL} url */
function allowedMethods(url) {
  return ROUTES.filter(([, path]) => path.test(url.pathname))
    .map(([method]) => method)
    .join(', ');
}

/**
 * @param {IncomingMessage} req
 * @returns {Promise<PyValue>}
 */
async function readJson(req) {
  const { bytes, tooLarge } = await readBody(req, MAX_BODY_BYTES);
  if (tooLarge) throw new OptionsError('The body is over 1 MiB');
  if (bytes.length === 0) return new Map();
  try {
    return parsePythonJson(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof JsonDecodeError || error instanceof JsonLimitError) {
      throw new OptionsError(`The body is not JSON: ${error.message}`);
    }
    throw error;
  }
}

/** @param {ControlRequest} request @returns {Promise<Answer>} */
async function createTenant({ tenants, body }) {
  const tenant = tenants.create(tenantConfig(await body()));
  return { status: 201, body: { id: tenant.id, baseUrl: tenant.baseUrl } };
}

/** @param {ControlRequest} request @returns {Answer} */
function describeTenant({ tenant }) {
  return { status: 200, body: tenant.describe() };
}

/** @param {ControlRequest} request @returns {Promise<Answer>} */
async function patchTenant({ tenant, body }) {
  Object.assign(tenant, applyTenantOptions(tenant.config(), await body()));
  return { status: 200, body: tenant.describe() };
}

/** @param {ControlRequest} request @returns {Answer} */
function deleteTenant({ tenants, tenant }) {
  if (tenant === tenants.default) {
    throw new OptionsError('The default tenant cannot be deleted; POST /__control/reset resets it');
  }
  tenants.delete(tenant.id);
  return { status: 204 };
}

/** @param {ControlRequest} request @returns {Promise<Answer>} */
async function queueScript({ tenant, body }) {
  tenant.script.push(...parseScript(await body()));
  return { status: 200, body: { pendingResponses: tenant.script.length } };
}

/** @param {ControlRequest} request @returns {Answer} */
function clearScript({ tenant }) {
  tenant.script = [];
  return { status: 204 };
}

/** @param {ControlRequest} request @returns {Answer} */
function clearRequests({ tenant }) {
  tenant.requests = [];
  return { status: 204 };
}

/** @param {ControlRequest} request @returns {Answer} */
function resetDefaultTenant({ tenants }) {
  tenants.default.reset();
  return { status: 204 };
}

/**
 * A loopback port nothing listens on (closed-port.js): a base URL whose requests are refused.
 * @returns {Promise<Answer>}
 */
async function describeClosedPort() {
  const port = await closedPort();
  return { status: 200, body: { port, baseUrl: `http://${CLOSED_PORT_HOST}:${port}` } };
}

/**
 * The request log, oldest first; `?method=POST` and `?path=/api/settings` (the path after
 * the tenant prefix, query left out) keep only the matching requests.
 * @param {ControlRequest} request
 * @returns {Answer}
 */
function listRequests({ tenant, url }) {
  const method = url.searchParams.get('method')?.toUpperCase();
  const path = url.searchParams.get('path');
  const requests = tenant.requests.filter(
    (request) =>
      (!method || request.method === method) &&
      (!path || request.path.slice(tenant.baseUrl.length).split('?', 1)[0] === path),
  );
  return { status: 200, body: requests };
}
