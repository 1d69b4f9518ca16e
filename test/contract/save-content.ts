/** SaveContent for the clients' tests: the body's token map, the servers, and the baseline. */
import type { NamedMcpConfig } from '../../src/contract/mcp-server.js';
import type { ProviderToken } from '../../src/contract/schema.js';
import type { SaveContent } from '../../src/contract/settings-api.js';

export const MASK = '**********';

export function config(part: Partial<NamedMcpConfig> = {}): NamedMcpConfig {
  return { sse_servers: [], shttp_servers: [], stdio_servers: [], ...part };
}

export function content(
  part: {
    tokens?: Record<string, Partial<ProviderToken>>;
    servers?: NamedMcpConfig | null;
    storedProviders?: Record<string, string | null> | null;
    storedServers?: NamedMcpConfig | null;
  } = {},
): SaveContent {
  const tokens: Record<string, ProviderToken> = {};
  for (const [provider, entry] of Object.entries(part.tokens ?? {}))
    tokens[provider] = { token: entry.token ?? null, host: entry.host ?? null };
  const servers = part.servers === undefined ? null : part.servers;
  return {
    body: { provider_tokens: tokens, mcp_config: servers },
    servers,
    stored: {
      providers: part.storedProviders === undefined ? {} : part.storedProviders,
      servers: part.storedServers === undefined ? null : part.storedServers,
    },
  };
}
