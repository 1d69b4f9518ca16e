// @ts-check
/**
 * Tenants: isolated, in-memory OpenHands users. Each has its own session key, ProviderType
 * list, stored settings, scripted answers and request log, so that parallel tests never
 * share state.
 */

import { randomBytes } from 'node:crypto';
import { describeModern } from './modern-state.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./validate.js').McpConfig} McpConfig */
/** @typedef {import('./validate.js').ProviderTokenValue} ProviderTokenValue */
/** @typedef {import('./provider-check.js').StoredToken} StoredToken */
/** @typedef {import('./script.js').ScriptedResponse} ScriptedResponse */
/** @typedef {import('./settings.js').SettingsRecord} SettingsRecord */
/** @typedef {import('./modes.js').ApiMode} ApiMode */
/** @typedef {import('./modern-record.js').ModernRecord} ModernRecord */
/** @typedef {import('./v1-mcp-tests.js').TestRun} TestRun */
/** @typedef {{ value: string, description: string | null }} StoredSecret */
/**
 * @typedef {object} TenantConfig
 * @property {string | null} sessionKey null: no `X-Session-API-Key` check
 * @property {string[]} providerTypes the ProviderType values the server accepts
 * @property {Map<string, StoredToken>} tokens the secrets store: provider tokens
 * @property {SettingsRecord | null} settings the settings store; null: no settings record yet (GET /api/settings answers 404)
 * @property {McpConfig | null} operatorMcpConfig the operator's `config.toml` `[mcp]` servers, put in front in every answer
 * @property {number} delayMs added before every API answer
 * @property {ApiMode} api which server this tenant is (modes.js); fixed for its life
 * @property {string} variant which version of it
 * @property {number} mcpTestMs how long an MCP test takes (V1 runs stay `running`, the
 *   agent-server's test answers after it)
 * @property {ModernRecord | null} modernSettings the settings of a v1 or agent-server tenant (null: no
 *   record, V1 only); v0 tenants use `settings`
 * @property {Map<string, StoredSecret>} secrets the agent-server's secrets store
 */
/**
 * @typedef {object} LoggedRequest
 * @property {string} method
 * @property {string} path as received, prefix and query included
 * @property {string | null} sessionKey the `X-Session-API-Key` header
 * @property {string | null} [authorization] the `Authorization` header (v1 tenants only)
 * @property {string | null} origin
 * @property {string | null} contentType
 * @property {'json' | 'text' | 'empty' | 'too-large'} bodyKind
 * @property {PyValue} body parsed JSON, else the raw text, else null
 */

export const DEFAULT_PROVIDER_TYPES = Object.freeze(['github', 'gitlab', 'bitbucket', 'enterprise_sso']);

// Enough for any test run; beyond it the least recently used tenants go, so a long-running
// demo server does not grow without bound.
const MAX_TENANTS = 1000;
const MAX_LOGGED_REQUESTS = 500;

export class Tenant {
  /** @type {string | null} */ sessionKey = null;
  /** @type {string[]} */ providerTypes = [];
  /** @type {Map<string, StoredToken>} */ tokens = new Map();
  /** @type {SettingsRecord | null} */ settings = null;
  /** @type {McpConfig | null} */ operatorMcpConfig = null;
  delayMs = 0;
  /** @type {ApiMode} */ api = 'v0';
  variant = '0.53.0';
  mcpTestMs = 0;
  /** @type {ModernRecord | null} */ modernSettings = null;
  /** @type {Map<string, StoredSecret>} */ secrets = new Map();
  /** @type {Map<string, TestRun>} V1's MCP test runs (not configuration: reset empties them) */
  testRuns = new Map();
  /** @type {ScriptedResponse[]} answers to give instead of the real logic, first first */
  script = [];
  /** @type {LoggedRequest[]} */
  requests = [];
  requestCount = 0;

  /**
   * @param {string} id
   * @param {string} baseUrl
   * @param {TenantConfig} initial kept for reset()
   */
  constructor(id, baseUrl, initial) {
    this.id = id;
    this.baseUrl = baseUrl;
    this.initial = structuredClone(initial);
    this.reset();
  }

  reset() {
    Object.assign(this, structuredClone(this.initial));
    this.script = [];
    this.requests = [];
    this.requestCount = 0;
    this.testRuns = new Map();
  }

  /** @returns {TenantConfig} the configuration as it is now (what a PATCH of the controls changes) */
  config() {
    const { sessionKey, providerTypes, tokens, settings, operatorMcpConfig, delayMs } = this;
    const { api, variant, mcpTestMs, modernSettings, secrets } = this;
    return {
      sessionKey,
      providerTypes,
      tokens,
      settings,
      operatorMcpConfig,
      delayMs,
      api,
      variant,
      mcpTestMs,
      modernSettings,
      secrets,
    };
  }

  /** @param {LoggedRequest} request */
  record(request) {
    this.requestCount++;
    this.requests.push(request);
    if (this.requests.length > MAX_LOGGED_REQUESTS) this.requests.shift();
  }

  /** @returns {ReadonlyMap<string, StoredToken>} */
  get storedTokens() {
    return this.tokens;
  }

  /**
   * Stores what `POST /api/add-git-providers` accepted. The incoming map replaces the stored
   * one: a provider left out is deleted; one sent without a token keeps its stored token
   * (and user_id) but takes the host that was sent; a new provider without a token is dropped.
   * `mcp_config` is not stored by this endpoint, and the settings store is never touched.
   * @param {ReadonlyMap<string, ProviderTokenValue>} incoming
   */
  storeProviderTokens(incoming) {
    /** @type {Map<string, StoredToken>} */
    const next = new Map();
    for (const [provider, sent] of incoming) {
      const kept = this.tokens.get(provider);
      if (sent.token) next.set(provider, { token: sent.token, host: sent.host, user_id: sent.user_id });
      else if (kept) next.set(provider, { ...kept, host: sent.host });
    }
    this.tokens = next;
  }

  /** The tenant as the test controls show it: everything, stored tokens and secrets included. */
  describe() {
    if (this.api !== 'v0') return describeModern(this);
    return {
      id: this.id,
      baseUrl: this.baseUrl,
      sessionKey: this.sessionKey,
      providerTypes: this.providerTypes,
      delayMs: this.delayMs,
      hasSettings: this.settings !== null,
      provider_tokens: this.tokens,
      mcp_config: this.settings?.mcp_config ?? null,
      settings: this.settings,
      operatorMcpConfig: this.operatorMcpConfig,
      pendingResponses: this.script.length,
      requestCount: this.requestCount,
    };
  }
}

export class TenantRegistry {
  /** @type {Map<string, Tenant>} most recently used last */
  #tenants = new Map();

  /** @param {TenantConfig} defaultConfig the tenant served at `/api/...` */
  constructor(defaultConfig) {
    this.default = new Tenant('default', '', defaultConfig);
  }

  /** @param {TenantConfig} config */
  create(config) {
    const id = randomBytes(9).toString('base64url');
    const tenant = new Tenant(id, `/t/${id}`, config);
    this.#tenants.set(id, tenant);
    for (const oldest of this.#tenants.keys()) {
      if (this.#tenants.size <= MAX_TENANTS) break;
      this.#tenants.delete(oldest);
    }
    return tenant;
  }

  /** @param {string} id */
  get(id) {
    if (id === 'default') return this.default;
    const tenant = this.#tenants.get(id);
    if (tenant) {
      this.#tenants.delete(id);
      this.#tenants.set(id, tenant);
    }
    return tenant;
  }

  /** @param {string} id */
  delete(id) {
    return this.#tenants.delete(id);
  }
}
