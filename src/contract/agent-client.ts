/**
 * The agent-server (local OpenHands, from software-agent-sdk; paths under `api/`) behind the save's
 * seam. What each request does and answers is in docs/CURRENT-SERVERS.md §2; in short:
 *
 * - Auth: the session key in `X-Session-API-Key` only (the agent-server reads no bearer token).
 * - `load`: `GET api/settings` (the MCP servers, under `agent_settings`) and `GET
 *   api/settings/secrets` (the names of the stored secrets, which say which providers have a
 *   token: `git-secret-names.ts`).
 * - `saveTokens`: one request per change, the agent-server having no token map: `PUT
 *   api/settings/secrets` for each typed token, `DELETE api/settings/secrets/<name>` for each name
 *   of a removed provider. A kept token whose host changed cannot be written without its value
 *   (the host lives in the description), so that is refused before anything is sent.
 * - `saveMcp`: `PATCH api/settings` with a merge patch from what the form loaded. Newer servers
 *   store a flat map and apply RFC 7386 (a `null` removes a server); older ones store it wrapped
 *   (`{"mcpServers": ...}`) and deep-merge without deleting, so removing there means clearing the
 *   map and writing it whole, which is only done when no secret shown masked would be lost (the
 *   agent-server erases a secret sent back masked).
 */
import { agentDetailErrors, mcpLocationPointer } from './agent-detail.js';
import { notTheAnswer, prefixed, presentText, readFailure, writeFailure, type ReadFailure } from './client-answer.js';
import {
  SECRET_NAME,
  storedProviders,
  tokenDescription,
  tokenSecretName,
  tokenSecretNames,
} from './git-secret-names.js';
import { typedSecrets } from './entry-secrets.js';
import type { SecretEntry } from './git-secret-names.js';
import type { GetStoredSettingsResult } from './http.js';
import { isRecord, ownKeys, readArray, readOwn } from './json.js';
import type { NamedMcpConfig } from './mcp-server.js';
import { maskedLeaves, secretsRequired, serverMap } from './mcp-secrets.js';
import { conflictRefusal, patchConflicts } from './mcp-conflicts.js';
import { guardWire, saveSettled, type McpWire } from './mcp-wire.js';
import { fromPointer } from './pointer.js';
import { toPointer } from './pointer-join.js';
import { answerJson, request, type Answer, type ConnectionOptions, type RequestSpec } from './request.js';
import { refusal, REFUSAL_MESSAGES } from './refusals.js';
import { NOTHING_TO_STORE, sameHost } from './token-changes.js';
import type { ServerFieldError, SubmitResult } from './result.js';
import type { SaveContent, SettingsApi } from './settings-api.js';

export const AGENT_SETTINGS_PATH = 'api/settings';
export const AGENT_SECRETS_PATH = 'api/settings/secrets';

/** What `saved.message` says: the agent-server's answers carry no message of their own. */
export const TOKENS_STORED = 'Git provider tokens stored.';
export { NOTHING_TO_STORE };
export const MCP_STORED = 'MCP servers stored.';

type Settings = { kind: 'settings'; json: Record<string, unknown> };

/** The agent-server's settings answer: `agent_settings` (all versions) or `llm_api_key_is_set`. */
function isAgentSettings(json: unknown): json is Record<string, unknown> {
  const own = (key: string) => Object.prototype.hasOwnProperty.call(json, key);
  return isRecord(json) && (own('agent_settings') || own('llm_api_key_is_set'));
}

/** Deep search of a JSON value, depth- and size-bounded (a patch is the form's own data, but still). */
function some(value: unknown, test: (leaf: unknown) => boolean, depth = 0): boolean {
  if (test(value)) return true;
  if (depth > 16 || (!isRecord(value) && !Array.isArray(value))) return false;
  const items = Array.isArray(value) ? readArray(value) : ownKeys(value).map((key) => readOwn(value, key));
  return items.some((item) => some(item, test, depth + 1));
}

function tokenPointer(provider: string, field: 'token' | 'host'): string {
  return toPointer(['provider_tokens', provider, field]);
}

/**
 * The agent-server. `connection` gives where and how each request goes (read at call time; its
 * `authScheme` is ignored: this server reads the key from `X-Session-API-Key` only); `providers`
 * the provider keys shown; `mcp` the MCP wire conversion.
 */
export function agentServerApi(
  connection: (signal: AbortSignal) => ConnectionOptions,
  providers: () => readonly string[],
  mcp: McpWire,
): SettingsApi {
  const wire = guardWire(mcp);
  /** Whether the last settings read held the MCP map wrapped (older servers); null: not known yet. */
  let wrapped: boolean | null = null;

  const connect = (signal: AbortSignal, secrets: readonly string[]): ConnectionOptions => ({
    ...connection(signal),
    authScheme: 'session-key',
    secrets,
  });

  // Read through a function: TypeScript narrows a `let` across the awaits that change it.
  const isWrapped = () => wrapped === true;

  /** Remembers how the server stores the map, from any answer that carries the settings. */
  function learn(json: Record<string, unknown>): NamedMcpConfig | null {
    const stored = readOwn(readOwn(json, 'agent_settings'), 'mcp_config');
    let read: ReturnType<McpWire['read']>;
    try {
      read = wire.read(stored);
    } catch {
      read = null;
    }
    // Absent or null: only the older servers have no map at all (the newer default to `{}`).
    wrapped = read?.wrapped ?? true;
    return read?.config ?? null;
  }

  async function getSettings(options: ConnectionOptions): Promise<Settings | ReadFailure> {
    const answer = await request(options, { method: 'GET', path: AGENT_SETTINGS_PATH });
    if (answer.kind !== 'answer') return answer;
    const json = answerJson(answer);
    if (answer.status >= 200 && answer.status <= 299)
      return isAgentSettings(json) ? { kind: 'settings', json } : notTheAnswer(answer, 'settings', isRecord(json));
    return readFailure(answer, providers());
  }

  async function getSecrets(options: ConnectionOptions): Promise<SecretEntry[] | ReadFailure> {
    const answer = await request(options, { method: 'GET', path: AGENT_SECRETS_PATH });
    if (answer.kind !== 'answer') return answer;
    const json = answerJson(answer);
    const list = readOwn(json, 'secrets');
    if (answer.status >= 200 && answer.status <= 299) {
      if (!Array.isArray(list)) return notTheAnswer(answer, 'secrets', false);
      return readArray(list).flatMap((item) => {
        const name = readOwn(item, 'name');
        const description = readOwn(item, 'description');
        return typeof name === 'string'
          ? [{ name, description: typeof description === 'string' ? description : null }]
          : [];
      });
    }
    return readFailure(answer, providers());
  }

  async function load(signal: AbortSignal, secrets: readonly string[] = []): Promise<GetStoredSettingsResult> {
    const options = connect(signal, secrets);
    const settings = await getSettings(options);
    if (settings.kind !== 'settings') return settings;
    const stored = await getSecrets(options);
    if (!Array.isArray(stored)) return stored;
    const config = learn(settings.json);
    return {
      kind: 'loaded',
      settings: { provider_tokens_set: storedProviders(stored, providers()), mcp_config: config },
      raw: settings.json,
    };
  }

  /** One change of the tokens: what it is in words (for a partial failure), and its request. */
  interface TokenChange {
    provider: string;
    words: string;
    spec: RequestSpec;
    ok: (answer: Answer) => boolean;
  }

  /** A token change's failure: a 422 (a name the server refuses) on the provider's token field. */
  function tokenFailure(change: TokenChange, answer: Answer): SubmitResult {
    if (answer.status !== 422) return writeFailure(answer, providers());
    const pointer = tokenPointer(change.provider, 'token');
    const detail = readOwn(answerJson(answer), 'detail');
    if (typeof detail === 'string') {
      const text = presentText(detail, answer.secrets) || 'The server refused the token.';
      return { kind: 'validation', status: 422, errors: [{ pointer, type: '', message: text }], message: text };
    }
    const result = writeFailure(answer, providers());
    if (result.kind !== 'validation') return result;
    // The list form names the request's own fields (`name`, `value`): they are this provider's token.
    return { ...result, errors: result.errors.map((error) => ({ ...error, pointer })) };
  }

  async function saveTokens(content: SaveContent, signal: AbortSignal): Promise<SubmitResult> {
    const tokens = content.body.provider_tokens;
    const baseline = content.stored.providers;
    const typed = Object.entries(tokens).filter(([, entry]) => typeof entry.token === 'string' && entry.token !== '');
    const options = connect(
      signal,
      typed.map(([, entry]) => entry.token as string),
    );

    // A kept token (none typed) whose host changed: refused before anything is sent.
    const refused: ServerFieldError[] = [];
    for (const [provider, entry] of Object.entries(tokens)) {
      if (typed.some(([p]) => p === provider) || baseline === null) continue;
      if (!Object.prototype.hasOwnProperty.call(baseline, provider)) continue;
      if (!sameHost(entry.host, baseline[provider]))
        refused.push(refusal(tokenPointer(provider, 'host'), 'host_needs_token'));
    }
    if (refused.length > 0)
      return {
        kind: 'validation',
        status: 0,
        errors: refused,
        message: `Nothing was sent. ${REFUSAL_MESSAGES.host_needs_token}`,
      };

    const changes: TokenChange[] = typed.map(([provider, entry]) => ({
      provider,
      words: `the ${provider} token stored`,
      spec: {
        method: 'PUT',
        path: AGENT_SECRETS_PATH,
        body: {
          name: tokenSecretName(provider),
          value: entry.token,
          description: tokenDescription(provider, entry.host),
        },
      },
      ok: (answer) =>
        answer.status >= 200 && answer.status <= 299 && typeof readOwn(answerJson(answer), 'name') === 'string',
    }));
    // Removed: stored when the form loaded, left out now. With no baseline nothing is known to be removed.
    const removed =
      baseline === null ? [] : Object.keys(baseline).filter((p) => !Object.prototype.hasOwnProperty.call(tokens, p));
    if (removed.length > 0) {
      const existing = await getSecrets(options);
      if (!Array.isArray(existing)) return existing;
      const names = new Set(existing.map((secret) => secret.name));
      for (const provider of removed)
        for (const name of tokenSecretNames(provider).filter((n) => names.has(n) && SECRET_NAME.test(n)))
          changes.push({
            provider,
            words: `the ${provider} token removed`,
            spec: { method: 'DELETE', path: `${AGENT_SECRETS_PATH}/${encodeURIComponent(name)}` },
            // 404 "Secret not found": gone already, which is what was asked.
            ok: (answer) =>
              answer.status === 404 ||
              (answer.status >= 200 && answer.status <= 299 && readOwn(answerJson(answer), 'deleted') === true),
          });
    }
    // Nothing to change (the save also calls this when only the MCP servers changed): status 0, nothing sent.
    if (changes.length === 0) return { kind: 'saved', status: 0, message: NOTHING_TO_STORE };

    const done: string[] = [];
    for (const [i, change] of changes.entries()) {
      const answer = await request(options, change.spec);
      if (answer.kind === 'answer' && change.ok(answer)) {
        done.push(change.words);
        continue;
      }
      const failure = answer.kind === 'answer' ? tokenFailure(change, answer) : answer;
      if (done.length === 0 || failure.kind === 'aborted') return failure;
      const left = changes.slice(i).map((c) => c.words.replace(/ (stored|removed)$/, ' not $1'));
      return prefixed(`Done: ${done.join(', ')}; not done: ${left.join(', ')}.`, failure);
    }
    return { kind: 'saved', status: 200, message: TOKENS_STORED };
  }

  /** A PATCH answered: 200 with the settings is saved; anything else is read as a failure, placed where it can be. */
  function patchResult(answer: Answer, content: SaveContent): SubmitResult {
    const json = answerJson(answer);
    if (answer.status >= 200 && answer.status <= 299 && isAgentSettings(json)) {
      learn(json);
      return { kind: 'saved', status: answer.status, message: MCP_STORED };
    }
    const detail = readOwn(json, 'detail');
    if (answer.status === 422 && typeof detail === 'string') {
      const errors = agentDetailErrors(detail, content.servers, answer.secrets);
      const n = errors.length;
      const message =
        errors.length === 1 && errors[0]?.pointer === ''
          ? errors[0].message
          : `The server found ${n} ${n === 1 ? 'problem' : 'problems'} in the MCP servers.`;
      return { kind: 'validation', status: 422, errors, message };
    }
    const result = writeFailure(answer, providers());
    if (result.kind !== 'validation') return result;
    // FastAPI's list: its locations are in this request's body (`/agent_settings_diff/mcp_config/<name>/...`).
    const errors = result.errors.map((error) => {
      let segments: string[];
      try {
        segments = fromPointer(error.pointer);
      } catch {
        return error;
      }
      const pointer = mcpLocationPointer(segments, content.servers);
      return pointer === null ? error : { ...error, pointer };
    });
    return { ...result, errors };
  }

  /**
   * Sends one PATCH. `expected`: the servers (by name) it sets or removes, checked in the settings
   * the PATCH answers with: a server the answer does not show as sent was not stored (an older
   * server drops a flat map's servers without a word), so that is no success.
   */
  async function patch(
    options: ConnectionOptions,
    mcpConfig: unknown,
    content: SaveContent,
    expected?: Record<string, unknown>,
  ): Promise<SubmitResult> {
    const answer = await request(options, {
      method: 'PATCH',
      path: AGENT_SETTINGS_PATH,
      body: { agent_settings_diff: { mcp_config: mcpConfig } },
    });
    if (answer.kind !== 'answer') return answer;
    const result = patchResult(answer, content);
    if (result.kind !== 'saved' || !expected) return result;
    const answered = serverMap(readOwn(readOwn(answerJson(answer), 'agent_settings'), 'mcp_config'));
    const unstored = Object.keys(expected).filter(
      (name) => (expected[name] === null) === Object.prototype.hasOwnProperty.call(answered, name),
    );
    if (unstored.length === 0) return result;
    return {
      kind: 'unknown',
      status: answer.status,
      message: `The server answered, but the settings it answered with do not show the MCP servers as sent (${unstored.map((n) => `“${n}”`).join(', ')}): nothing is known to be stored.`,
    };
  }

  async function saveMcp(content: SaveContent, signal: AbortSignal): Promise<SubmitResult> {
    const options = connect(signal, typedSecrets(wire, content));
    // What is stored now, always: the changes are checked against what others stored meanwhile.
    const settings = await getSettings(options);
    if (settings.kind !== 'settings') return settings;
    learn(settings.json);
    const current = serverMap(readOwn(readOwn(settings.json, 'agent_settings'), 'mcp_config'));
    const diff = wire.patch(content.stored.servers, content.servers) ?? {};
    const conflict = conflictRefusal(patchConflicts(diff, current, content.stored.servers, content.servers));
    if (conflict) return conflict;
    // A mask in the patch stands for no value the server has (a new server, a renamed one): it
    // would be stored as no value, so it is never sent; the person types those secrets.
    const masks = maskedLeaves(diff);
    if (masks.length > 0) return secretsRequired(masks, content, 'secret_not_stored');
    if (wrapped === false) {
      const flat = await patch(options, diff, content, diff);
      // An empty map reads `{}` on older servers too; one that dropped the flat map answered with
      // its map wrapped (`learn` saw it): it takes the wrapped patch below.
      if (flat.kind !== 'unknown' || !isWrapped()) return flat;
    }
    // Older servers deep-merge: a patch that removes nothing can be sent as it is, wrapped.
    if (!some(diff, (leaf) => leaf === null)) return patch(options, { mcpServers: diff }, content, diff);
    return replaceWhole(options, diff, content);
  }

  /** Older servers cannot delete by patch: the map is cleared, then written whole (as their own page did). */
  async function replaceWhole(options: ConnectionOptions, diff: Record<string, unknown>, content: SaveContent) {
    const settings = await getSettings(options);
    if (settings.kind !== 'settings') return settings;
    learn(settings.json);
    // A server that has meanwhile become a newer one takes the patch itself.
    if (wrapped === false) return patch(options, diff, content);
    // The changes applied to the map as stored now, as it came (a server added since stays).
    const stored = readOwn(readOwn(settings.json, 'agent_settings'), 'mcp_config');
    const merged = wire.apply(serverMap(stored), diff);
    const whole = isRecord(merged) ? merged : {};
    const masked = maskedLeaves(whole);
    if (masked.length > 0) return secretsRequired(masked, content, 'secret_would_be_erased');
    const cleared = await patch(options, null, content);
    if (cleared.kind !== 'saved') return cleared;
    const written = await patch(options, { mcpServers: whole }, content, whole);
    if (written.kind === 'saved') return written;
    return prefixed(
      'The stored MCP servers were cleared to remove one, and storing them again failed: the server now has none. Load the stored servers again, then add and save them.',
      written,
    );
  }

  return {
    load,
    saveTokens,
    saveMcp: (content, signal) => saveSettled(() => saveMcp(content, signal)),
  };
}
