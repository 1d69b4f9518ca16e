/**
 * Outside data -> plain form content (no ids yet). Two sources feed the form: the stored state
 * (`settings`, shaped like `GET /api/settings`) and new content (`value`, shaped like the request
 * body). Both come from outside, so nothing here trusts a type: a malformed part is skipped
 * or read as "not given", never thrown on.
 */
import { isRecord, ownKeys, readArray, readOwn } from '../contract/json.js';
import type { ServerExtras } from '../contract/mcp-server.js';
import { shellSplit } from './shell-split.js';

export interface UrlServerContent {
  url: string;
  apiKey: string;
  x?: ServerExtras | undefined;
}

export interface StdioServerContent {
  name: string;
  command: string;
  args: string[];
  env: Array<[key: string, value: string]>;
  x?: ServerExtras | undefined;
}

export interface McpContent {
  /** `mcp_config` was an object (even an empty one), as opposed to null or absent. */
  present: boolean;
  sse: UrlServerContent[];
  shttp: UrlServerContent[];
  stdio: StdioServerContent[];
}

export interface ProviderContent {
  token: string;
  /** `undefined`: the entry said nothing usable about the host, so the stored host stays. */
  host: string | undefined;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** What a newer API adds to a server (its client wrote it), taken as it is: only the late editors read it. */
const extras = (value: unknown): ServerExtras | undefined => {
  const x = readOwn(value, 'x');
  return isRecord(x) ? x : undefined;
};

/** The server accepts a bare string as `{ "url": s }`; an object's non-string fields read as blank. */
function parseUrlServer(value: unknown): UrlServerContent | null {
  if (typeof value === 'string') return { url: value, apiKey: '' };
  if (!isRecord(value)) return null;
  return { url: str(readOwn(value, 'url')), apiKey: str(readOwn(value, 'api_key')), x: extras(value) };
}

function parseArgs(value: unknown): string[] {
  if (typeof value === 'string') return shellSplit(value);
  return readArray(value).filter((item): item is string => typeof item === 'string');
}

/** The map form, or the server's string form `K=V,K2=V2`. Non-string values are skipped. */
function parseEnv(value: unknown): Array<[string, string]> {
  if (typeof value === 'string') {
    const out: Array<[string, string]> = [];
    for (const part of value.split(',')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      out.push([part.slice(0, eq).trim(), part.slice(eq + 1).trim()]);
    }
    return out;
  }
  const out: Array<[string, string]> = [];
  for (const key of ownKeys(value)) {
    const entry = readOwn(value, key);
    if (typeof entry === 'string') out.push([key, entry]);
  }
  return out;
}

function parseStdioServer(value: unknown): StdioServerContent | null {
  if (!isRecord(value)) return null;
  return {
    name: str(readOwn(value, 'name')),
    command: str(readOwn(value, 'command')),
    args: parseArgs(readOwn(value, 'args')),
    env: parseEnv(readOwn(value, 'env')),
    x: extras(value),
  };
}

function collect<T>(list: unknown, parse: (item: unknown) => T | null): T[] {
  const out: T[] = [];
  for (const item of readArray(list)) {
    const parsed = parse(item);
    if (parsed) out.push(parsed);
  }
  return out;
}

export function parseMcp(value: unknown): McpContent {
  if (!isRecord(value)) return { present: false, sse: [], shttp: [], stdio: [] };
  return {
    present: true,
    sse: collect(readOwn(value, 'sse_servers'), parseUrlServer),
    shttp: collect(readOwn(value, 'shttp_servers'), parseUrlServer),
    stdio: collect(readOwn(value, 'stdio_servers'), parseStdioServer),
  };
}

/**
 * `provider_tokens_set` -> provider -> stored host. A blank or non-string host reads as null:
 * the server treats `""` and null alike, and one spelling keeps dirty tracking simple.
 */
export function parseStoredProviders(value: unknown): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const provider of ownKeys(value)) {
    const host = readOwn(value, provider);
    out.set(provider, typeof host === 'string' && host.trim() !== '' ? host : null);
  }
  return out;
}

/**
 * `provider_tokens` of a request body -> typed content. An explicit `host: null` means "no host"
 * (that is what the body says); a missing or non-string host is "not given".
 */
export function parseProviderContent(value: unknown): Map<string, ProviderContent> {
  const out = new Map<string, ProviderContent>();
  for (const provider of ownKeys(value)) {
    const entry = readOwn(value, provider);
    if (!isRecord(entry)) continue;
    const host = readOwn(entry, 'host');
    out.set(provider, {
      token: str(readOwn(entry, 'token')),
      host: typeof host === 'string' ? host : host === null ? '' : undefined,
    });
  }
  return out;
}
