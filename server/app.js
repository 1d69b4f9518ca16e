// @ts-check
/**
 * The reference server: an in-memory stand-in for the OpenHands API the component talks
 * to (see server/README.md). `handle(req, res)` answers its own paths and leaves the rest
 * to the host server (a plain Node server, @web/test-runner's Koa, Vite's connect):
 *
 *   /api/...              the default tenant
 *   /t/{tenantId}/api/... an isolated tenant (also proves a base URL with a path prefix works)
 *   /__control/...        the test controls
 */

import { serveApi } from './api.js';
import { answerPreflight, isPreflight } from './cors.js';
import { serveControl } from './control.js';
import { DEMO_SESSION_KEY, demoModernState, demoProviderTokens, demoSettings } from './demo.js';
import { Lifecycle, sendInternalServerError } from './http.js';
import { dumpsPython, fromPlain } from './python-json.js';
import { TenantRegistry } from './store.js';
import { OptionsError, tenantConfig } from './tenant-options.js';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * @typedef {object} ReferenceServerOptions The default tenant's initial state.
 * @property {string | null} [sessionKey] the `X-Session-API-Key` to require; null or absent: none
 * @property {string[]} [providerTypes] the ProviderType values accepted (default: those of 0.53.0)
 * @property {Record<string, { token: string | null, host?: string | null, user_id?: string | null }>} [provider_tokens]
 *   the token store
 * @property {({ provider_tokens?: Record<string, { token: string | null, host?: string | null, user_id?: string | null }>, mcp_config?: object | null } & Record<string, unknown>) | null} [settings]
 *   the settings store (any settings field; `provider_tokens` a shorthand for the token store);
 *   null: no settings record (GET /api/settings answers 404, whatever the tokens); absent: defaults
 * @property {object | null} [operatorMcpConfig] the operator's config.toml MCP servers, put in front in answers
 * @property {number} [delayMs] added before every API answer
 * @property {'v0' | 'v1' | 'agent-server'} [api] which server the default tenant is (default v0;
 *   server/README.md, "API modes"); with v1 or agent-server, `settings` takes that API's shape
 * @property {string} [variant] which version of it (modes.js)
 * @property {number} [mcpTestMs] how long an MCP connection test takes (v1, agent-server)
 * @property {Record<string, string | { value: string, description?: string | null }>} [secrets]
 *   the agent-server's secrets store
 * @property {boolean} [demo] seed a demo state: session key `demo-session-key`, stored GitHub
 *   and GitLab tokens, a settings record with an MCP configuration, language, agent, LLM model and
 *   key, search key, confirmation mode and git user (explicit options above still win, each on
 *   its own: `{ demo: true, settings: null }` keeps the demo tokens without settings); for the
 *   newer APIs their own demo state (demo.js)
 */

/**
 * @typedef {object} ReferenceServer
 * @property {(req: IncomingMessage, res: ServerResponse) => Promise<boolean>} handle
 *   Resolves true once it has taken the request (answered it, or holds it open on purpose),
 *   false when the path is not its own and the host server should go on.
 * @property {TenantRegistry} tenants the state, for tests in the same process
 * @property {() => void} close ends pending delays and responses held open
 */

/**
 * @param {ReferenceServerOptions} [options]
 * @returns {ReferenceServer}
 */
export function createReferenceServer(options = {}) {
  const tenants = new TenantRegistry(defaultTenantConfig(options));
  const lifecycle = new Lifecycle();

  /** @type {ReferenceServer['handle']} */
  async function handle(req, res) {
    const url = requestUrl(req.url);
    const target = url && routeOf(url);
    if (!url || !target) return false;
    try {
      if (isPreflight(req)) answerPreflight(req, res);
      else if (target.kind === 'control') await serveControl({ req, res, url, tenants });
      else {
        const tenant = target.tenantId === null ? tenants.default : tenants.get(target.tenantId);
        await serveApi({ req, res, tenant, url, apiPath: target.apiPath, lifecycle });
      }
    } catch (error) {
      // A client that went away mid-request is not the server's problem; anything else is a
      // bug here, answered like the real server answers its own.
      if (!req.socket.destroyed && !res.headersSent) {
        console.error('[reference-server]', error);
        sendInternalServerError(res);
      } else res.destroy();
    }
    return true;
  }

  return { handle, tenants, close: () => lifecycle.close() };
}

/** @param {ReferenceServerOptions} options */
function defaultTenantConfig(options) {
  const { demo = false, ...rest } = options;
  const api = rest.api ?? 'v0';
  const v0Demo = { sessionKey: DEMO_SESSION_KEY, provider_tokens: demoProviderTokens(), settings: demoSettings() };
  const seeded = demo ? (api === 'v0' ? v0Demo : demoModernState(api)) : {};
  const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  try {
    return tenantConfig(fromPlain({ ...seeded, ...given }));
  } catch (error) {
    if (error instanceof OptionsError) {
      const detail = error.detail ? ` ${dumpsPython(error.detail, { strict: false })}` : '';
      throw new TypeError(`createReferenceServer: ${error.message}${detail}`, { cause: error });
    }
    throw error;
  }
}

/**
 * @param {string | undefined} raw the request target
 * @returns {URL | null}
 */
function requestUrl(raw) {
  if (!raw) return null;
  try {
    // An origin-form target is parsed as a path, so that `//x` stays a path and not a host.
    return raw.startsWith('/') ? new URL(`http://reference.invalid${raw}`) : new URL(raw);
  } catch {
    return null;
  }
}

/**
 * @param {URL} url
 * @returns {{ kind: 'control' } | { kind: 'api', tenantId: string | null, apiPath: string } | null}
 */
function routeOf(url) {
  const path = decodePath(url.pathname);
  if (path === '/__control' || path.startsWith('/__control/')) return { kind: 'control' };
  if (path === '/api' || path.startsWith('/api/')) return { kind: 'api', tenantId: null, apiPath: path };
  const tenantPath = /^\/t\/([\w-]+)(\/api(?:\/.*)?)$/s.exec(path);
  if (tenantPath) return { kind: 'api', tenantId: tenantPath[1] ?? '', apiPath: tenantPath[2] ?? '' };
  return null;
}

/** The path as the real server routes on it: percent-decoded. @param {string} path */
function decodePath(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
