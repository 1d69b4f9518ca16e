/**
 * What a save will change on the server, for a review before saving: tokens added, replaced or
 * removed, hosts changed, MCP servers added, removed or changed. Computed from what is stored and
 * the body about to be sent, with the server's own storing rules (docs/CONTRACT.md, "Storing
 * tokens"): a provider left out is deleted, an empty token keeps the stored one, the host is
 * overwritten with what is sent, a new provider without a token is dropped. Pure: no DOM. Never
 * holds a secret, only names.
 */
import type { McpConfig, ProviderSettingsBody, StdioServer, UrlServer } from '../contract/schema.js';

export type ServerListKind = 'sse' | 'shttp' | 'stdio';

export type Change =
  | { kind: 'token-added'; provider: string }
  | { kind: 'token-replaced'; provider: string }
  /** A stored token the save deletes: the review asks for an explicit confirmation. */
  | { kind: 'token-removed'; provider: string }
  | { kind: 'host-changed'; provider: string; from: string | null; to: string | null }
  /** A host sent without a token for a provider with nothing stored: the server drops it. */
  | { kind: 'host-dropped'; provider: string }
  | { kind: 'server-added'; list: ServerListKind; label: string }
  | { kind: 'server-removed'; list: ServerListKind; label: string }
  | { kind: 'server-changed'; list: ServerListKind; label: string; fields: string[] };

export interface StoredState {
  /** Providers with a stored token, each with its stored host (`provider_tokens_set`). */
  providers: ReadonlyMap<string, string | null>;
  mcp: McpConfig | null;
}

/** In form order: providers as sent, then removed ones, then SSE, streamable HTTP and stdio servers. */
export function describeChanges(stored: StoredState, body: ProviderSettingsBody): Change[] {
  const changes: Change[] = [];
  const sent = body.provider_tokens;
  for (const provider of Object.keys(sent)) {
    const entry = sent[provider]!;
    const token = entry.token ?? '';
    const host = entry.host ?? null;
    if (!stored.providers.has(provider)) {
      if (token !== '') changes.push({ kind: 'token-added', provider });
      else if (host !== null && host !== '') changes.push({ kind: 'host-dropped', provider });
      continue;
    }
    if (token !== '') changes.push({ kind: 'token-replaced', provider });
    const before = stored.providers.get(provider) ?? null;
    // The server stores the host as sent: "" and null both mean "no host".
    if ((before || null) !== (host || null))
      changes.push({ kind: 'host-changed', provider, from: before, to: host || null });
  }
  for (const provider of stored.providers.keys()) {
    if (!Object.prototype.hasOwnProperty.call(sent, provider)) changes.push({ kind: 'token-removed', provider });
  }
  const before = stored.mcp ?? { sse_servers: [], shttp_servers: [], stdio_servers: [] };
  const after = body.mcp_config ?? { sse_servers: [], shttp_servers: [], stdio_servers: [] };
  changes.push(...listChanges('sse', before.sse_servers, after.sse_servers, urlKey, urlFields));
  changes.push(...listChanges('shttp', before.shttp_servers, after.shttp_servers, urlKey, urlFields));
  changes.push(...listChanges('stdio', before.stdio_servers, after.stdio_servers, (s) => s.name.trim(), stdioFields));
  return changes;
}

const urlKey = (s: UrlServer): string => s.url.trim();

function urlFields(a: UrlServer, b: UrlServer): string[] {
  return (a.api_key ?? null) === (b.api_key ?? null) ? [] : ['api_key'];
}

function stdioFields(a: StdioServer, b: StdioServer): string[] {
  const fields: string[] = [];
  if (a.command !== b.command) fields.push('command');
  if (JSON.stringify(a.args) !== JSON.stringify(b.args)) fields.push('args');
  if (!sameEnv(a.env, b.env)) fields.push('env');
  return fields;
}

function sameEnv(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k])
  );
}

/**
 * Servers are matched by what identifies them to a person (a URL, a stdio name), not by position:
 * reordering is no change. Equal keys pair up in order, so duplicates are counted, not merged.
 */
function listChanges<T>(
  list: ServerListKind,
  before: readonly T[],
  after: readonly T[],
  key: (server: T) => string,
  fields: (a: T, b: T) => string[],
): Change[] {
  const remaining = new Map<string, T[]>();
  for (const server of before) {
    const k = key(server);
    remaining.set(k, [...(remaining.get(k) ?? []), server]);
  }
  const changes: Change[] = [];
  for (const server of after) {
    const k = key(server);
    const match = remaining.get(k)?.shift();
    if (match === undefined) changes.push({ kind: 'server-added', list, label: k });
    else {
      const changed = fields(match, server);
      if (changed.length) changes.push({ kind: 'server-changed', list, label: k, fields: changed });
    }
  }
  for (const [k, servers] of remaining)
    for (const _ of servers) changes.push({ kind: 'server-removed', list, label: k });
  return changes;
}
