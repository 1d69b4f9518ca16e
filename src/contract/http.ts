/**
 * The V0 API calls the element makes: the tokens (`POST api/add-git-providers`), the stored
 * settings (`GET api/settings`), and the MCP servers (`GET` then `POST api/settings`: the
 * read-modify-write in docs/CONTRACT.md, "Storing settings"). Each resolves to a typed result and
 * never rejects.
 *
 * Secrets: the session key goes in the `X-Session-API-Key` header only (never the URL, a message
 * or a log), redirects are not followed (`redirect: 'manual'`) so nothing is re-sent elsewhere,
 * and plain `http:` to anything but loopback is refused unless `allowInsecureHttp` is set.
 */
import { endpointUrl, refusalReason } from './endpoint.js';
import { readOwn, isRecord, NOT_JSON, parseJson } from './json.js';
import { describeAnswer, interpretResponse } from './response.js';
import type { SubmitResult } from './result.js';
import type { McpConfig, ProviderSettingsBody, StoredSettings } from './schema.js';
import { parseStoredSettings, settingsWriteBody } from './settings.js';
import { exchange, type Exchange } from './transport.js';

export { endpointUrl } from './endpoint.js';

export const PROVIDER_SETTINGS_PATH = 'api/add-git-providers';
export const SETTINGS_PATH = 'api/settings';
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
const SESSION_KEY_HEADER = 'X-Session-API-Key';

export interface ConnectionOptions {
  /** Where the API lives; `''` is the page's own origin. See {@link endpointUrl}. */
  baseUrl: string;
  /** Sent as `X-Session-API-Key` when a non-empty string. */
  sessionKey?: string | null;
  /** The caller's cancel signal: aborting it ends the call with an `aborted` result. */
  signal?: AbortSignal;
  /** Deadline for the whole exchange, body included. Default 30,000; `0` or `Infinity`: none. */
  timeoutMs?: number;
  /** Default `'same-origin'`. */
  credentials?: RequestCredentials;
  /** Substitute for the global `fetch` (tests, instrumentation). */
  fetch?: typeof fetch;
  /** The page URL relative base URLs resolve against; default `location.href`. */
  pageUrl?: string;
  /** Allow plain `http:` to hosts other than loopback. */
  allowInsecureHttp?: boolean;
  /** Provider keys the form shows, to place a rejected-token error. */
  providers?: readonly string[];
  /** Values to redact from messages, besides the session key (typed tokens, API keys). */
  secrets?: readonly string[];
  /** Most body bytes read; a longer answer is classified by its status alone. Default 2 MiB. */
  maxBodyBytes?: number;
}

export interface PostProviderSettingsOptions extends ConnectionOptions {
  /** The request body (`ProviderSettingsBody`), sent as JSON as it is. */
  body: unknown;
}

export type GetStoredSettingsResult =
  /** `raw`: the answer as it came (untrusted), for the read-modify-write of the MCP save. */
  | { kind: 'loaded'; settings: StoredSettings; raw: Record<string, unknown> }
  | { kind: 'not-found' }
  | Exclude<SubmitResult, { kind: 'saved' | 'validation' | 'unknown' | 'no-settings' }>;

type Failure = Extract<SubmitResult, { kind: 'refused' | 'timeout' | 'aborted' | 'network' | 'server' }>;

interface Prepared {
  url: string;
  headers: Headers;
  init: Omit<RequestInit, 'headers' | 'body' | 'method' | 'signal'>;
  timeoutMs: number;
  maxBodyBytes: number;
  fetch: typeof fetch;
  secrets: string[];
}

const CREDENTIALS: ReadonlySet<string> = new Set(['omit', 'same-origin', 'include']);

function timeoutOf(value: unknown): number {
  return typeof value === 'number' && value >= 0 ? value : DEFAULT_TIMEOUT_MS;
}

function describeDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}

/** Everything that can be decided before sending: the URL, the headers, the options. */
function prepare(options: ConnectionOptions, path: string): Prepared | Failure {
  const url = endpointUrl(options.baseUrl, path, options.pageUrl);
  const refusal = refusalReason(url, options.allowInsecureHttp === true);
  if (refusal !== null || url === null)
    return { kind: 'refused', message: refusal ?? 'The base URL is not a valid URL.' };

  const headers = new Headers({ Accept: 'application/json' });
  const key = options.sessionKey;
  if (typeof key === 'string' && key !== '') {
    try {
      headers.set(SESSION_KEY_HEADER, key);
    } catch {
      // The platform's own header rules (no line breaks, Latin-1 only); the key itself is never quoted.
      return {
        kind: 'refused',
        message: 'The session key contains characters that cannot be sent in an HTTP header, so nothing was sent.',
      };
    }
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const maxBodyBytes = options.maxBodyBytes;
  return {
    url,
    headers,
    init: {
      redirect: 'manual',
      credentials:
        typeof options.credentials === 'string' && CREDENTIALS.has(options.credentials)
          ? options.credentials
          : 'same-origin',
      cache: 'no-store',
    },
    timeoutMs: timeoutOf(options.timeoutMs),
    maxBodyBytes: typeof maxBodyBytes === 'number' && maxBodyBytes > 0 ? maxBodyBytes : DEFAULT_MAX_BODY_BYTES,
    // Called as a plain function: `options.fetch(...)` would bind `this` to the options and make a native fetch throw.
    fetch: (input, init) => fetchImpl(input, init),
    secrets: [...(Array.isArray(options.secrets) ? options.secrets : []), ...(typeof key === 'string' ? [key] : [])],
  };
}

/** The results that do not depend on reading an answer. */
function failureOf(outcome: Exclude<Exchange, { kind: 'answer' }>, timeoutMs: number): Failure {
  switch (outcome.kind) {
    case 'timeout':
      return {
        kind: 'timeout',
        timeoutMs,
        message: `The server did not answer within ${describeDuration(timeoutMs)}.`,
      };
    case 'aborted':
      return { kind: 'aborted', message: 'The request was cancelled.' };
    case 'redirect':
      return {
        kind: 'server',
        status: outcome.status,
        message:
          'The server answered with a redirect, which was not followed so that no token is sent anywhere else. Check the base URL.',
      };
    case 'network':
      return {
        kind: 'network',
        message:
          'The server could not be reached: check the base URL and the connection. A server error or a rate limit sent without CORS headers looks the same to the page.',
      };
  }
}

/**
 * Every secret a request body carries (typed tokens, API keys), for `secrets`: server text that
 * echoes one is redacted before it is shown. The session key is added by the request itself.
 */
export function bodySecrets(body: ProviderSettingsBody): string[] {
  const secrets: string[] = [];
  for (const entry of Object.values(body.provider_tokens)) if (entry.token) secrets.push(entry.token);
  for (const server of [...(body.mcp_config?.sse_servers ?? []), ...(body.mcp_config?.shttp_servers ?? [])])
    if (server.api_key) secrets.push(server.api_key);
  return secrets;
}

/** Sends `body` as JSON with `POST path` and reads the answer. Never rejects. */
async function postJson(options: ConnectionOptions, path: string, body: unknown): Promise<SubmitResult> {
  try {
    const prepared = prepare(options, path);
    if (!('url' in prepared)) return prepared;
    let json: string | undefined;
    try {
      json = JSON.stringify(body);
    } catch {
      json = undefined;
    }
    if (json === undefined)
      return { kind: 'refused', message: 'The settings could not be written as JSON, so nothing was sent.' };
    prepared.headers.set('Content-Type', 'application/json');

    const outcome = await exchange({
      url: prepared.url,
      init: { ...prepared.init, method: 'POST', headers: prepared.headers, body: json },
      fetch: prepared.fetch,
      signal: options.signal,
      timeoutMs: prepared.timeoutMs,
      maxBodyBytes: prepared.maxBodyBytes,
    });
    if (outcome.kind !== 'answer') return failureOf(outcome, prepared.timeoutMs);
    return interpretResponse(outcome, { providers: options.providers ?? [], secrets: prepared.secrets });
  } catch {
    // Nothing above should throw; this keeps the promise from ever rejecting if something does.
    return { kind: 'network', message: 'The request could not be made.' };
  }
}

/** Saves the provider tokens (and validates `mcp_config`) with `POST api/add-git-providers`. Never rejects. */
export function postProviderSettings(options: PostProviderSettingsOptions): Promise<SubmitResult> {
  return postJson(options, PROVIDER_SETTINGS_PATH, options.body);
}

/** The MCP servers cannot be stored: the server has no settings record yet (and none is made up). */
export const NO_SETTINGS: Extract<SubmitResult, { kind: 'no-settings' }> = {
  kind: 'no-settings',
  status: 404,
  message:
    'MCP servers can be saved once this OpenHands server has settings (set up its LLM in OpenHands first): it has none yet, and a settings record holding only MCP servers would leave it half set up.',
};

export interface SaveMcpServersOptions extends ConnectionOptions {
  /** The MCP servers to store (the form's `mcp_config`, `null` for none). */
  mcpConfig: McpConfig | null;
}

/**
 * Stores the MCP servers where OpenHands keeps them, in the settings, with the only safe write
 * `POST api/settings` allows (it replaces the whole settings record): a fresh `GET api/settings`
 * right before, every field sent back as read, `mcp_config` replaced (see {@link settingsWriteBody}).
 * A server without settings (404) gets none made up: `no-settings`. Never rejects.
 */
export async function saveMcpServers(options: SaveMcpServersOptions): Promise<SubmitResult> {
  const loaded = await getStoredSettings(options);
  if (loaded.kind === 'not-found') return NO_SETTINGS;
  if (loaded.kind !== 'loaded') return loaded;
  return postJson(options, SETTINGS_PATH, settingsWriteBody(loaded.raw, options.mcpConfig));
}

/** Loads the stored state with `GET api/settings`. Never rejects. */
export async function getStoredSettings(options: ConnectionOptions): Promise<GetStoredSettingsResult> {
  try {
    const prepared = prepare(options, SETTINGS_PATH);
    if (!('url' in prepared)) return prepared;
    const outcome = await exchange({
      url: prepared.url,
      init: { ...prepared.init, method: 'GET', headers: prepared.headers },
      fetch: prepared.fetch,
      signal: options.signal,
      timeoutMs: prepared.timeoutMs,
      maxBodyBytes: prepared.maxBodyBytes,
    });
    if (outcome.kind !== 'answer') return failureOf(outcome, prepared.timeoutMs);

    const { status } = outcome;
    const json = outcome.truncated ? NOT_JSON : parseJson(outcome.bodyText);
    if (status >= 200 && status <= 299) {
      // OpenHands' answer always has `provider_tokens_set` (an object, or null for none). Any other
      // object is not its settings: read as "no tokens" it would make the next save delete them all,
      // and written back it would reset every setting.
      if (isRecord(json) && Object.prototype.hasOwnProperty.call(json, 'provider_tokens_set'))
        return { kind: 'loaded', settings: parseStoredSettings(json), raw: json };
      const what = isRecord(json) ? 'a JSON answer that is not OpenHands’ settings' : describeAnswer(outcome);
      return {
        kind: 'server',
        status,
        message: `The server answered the settings request with ${what} instead of the settings: check the base URL.`,
      };
    }
    // OpenHands says `{"error": "Settings not found"}` for a user without settings. A 404 of any
    // other shape (FastAPI's `{"detail": "Not Found"}`, a web server's page) means a wrong base URL,
    // and treating it as "nothing stored" would make the next save delete every stored token.
    if (status === 404 && typeof readOwn(json, 'error') === 'string') return { kind: 'not-found' };
    const result = interpretResponse(outcome, { providers: options.providers ?? [], secrets: prepared.secrets });
    switch (result.kind) {
      case 'saved':
      case 'validation':
      case 'unknown':
      case 'no-settings':
        return { kind: 'server', status, message: result.message };
      default:
        return result;
    }
  } catch {
    return { kind: 'network', message: 'The request could not be made.' };
  }
}
