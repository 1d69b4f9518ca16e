/**
 * Draft -> request body. The body's shape decides what the server keeps, so the rules here are
 * about not losing stored data (docs/CONTRACT.md, "Storing tokens").
 *
 * Index alignment (the 422 `loc` of a list item is an index into what was SENT): every server
 * row and every arg row is sent, in draft order, so index N in the body is row N in the draft.
 * The one exception is env: a blank row (blank key and blank value) is left out, and of rows
 * whose keys are equal after trimming only the first is sent. Env entries are addressed by key,
 * not index, so `locate.ts` resolves them through {@link emittedEnvRows} and stays correct.
 */
import type { ProviderSettingsBody, ProviderToken, StdioServer, UrlServer } from '../contract/schema.js';
import type { Draft, EnvRow, McpDraft, ProviderRow, StdioServerRow, UrlServerRow } from './draft.js';
import { setOwn } from '../contract/json.js';
import type { NamedMcpConfig } from '../contract/mcp-server.js';

/** The key an env row is sent under: trimmed, as a variable name with stray spaces is never meant. */
export function envBodyKey(row: EnvRow): string {
  return row.key.trim();
}

/** A row the person added but has not filled: not sent, and never an error. */
export function isBlankEnvRow(row: EnvRow): boolean {
  return row.key.trim() === '' && row.value.trim() === '';
}

/**
 * The env rows that make it into the body, in order: blank rows skipped, and the first row of
 * each key wins (a later duplicate is flagged by the model's rules; the earlier row is the one
 * the message "already set above" points to).
 */
export function emittedEnvRows(row: StdioServerRow): EnvRow[] {
  const seen = new Set<string>();
  const out: EnvRow[] = [];
  for (const env of row.env) {
    if (isBlankEnvRow(env)) continue;
    const key = envBodyKey(env);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(env);
  }
  return out;
}

/**
 * The provider's entry in `provider_tokens`, or null when it is left out.
 * - removed: left out, which is what deletes a stored token on the server;
 * - stored: always sent, `token: null` keeps the stored token, and the host is sent because the
 *   server overwrites the stored host with whatever arrives (the draft host starts as the stored one);
 * - not stored: sent when anything was typed. A host without a token is sent too, so that with
 *   `novalidate` the server gets to answer; the model's rules flag it otherwise.
 */
export function providerEntry(row: ProviderRow): ProviderToken | null {
  if (row.removed) return null;
  const token = row.token.trim();
  const host = row.host.trim();
  if (!row.stored && token === '' && host === '') return null;
  return { token: token || null, host: host || null };
}

/** URL sent as typed: the server trims it before validating, so the form need not second-guess it. */
export function urlServerBody(row: UrlServerRow): UrlServer {
  return { url: row.url, api_key: row.apiKey || null };
}

export function stdioServerBody(row: StdioServerRow): StdioServer {
  const env: Record<string, string> = {};
  for (const entry of emittedEnvRows(row)) setOwn(env, envBodyKey(entry), entry.value);
  return { name: row.name, command: row.command, args: row.args.map((arg) => arg.value), env };
}

export function providerTokensBody(draft: Draft): ProviderSettingsBody['provider_tokens'] {
  const out: Record<string, ProviderToken> = {};
  for (const row of draft.providers) {
    const entry = providerEntry(row);
    if (entry) setOwn(out, row.provider, entry);
  }
  return out;
}

/** Whether the body carries an `mcp_config` object: when the baseline had one or any server exists (else null, as the server stores it). */
export function hasMcpConfig(draft: McpDraft): boolean {
  return draft.mcpPresent || draft.sse.length > 0 || draft.shttp.length > 0 || draft.stdio.length > 0;
}

/**
 * The MCP servers as V0 takes them; `named`: each with what a newer API stores besides (`x`,
 * contract/mcp-server.ts), which only those APIs' clients read.
 */
export function mcpBody(draft: McpDraft, named = false): NamedMcpConfig | null {
  if (!hasMcpConfig(draft)) return null;
  const withX =
    <R extends UrlServerRow | StdioServerRow, B>(body: (row: R) => B) =>
    (row: R): B =>
      named && row.x ? { ...body(row), x: row.x } : body(row);
  return {
    sse_servers: draft.sse.map(withX(urlServerBody)),
    stdio_servers: draft.stdio.map(withX(stdioServerBody)),
    shttp_servers: draft.shttp.map(withX(urlServerBody)),
  };
}

export function draftToBody(draft: Draft): ProviderSettingsBody {
  return { provider_tokens: providerTokensBody(draft), mcp_config: mcpBody(draft) };
}
