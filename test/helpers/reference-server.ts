/** Test controls of the reference server (server/README.md), served on the test page's origin. */

export interface TenantOptions {
  sessionKey?: string | null;
  providerTypes?: string[];
  settings?: {
    provider_tokens?: Record<string, { token: string | null; host: string | null }>;
    mcp_config?: unknown;
  } | null;
}

export interface Tenant {
  id: string;
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
}

export interface LoggedRequest {
  method: string;
  path: string;
  sessionKey?: string | null;
  body: unknown;
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/__control${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const SESSION_KEY = 'test-session-key-0123';

export function createTenant(options: TenantOptions = {}): Promise<Tenant> {
  return control<Tenant>('POST', '/tenants', { sessionKey: SESSION_KEY, ...options });
}

export function tenantState(id: string): Promise<{
  provider_tokens: Record<string, { token: string | null; host: string | null }>;
  [key: string]: unknown;
}> {
  return control('GET', `/tenants/${id}`);
}

export function scriptResponses(id: string, responses: ScriptedResponse[]): Promise<unknown> {
  return control('POST', `/tenants/${id}/script`, { responses });
}

/** The API requests the tenant received, oldest first; `method` narrows them (e.g. to the saves). */
export function requestsOf(id: string, method = 'POST'): Promise<LoggedRequest[]> {
  return control('GET', `/tenants/${id}/requests?method=${method}`);
}
