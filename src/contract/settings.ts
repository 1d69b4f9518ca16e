/**
 * The stored state from `GET /api/settings`, reduced to what the form uses and made well-formed.
 * The answer is untrusted JSON; this never throws and keeps only values of the right shape.
 */
import { readOwn, isRecord, setOwn } from './json.js';
import type { McpConfig, StdioServer, StoredSettings, UrlServer } from './schema.js';

function parseProviderTokensSet(value: unknown): Record<string, string | null> | null {
  if (!isRecord(value)) return null;
  const out: Record<string, string | null> = {};
  for (const provider of Object.keys(value)) {
    const host = readOwn(value, provider);
    // A provider listed here has a token stored. If its host is malformed (a number, an object),
    // the entry is still kept, with no host: dropping it would make the next save leave the
    // provider out, and the server deletes every provider a save leaves out.
    setOwn(out, provider, typeof host === 'string' ? host : null);
  }
  return out;
}

function parseUrlServer(value: unknown): UrlServer | null {
  // The server accepts a bare string as `{ url }`, and older stored configs may hold one.
  if (typeof value === 'string') return { url: value };
  const url = readOwn(value, 'url');
  if (typeof url !== 'string') return null;
  const apiKey = readOwn(value, 'api_key');
  return typeof apiKey === 'string' ? { url, api_key: apiKey } : { url };
}

function parseStdioServer(value: unknown): StdioServer | null {
  const name = readOwn(value, 'name');
  const command = readOwn(value, 'command');
  if (typeof name !== 'string' || typeof command !== 'string') return null;
  const rawArgs = readOwn(value, 'args');
  const args = Array.isArray(rawArgs) ? rawArgs.filter((arg): arg is string => typeof arg === 'string') : [];
  const rawEnv = readOwn(value, 'env');
  const env: Record<string, string> = {};
  if (isRecord(rawEnv)) {
    for (const key of Object.keys(rawEnv)) {
      const entry = readOwn(rawEnv, key);
      if (typeof entry === 'string') setOwn(env, key, entry);
    }
  }
  return { name, command, args, env };
}

/**
 * The list's well-formed servers, each once. OpenHands puts the operator's `config.toml` servers in
 * front of the stored ones in its answer, and an MCP save stores what it read, so after one save
 * those servers come back twice. A server whose every field equals another's is the same server
 * (docs/CONTRACT.md, "Storing settings"): it is shown once, and saved once.
 */
function parseList<T>(value: unknown, parseItem: (item: unknown) => T | null): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = [];
  const seen = new Set<string>();
  for (const item of value) {
    const parsed = parseItem(item);
    if (parsed === null) continue;
    const key = JSON.stringify(parsed);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(parsed);
  }
  return out;
}

function parseMcpConfig(value: unknown): McpConfig | null {
  if (!isRecord(value)) return null;
  return {
    sse_servers: parseList(readOwn(value, 'sse_servers'), parseUrlServer),
    stdio_servers: parseList(readOwn(value, 'stdio_servers'), parseStdioServer),
    shttp_servers: parseList(readOwn(value, 'shttp_servers'), parseUrlServer),
  };
}

/**
 * `provider_tokens_set` (provider -> stored host or null; `null` when absent or not an object) and
 * `mcp_config` (all three server lists, malformed servers dropped, bare-string URL entries read
 * as `{ url }`; `null` when absent or not an object). Other fields of the answer are ignored.
 */
export function parseStoredSettings(json: unknown): StoredSettings {
  try {
    return {
      provider_tokens_set: parseProviderTokensSet(readOwn(json, 'provider_tokens_set')),
      mcp_config: parseMcpConfig(readOwn(json, 'mcp_config')),
    };
  } catch {
    // Only a hostile object (a throwing getter from a caller, not JSON) can get here.
    return { provider_tokens_set: null, mcp_config: null };
  }
}

/** Fields of `GET /api/settings` that are read-only views of other state: not sent back. */
const READ_ONLY_SETTINGS = /_set$/;
/** Secrets the answer masks as `null`: sent back as `null`, which the server reads as "keep". */
const MASKED_SECRETS = ['llm_api_key', 'search_api_key', 'sandbox_api_key'];

/**
 * The body of `POST /api/settings` that changes only the MCP servers: the settings as just read,
 * every field as it came (the endpoint replaces the record, and a field left out goes back to its
 * default), `mcp_config` replaced, the masked secrets `null` (never `""`, which erases), the
 * read-only `*_set` and `provider_tokens_set` fields left out. `sandbox_api_key` is the one thing
 * this cannot keep: OpenHands masks it on read and does not carry it over (docs/CONTRACT.md,
 * "Storing settings").
 */
export function settingsWriteBody(read: Record<string, unknown>, mcpConfig: McpConfig | null): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(read)) {
    if (READ_ONLY_SETTINGS.test(key)) continue;
    setOwn(body, key, readOwn(read, key));
  }
  for (const key of MASKED_SECRETS) setOwn(body, key, null);
  setOwn(body, 'mcp_config', mcpConfig);
  return body;
}
