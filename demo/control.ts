/**
 * The reference server's test controls (server/README.md), as the catalogue uses them: each
 * scenario gets its own tenant, and its outcome is scripted on the server, never by mocking
 * `fetch` in the page. Same origin as the page (vite mounts the server; so does the test runner).
 */

export interface StoredProvider {
  token: string;
  host: string | null;
}

export interface TenantOptions {
  sessionKey?: string | null;
  providerTypes?: string[];
  delayMs?: number;
  settings?: { provider_tokens?: Record<string, StoredProvider>; mcp_config?: unknown } | null;
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
}

export interface Tenant {
  id: string;
  baseUrl: string;
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/__control${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`reference server control ${method} ${path}: HTTP ${response.status}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const createTenant = (options: TenantOptions): Promise<Tenant> => control<Tenant>('POST', '/tenants', options);

export const scriptResponses = (id: string, responses: ScriptedResponse[]): Promise<unknown> =>
  control('POST', `/tenants/${encodeURIComponent(id)}/script`, { responses });

export const clearScript = (id: string): Promise<unknown> => control('DELETE', `/tenants/${encodeURIComponent(id)}/script`);

export const deleteTenant = (id: string): Promise<unknown> => control('DELETE', `/tenants/${encodeURIComponent(id)}`);
