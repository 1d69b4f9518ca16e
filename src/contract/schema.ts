/**
 * The request body of `POST /api/add-git-providers` (POSTProviderModel), written with `zod/mini`
 * to keep the bundle small. This is the single source of truth for the request's types.
 *
 * STRUCTURE ONLY for now: the server's rules (URL, name, command checks) are added by the
 * contract layer work and must keep these exported names and inferred types.
 */
import * as z from 'zod/mini';

export const providerTokenSchema = z.object({
  token: z.nullable(z.string()),
  host: z.nullable(z.string()),
  user_id: z.optional(z.nullable(z.string())),
});

export const urlServerSchema = z.object({
  url: z.string(),
  api_key: z.optional(z.nullable(z.string())),
});

export const stdioServerSchema = z.object({
  name: z.string(),
  command: z.string(),
  args: z.array(z.string()),
  env: z.record(z.string(), z.string()),
});

export const mcpConfigSchema = z.strictObject({
  sse_servers: z.array(urlServerSchema),
  stdio_servers: z.array(stdioServerSchema),
  shttp_servers: z.array(urlServerSchema),
});

export const requestBodySchema = z.object({
  provider_tokens: z.record(z.string(), providerTokenSchema),
  mcp_config: z.nullable(mcpConfigSchema),
});

export type ProviderToken = z.infer<typeof providerTokenSchema>;
export type UrlServer = z.infer<typeof urlServerSchema>;
export type StdioServer = z.infer<typeof stdioServerSchema>;
export type McpConfig = z.infer<typeof mcpConfigSchema>;
/** What the form stands for: the JSON body it sends. */
export type ProviderSettingsBody = z.infer<typeof requestBodySchema>;

/** The part of `GET /api/settings` the element uses: what is stored, never a token itself. */
export interface StoredSettings {
  /** Providers that have a stored token, each with its stored host (or null). */
  provider_tokens_set?: Record<string, string | null> | null;
  mcp_config?: Partial<McpConfig> | null;
}
