/**
 * Which OpenHands API answers at a base URL, found with cheap GETs that change nothing on the
 * server (docs/CURRENT-SERVERS.md). The probes, in this order ({@link PROBES}):
 *
 * 1. `GET api/v1/settings`: the V1 app server answers with its settings (a JSON object with
 *    `agent_settings` or `provider_tokens_set`), or `404 {"error": ...}` for a user without
 *    settings -> `v1`. It goes first because the V1 app server still serves some V0 paths.
 * 2. `GET api/settings`: the agent-server answers `agent_settings` / `llm_api_key_is_set` ->
 *   `agent-server`; V0 answers `provider_tokens_set` / `llm_api_key_set` / `mcp_config` at the top
 *    level, or `404 {"error": ...}` -> `v0`.
 *
 * A 401 or 403 to either probe ends the search: the session key was not accepted, whichever API
 * it is (`unauthorized`). So does a failure that no other probe could get past (refused before
 * sending, a timeout, no connection, cancelled). Anything else (a 404 of another shape, a page, a
 * body too large to read or not JSON) is "not recognised" and the next probe runs; when none
 * recognises its answer, the result says that no OpenHands server answered at the base URL's
 * origin (the origin only: a path or query is not repeated, and the key never is).
 *
 * Answers are cached per base URL and key scheme for the page's life (module-level), failures
 * are not: the next call probes again.
 */
import { endpointUrl } from './endpoint.js';
import { isRecord, readOwn } from './json.js';
import { answerJson, request, type Answer, type ConnectionOptions } from './request.js';
import { describeAnswer, interpretResponse } from './response.js';
import type { SubmitResult } from './result.js';

export type DetectedApi = 'v0' | 'v1' | 'agent-server';

export type Detection = { api: DetectedApi } | { api: null; result: SubmitResult };

type Verdict = DetectedApi | null;

/** Reads one probe's answer: the API it shows, or null (not recognised). */
type Probe = { path: string; recognise: (answer: Answer) => Verdict };

/** Own keys only: a polluted `Object.prototype` must not make any answer look like OpenHands'. */
const has = (json: Record<string, unknown>, keys: readonly string[]) =>
  keys.some((key) => Object.prototype.hasOwnProperty.call(json, key));

/** `404 {"error": "..."}`: what OpenHands says for a user without settings (FastAPI's own 404 says `detail`). */
const settingsNotFound = (answer: Answer) =>
  answer.status === 404 && typeof readOwn(answerJson(answer), 'error') === 'string';

export const PROBES: readonly Probe[] = [
  {
    path: 'api/v1/settings',
    recognise(answer) {
      const json = answerJson(answer);
      if (answer.status === 200 && isRecord(json) && has(json, ['agent_settings', 'provider_tokens_set'])) return 'v1';
      return settingsNotFound(answer) ? 'v1' : null;
    },
  },
  {
    path: 'api/settings',
    recognise(answer) {
      const json = answerJson(answer);
      if (answer.status === 200 && isRecord(json)) {
        if (has(json, ['agent_settings', 'llm_api_key_is_set'])) return 'agent-server';
        if (has(json, ['provider_tokens_set', 'llm_api_key_set', 'mcp_config'])) return 'v0';
        return null;
      }
      return settingsNotFound(answer) ? 'v0' : null;
    },
  },
];

const cache = new Map<string, DetectedApi>();

/** Forgets every cached answer (tests; a page that knows its server changed). */
export function clearDetectionCache(): void {
  cache.clear();
}

function cacheKey(connection: ConnectionOptions): string | null {
  const base = endpointUrl(connection.baseUrl, '', connection.pageUrl);
  return base === null ? null : `${connection.authScheme === 'bearer' ? 'bearer' : 'session-key'} ${base}`;
}

function originOf(connection: ConnectionOptions): string {
  try {
    const base = endpointUrl(connection.baseUrl, '', connection.pageUrl);
    return base === null ? 'the base URL' : new URL(base).origin;
  } catch {
    return 'the base URL';
  }
}

/** Finds the API at `connection`'s base URL. Never rejects. */
export async function detectApi(connection: ConnectionOptions): Promise<Detection> {
  const key = cacheKey(connection);
  const known = key === null ? undefined : cache.get(key);
  if (known !== undefined) return { api: known };

  const seen: string[] = [];
  let last = 0;
  for (const probe of PROBES) {
    const answer = await request(connection, { method: 'GET', path: probe.path });
    if (answer.kind !== 'answer') {
      // A redirect is an answer of sorts (another probe may still be recognised); the rest stop here.
      if (answer.kind === 'server') {
        seen.push(`${probe.path}: a redirect`);
        last = answer.status;
        continue;
      }
      return { api: null, result: answer };
    }
    if (answer.status === 401 || answer.status === 403) {
      const result = interpretResponse(answer, { secrets: answer.secrets, tokenRejection: 'never' });
      return { api: null, result };
    }
    let verdict: Verdict;
    try {
      verdict = probe.recognise(answer);
    } catch {
      verdict = null;
    }
    if (verdict !== null) {
      if (key !== null) cache.set(key, verdict);
      return { api: verdict };
    }
    seen.push(`${probe.path}: HTTP ${answer.status} with ${describeAnswer(answer)}`);
    last = answer.status;
  }
  return {
    api: null,
    result: {
      kind: 'server',
      status: last,
      message: `No OpenHands server answered at ${originOf(connection)} (${seen.join('; ')}). Check the base URL.`,
    },
  };
}
