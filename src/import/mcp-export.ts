/**
 * The form's MCP servers written out for other tools: OpenHands' own `mcp_config` JSON, and the
 * `mcpServers` JSON of Claude Desktop and Cursor. Secrets are masked unless the person asks for
 * them: API keys always count as secrets, and so do environment variables whose names say they
 * hold one (`GITHUB_TOKEN`, `API_KEY`, `PASSWORD`...).
 */
import type { NamedMcpConfig } from '../contract/mcp-server.js';
import type { McpConfig } from '../contract/schema.js';
import { setOwn } from '../contract/json.js';
import { freeName, hostName, KIND_TRANSPORT } from '../contract/mcp-entry.js';

export const MASK = '••••••';

/** Variable names that say their value is a credential. */
const SECRET_NAME = /token|secret|passw|api[_-]?key|auth|credential|private[_-]?key|access[_-]?key/i;

export function isSecretVariable(name: string): boolean {
  return SECRET_NAME.test(name);
}

export interface ExportOptions {
  /** Write secrets as they are instead of masking them. */
  includeSecrets?: boolean;
}

function envOut(env: Record<string, string>, includeSecrets: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env))
    setOwn(out, key, includeSecrets || !isSecretVariable(key) ? value : MASK);
  return out;
}

/** OpenHands' `mcp_config`, as `POST /api/add-git-providers` and its settings take it. */
export function toOpenHandsJson(config: McpConfig, options: ExportOptions = {}): string {
  const secrets = options.includeSecrets === true;
  const url = (s: McpConfig['sse_servers'][number]) => ({
    url: s.url,
    api_key: s.api_key ? (secrets ? s.api_key : MASK) : null,
  });
  const body = {
    sse_servers: config.sse_servers.map(url),
    shttp_servers: config.shttp_servers.map(url),
    stdio_servers: config.stdio_servers.map((s) => ({
      name: s.name,
      command: s.command,
      args: [...s.args],
      env: envOut(s.env, secrets),
    })),
  };
  return JSON.stringify(body, null, 2) + '\n';
}

/**
 * `{"mcpServers": {...}}` for Claude Desktop and Cursor. Stdio servers keep their names; URL servers
 * keep theirs where a newer server API gave them one (`x.name`), else are named after their host
 * (made unique), with `type`, their headers (every value masked unless asked for) and an
 * `Authorization: Bearer` header for an API key.
 */
export function toMcpServersJson(config: NamedMcpConfig, options: ExportOptions = {}): string {
  const secrets = options.includeSecrets === true;
  const servers: Record<string, unknown> = {};
  const taken = new Set<string>();
  const unique = (base: string): string => {
    const name = freeName(base, taken);
    taken.add(name);
    return name;
  };
  for (const s of config.stdio_servers) {
    const entry: Record<string, unknown> = { command: s.command, args: [...s.args] };
    if (Object.keys(s.env).length) entry['env'] = envOut(s.env, secrets);
    setOwn(servers, unique(s.name), entry);
  }
  const urlServers = [
    ...config.sse_servers.map((s) => ({ s, type: KIND_TRANSPORT.sse })),
    ...config.shttp_servers.map((s) => ({ s, type: KIND_TRANSPORT.shttp })),
  ];
  for (const { s, type } of urlServers) {
    const entry: Record<string, unknown> = { type, url: s.url };
    const headers: Record<string, string> = {};
    // A header's value is a secret to the servers that store it (they mask every one): masked too.
    for (const [name, value] of Object.entries(s.x?.headers ?? {})) setOwn(headers, name, secrets ? value : MASK);
    if (s.api_key) setOwn(headers, 'Authorization', `Bearer ${secrets ? s.api_key : MASK}`);
    if (Object.keys(headers).length) entry['headers'] = headers;
    setOwn(servers, unique(s.x?.name?.trim() || hostName(s.url)), entry);
  }
  return JSON.stringify({ mcpServers: servers }, null, 2) + '\n';
}
