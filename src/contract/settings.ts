/**
 * The stored state from `GET /api/settings`, reduced to what the form uses and made well-formed.
 * The answer is untrusted JSON; this never throws and keeps only values of the right shape.
 */
import { getOwn, isJsonObject, setOwn } from './json.js';
import type { McpConfig, StdioServer, StoredSettings, UrlServer } from './schema.js';

function parseProviderTokensSet(value: unknown): Record<string, string | null> | null {
  if (!isJsonObject(value)) return null;
  const out: Record<string, string | null> = {};
  for (const provider of Object.keys(value)) {
    const host = getOwn(value, provider);
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
  const url = getOwn(value, 'url');
  if (typeof url !== 'string') return null;
  const apiKey = getOwn(value, 'api_key');
  return typeof apiKey === 'string' ? { url, api_key: apiKey } : { url };
}

function parseStdioServer(value: unknown): StdioServer | null {
  const name = getOwn(value, 'name');
  const command = getOwn(value, 'command');
  if (typeof name !== 'string' || typeof command !== 'string') return null;
  const rawArgs = getOwn(value, 'args');
  const args = Array.isArray(rawArgs) ? rawArgs.filter((arg): arg is string => typeof arg === 'string') : [];
  const rawEnv = getOwn(value, 'env');
  const env: Record<string, string> = {};
  if (isJsonObject(rawEnv)) {
    for (const key of Object.keys(rawEnv)) {
      const entry = getOwn(rawEnv, key);
      if (typeof entry === 'string') setOwn(env, key, entry);
    }
  }
  return { name, command, args, env };
}

function parseList<T>(value: unknown, parseItem: (item: unknown) => T | null): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = [];
  for (const item of value) {
    const parsed = parseItem(item);
    if (parsed !== null) out.push(parsed);
  }
  return out;
}

function parseMcpConfig(value: unknown): McpConfig | null {
  if (!isJsonObject(value)) return null;
  return {
    sse_servers: parseList(getOwn(value, 'sse_servers'), parseUrlServer),
    stdio_servers: parseList(getOwn(value, 'stdio_servers'), parseStdioServer),
    shttp_servers: parseList(getOwn(value, 'shttp_servers'), parseUrlServer),
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
      provider_tokens_set: parseProviderTokensSet(getOwn(json, 'provider_tokens_set')),
      mcp_config: parseMcpConfig(getOwn(json, 'mcp_config')),
    };
  } catch {
    // Only a hostile object (a throwing getter from a caller, not JSON) can get here.
    return { provider_tokens_set: null, mcp_config: null };
  }
}
