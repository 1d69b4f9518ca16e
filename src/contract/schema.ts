/**
 * The request body of `POST /api/add-git-providers` (POSTProviderModel), written with `zod/mini`
 * to keep the bundle small. This is the single source of truth for the request's types, and it
 * carries the server's rules (docs/CONTRACT.md, "Server-side validation rules").
 *
 * - Rule failures are custom issues whose `params.code` is an {@link IssueCode} and whose message
 *   is the server's text; `validate.ts` turns zod issues into `FieldIssue`s.
 * - Fields the server gives a default (everything but `url`, `name`, `command`, per its OpenAPI
 *   `required` lists) are wrapped in `_default`, so a body that leaves them out passes as it does
 *   on the server, while the inferred (output) types keep them non-optional.
 * - Values are checked, not transformed: the body is sent as typed, the server trims on its side.
 * - Deliberately stricter than the server: a bare string in `sse_servers`/`shttp_servers` and a
 *   string `args` are server-side conveniences; the form always produces the canonical shapes,
 *   so the client accepts only those (and its types stay simple).
 *
 * zod/mini builds interpreted object parsers (`$ZodObject`): it never probes or calls
 * `new Function`, unlike classic zod's `$ZodObjectJIT`. See `validate.ts` for the parse options.
 */
import * as z from 'zod/mini';
import { ISSUE_MESSAGES, type IssueCode } from './codes.js';
import { commandRule, nameRule, urlRule } from './rules.js';

/** A string that must pass one of the rules in `rules.ts`; the failure becomes one custom issue. */
function ruledString(rule: (value: string) => IssueCode | null) {
  return z.string().check(
    z.superRefine((value: string, ctx) => {
      const code = rule(value);
      if (code !== null) ctx.addIssue({ code: 'custom', message: ISSUE_MESSAGES[code], params: { code } });
    }),
  );
}

const nullableString = z.nullable(z.string());

/**
 * A map of string keys to `value`: an object with no declared keys whose every key is checked
 * against `value`. It reports exactly what `z.record(z.string(), value)` would (a non-object is
 * `invalid_type`, each bad entry is placed under its key, an own `__proto__` is skipped), without
 * pulling zod's record parser into the bundle.
 */
function stringMap<T extends z.ZodMiniType>(value: T) {
  return z.catchall(z.object({}), value);
}

export const providerTokenSchema = z.object({
  token: z._default(nullableString, null),
  host: z._default(nullableString, null),
  user_id: z.optional(nullableString),
});

export const urlServerSchema = z.object({
  url: ruledString(urlRule),
  api_key: z.optional(nullableString),
});

export const stdioServerSchema = z.object({
  name: ruledString(nameRule),
  command: ruledString(commandRule),
  args: z._default(z.array(z.string()), () => []),
  env: z._default(stringMap(z.string()), () => ({})),
});

export const mcpConfigSchema = z.strictObject({
  sse_servers: z._default(z.array(urlServerSchema), () => []),
  stdio_servers: z._default(z.array(stdioServerSchema), () => []),
  shttp_servers: z._default(z.array(urlServerSchema), () => []),
});

export const requestBodySchema = z.object({
  provider_tokens: z._default(stringMap(providerTokenSchema), () => ({})),
  mcp_config: z._default(z.nullable(mcpConfigSchema), null),
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
