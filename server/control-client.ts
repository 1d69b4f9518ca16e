/**
 * A typed client of the reference server's test controls (server/README.md) for pages on the
 * same origin: the demo catalogue and the browser tests. Each caller gets its own tenant, and
 * outcomes are scripted on the server, never by mocking `fetch` in the page.
 */

export interface StoredProvider {
  token: string | null;
  host: string | null;
  user_id?: string | null;
}

/** Which server a tenant is (server/README.md, "API modes"). */
export type ApiMode = 'v0' | 'v1' | 'agent-server';

export interface TenantOptions {
  /** Default 'v0'. Fixed for the tenant's life (a PATCH may repeat it, not change it). */
  api?: ApiMode;
  /**
   * Which version of it: v0 '0.53.0'; v1 'native' (default) | 'fastmcp'; agent-server
   * 'merge-patch' (default) | 'nested-delete' | 'deep-merge'. A PATCH may change it.
   */
  variant?: string;
  /** v1, agent-server: how long an MCP connection test takes. */
  mcpTestMs?: number;
  /** agent-server: the secrets store. */
  secrets?: Record<string, string | { value: string; description?: string | null }>;
  sessionKey?: string | null;
  providerTypes?: string[];
  delayMs?: number;
  /** The token store (apart from the settings, as in OpenHands). */
  provider_tokens?: Record<string, StoredProvider>;
  /**
   * The settings store: any settings field (`language`, `llm_model`, `llm_api_key`, ...) and
   * `mcp_config`; `provider_tokens` is a shorthand for the token store. `null`: no settings record
   * (`GET /api/settings` answers 404, whatever the tokens). On v1 and agent-server tenants:
   * `{ agent_settings?, conversation_settings?, mcp_config?, misc_settings?, ...V1 fields }`, with
   * `mcp_config` a server map (flat or `{mcpServers}`); `null` only on v1.
   */
  settings?:
    ({ provider_tokens?: Record<string, StoredProvider>; mcp_config?: unknown } & Record<string, unknown>) | null;
  /** The operator's `config.toml` MCP servers, put in front of the stored ones in every answer. */
  operatorMcpConfig?: unknown;
}

export interface Tenant {
  id: string;
  /** `/t/<id>`: the element's `baseUrl` for this tenant. */
  baseUrl: string;
}

export interface ScriptedResponse {
  status?: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  hang?: boolean;
  drop?: boolean;
  cors?: boolean;
  /** An absolute URL sent as `Location`; the status then defaults to 307. */
  redirectTo?: string;
  /** Only a request with this method takes this answer (default: any). */
  method?: string;
  /** Only a request to this API path (`/api/settings`) takes this answer (default: any). */
  path?: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  sessionKey?: string | null;
  /** v1 tenants only: the `Authorization` header. */
  authorization?: string | null;
  body: unknown;
}

export interface TenantState {
  /** The token store, tokens included. */
  provider_tokens: Record<string, StoredProvider>;
  /** Whether there is a settings record. */
  hasSettings: boolean;
  /** The stored settings record, secrets included; null: none. */
  settings: Record<string, unknown> | null;
  /**
   * The stored MCP servers (the record's `mcp_config`), or null. On v1 and agent-server tenants a
   * flat `{ name: server }` map, normalised, secrets in clear, whatever the variant's wire shape.
   */
  mcp_config: unknown;
  /** v1, agent-server tenants. */
  api?: ApiMode;
  variant?: string;
  /** agent-server tenants: `{ NAME: { value, description } }`. */
  secrets?: Record<string, { value: string; description: string | null }>;
  /** v1 tenants: the MCP test runs, as `GET .../test-runs/{id}` answers them. */
  mcpTestRuns?: Record<string, unknown>[];
  /** The operator's `config.toml` MCP servers (put in front in answers, never stored), or null. */
  operatorMcpConfig?: unknown;
  [key: string]: unknown;
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/__control${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  if (!response.ok)
    throw new Error(`reference server control ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const tenantPath = (id: string): string => `/tenants/${encodeURIComponent(id)}`;

export const createTenant = (options: TenantOptions): Promise<Tenant> => control<Tenant>('POST', '/tenants', options);

export const deleteTenant = (id: string): Promise<unknown> => control('DELETE', tenantPath(id));

/** The tenant's whole state, stored tokens included (test-only, loopback-only). */
export const tenantState = (id: string): Promise<TenantState> => control('GET', tenantPath(id));

export interface ClosedPort {
  port: number;
  /** `http://127.0.0.1:<port>`: a base URL whose every request is refused. */
  baseUrl: string;
}

/**
 * A loopback port nothing listens on, and that browsers do not block (server/closed-port.js): the
 * same one while it stays free.
 */
export const closedPort = (): Promise<ClosedPort> => control('GET', '/closed-port');

/** The next API requests are answered from this queue, in order. */
export const scriptResponses = (id: string, responses: ScriptedResponse[]): Promise<unknown> =>
  control('POST', `${tenantPath(id)}/script`, { responses });

/**
 * The API requests the tenant received, oldest first; `method` narrows them (e.g. to the saves),
 * and `path` to one endpoint (`/api/settings`, the path after the tenant prefix).
 */
export const requestsOf = (id: string, method = 'POST', path?: string): Promise<LoggedRequest[]> =>
  control(
    'GET',
    `${tenantPath(id)}/requests?method=${encodeURIComponent(method)}${path === undefined ? '' : `&path=${encodeURIComponent(path)}`}`,
  );
