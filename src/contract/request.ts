/**
 * One JSON request to an OpenHands API, whichever API it is (V0, the V1 app server, the
 * agent-server): the URL, the headers and the options decided before sending, the exchange, and
 * the answer read as text and (where it is JSON) parsed. Resolves to the answer or to a failure
 * that needs no answer to be read (refused, timeout, cancelled, network, a redirect), never rejects.
 *
 * Secrets: the session key goes in one header only (`X-Session-API-Key`, or `Authorization:
 * Bearer` where the page chose it), never the URL, a message or a log; redirects are not followed
 * (`redirect: 'manual'`), so nothing is re-sent elsewhere; plain `http:` to anything but loopback
 * is refused unless `allowInsecureHttp` is set. Every client shares this one path, so these rules
 * hold for every request any of them makes.
 */
import { endpointUrl, refusalReason } from './endpoint.js';
import { NOT_JSON, parseJson } from './parse-json.js';
import type { SubmitResult } from './result.js';
import { exchange, type Exchange } from './transport.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
const SESSION_KEY_HEADER = 'X-Session-API-Key';

/**
 * How the session key is sent. `session-key` (the default): `X-Session-API-Key`, which every
 * OpenHands server reads. `bearer`: `Authorization: Bearer <key>`, which OpenHands Cloud also
 * takes (an API key); the agent-server does not read it.
 */
export type AuthScheme = 'session-key' | 'bearer';

export interface ConnectionOptions {
  /** Where the API lives; `''` is the page's own origin. See {@link endpointUrl}. */
  baseUrl: string;
  /** Sent as `X-Session-API-Key` (or as a bearer token, see `authScheme`) when a non-empty string. */
  sessionKey?: string | null;
  /** The header the session key travels in. Default `'session-key'`. */
  authScheme?: AuthScheme;
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

/** The results that need no answer to be read. */
export type RequestFailure = Extract<SubmitResult, { kind: 'refused' | 'timeout' | 'aborted' | 'network' | 'server' }>;

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

/** A duration in words, for a sentence ("the server did not answer within 30 seconds"). */
export function describeDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}

const UNSENDABLE_KEY: RequestFailure = {
  kind: 'refused',
  message: 'The session key contains characters that cannot be sent in an HTTP header, so nothing was sent.',
};

/** Everything that can be decided before sending: the URL, the headers, the options. */
function prepare(options: ConnectionOptions, path: string, extraHeaders?: Readonly<Record<string, string>>) {
  const url = endpointUrl(options.baseUrl, path, options.pageUrl);
  const refusal = refusalReason(url, options.allowInsecureHttp === true);
  if (refusal !== null || url === null)
    return { kind: 'refused', message: refusal ?? 'The base URL is not a valid URL.' } satisfies RequestFailure;

  const headers = new Headers({ Accept: 'application/json' });
  if (extraHeaders !== undefined) {
    try {
      for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
    } catch {
      return {
        kind: 'refused',
        message: 'A request header could not be sent, so nothing was sent.',
      } satisfies RequestFailure;
    }
  }
  const key = options.sessionKey;
  if (typeof key === 'string' && key !== '') {
    try {
      // Set after the extra headers, so none of them can replace the key's own header.
      if (options.authScheme === 'bearer') headers.set('Authorization', `Bearer ${key}`);
      else headers.set(SESSION_KEY_HEADER, key);
    } catch {
      // The platform's own header rules (no line breaks, Latin-1 only); the key itself is never quoted.
      return UNSENDABLE_KEY;
    }
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const maxBodyBytes = options.maxBodyBytes;
  const prepared: Prepared = {
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
  return prepared;
}

/** The results that do not depend on reading an answer. */
function failureOf(outcome: Exclude<Exchange, { kind: 'answer' }>, timeoutMs: number): RequestFailure {
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

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestSpec {
  method: HttpMethod;
  /** Relative to the base URL (`api/v1/settings`); a variable segment must be URL-encoded by the caller. */
  path: string;
  /** Sent as JSON when present (even when `undefined`, which cannot be JSON and is refused). */
  body?: unknown;
  /** Headers besides `Accept`, `Content-Type` and the key's own header (which they cannot replace). */
  headers?: Readonly<Record<string, string>>;
}

/** An answer as read: the snapshot `response.ts` reads, and the secrets to redact from it. */
export interface Answer {
  kind: 'answer';
  status: number;
  contentType: string | null;
  bodyText: string;
  truncated: boolean;
  /** The caller's secrets and the session key: what any text read from this answer is redacted of. */
  secrets: readonly string[];
}

// Parsed once, on demand: an answer that `interpretResponse` reads is not parsed twice.
const parsed = new WeakMap<Answer, unknown>();

/** The body parsed as JSON (untrusted); {@link NOT_JSON} when it is not JSON or was cut. */
export function answerJson(answer: Answer): unknown {
  if (parsed.has(answer)) return parsed.get(answer);
  const value = answer.truncated ? NOT_JSON : parseJson(answer.bodyText);
  parsed.set(answer, value);
  return value;
}

/** Sends one request and reads its answer. Never rejects. */
export async function request(options: ConnectionOptions, spec: RequestSpec): Promise<Answer | RequestFailure> {
  try {
    const prepared = prepare(options, spec.path, spec.headers);
    if (!('url' in prepared)) return prepared;
    let json: string | undefined;
    if ('body' in spec) {
      try {
        json = JSON.stringify(spec.body);
      } catch {
        json = undefined;
      }
      if (json === undefined)
        return { kind: 'refused', message: 'The settings could not be written as JSON, so nothing was sent.' };
      prepared.headers.set('Content-Type', 'application/json');
    }
    const outcome = await exchange({
      url: prepared.url,
      init: {
        ...prepared.init,
        method: spec.method,
        headers: prepared.headers,
        ...(json === undefined ? {} : { body: json }),
      },
      fetch: prepared.fetch,
      signal: options.signal,
      timeoutMs: prepared.timeoutMs,
      maxBodyBytes: prepared.maxBodyBytes,
    });
    if (outcome.kind !== 'answer') return failureOf(outcome, prepared.timeoutMs);
    return { ...outcome, secrets: prepared.secrets };
  } catch {
    // Nothing above should throw; this keeps the promise from ever rejecting if something does.
    return { kind: 'network', message: 'The request could not be made.' };
  }
}
