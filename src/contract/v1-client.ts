/**
 * The V1 app server (OpenHands Cloud and self-hosted OpenHands 1.x, paths under `api/v1/`) behind
 * the save's seam. What each request does and answers is in docs/CURRENT-SERVERS.md §1; in short:
 *
 * - `load`: `GET api/v1/settings`. `{"error": "Settings not found"}` (404) is `not-found`; a 401
 *   (`{"detail": "Unauthorized"}` from the key check, `{"error": "Invalid token"}` from a failed
 *   read) is the session key, `unauthorized`.
 * - `saveTokens`: `POST api/v1/secrets/git-providers` with the token map, which replaces the stored
 *   one as on V0 (an empty token keeps a stored one, a provider left out is dropped). When the
 *   person removed every stored provider, `DELETE api/v1/secrets/git-providers` (older servers:
 *   `.../git-providers/tokens`). Only `200 {"message": ...}` is saved. A rejected token is a 401
 *   whose `error` (older) or `detail` (newer) names the provider's token: `token-rejected` on it.
 * - `saveMcp`: V1 replaces `mcp_config` wholesale, so the client merges: it reads what is stored
 *   now, applies the person's changes as a merge patch from what the form loaded (so a server
 *   someone else added since stays), and sends the whole map, wrapped (`{"mcpServers": ...}`, which
 *   old and new app servers both take). Unchanged secrets go back as the mask: the newest app
 *   server restores them for a server of the same name, older ones lose them, so when any went
 *   back masked the map is read again and a lost one is reported on its field.
 */
import { notTheAnswer, presentText, readFailure, writeFailure } from './client-answer.js';
import { bodySecrets, type GetStoredSettingsResult } from './http.js';
import { typedSecrets } from './entry-secrets.js';
import { NOTHING_TO_STORE, tokensUnchanged } from './token-changes.js';
import { isRecord, readArray, readOwn } from './json.js';
import type { NamedMcpConfig } from './mcp-server.js';
import { isMasked, MASK } from './mcp-server.js';
import {
  leafValue,
  maskedLeaves,
  namesList,
  secretErrors,
  secretsRequired,
  serverMap,
  type MaskedLeaf,
} from './mcp-secrets.js';
import { conflictRefusal, patchConflicts } from './mcp-conflicts.js';
import { guardWire, saveSettled, type McpWire } from './mcp-wire.js';
import { answerJson, request, type Answer, type ConnectionOptions } from './request.js';
import type { SubmitResult } from './result.js';
import { parseStoredSettings } from './settings.js';
import type { SaveContent, SettingsApi } from './settings-api.js';

export const V1_SETTINGS_PATH = 'api/v1/settings';
export const V1_GIT_PROVIDERS_PATH = 'api/v1/secrets/git-providers';
/** The older app servers' path for removing every token (answers 404/405 on newer ones, and the newer path on older). */
export const V1_GIT_PROVIDERS_OLD_DELETE_PATH = 'api/v1/secrets/git-providers/tokens';

/** The stored `mcp_config` of a V1 settings answer (under `agent_settings`), as it came. */
function storedMcp(raw: unknown): unknown {
  return readOwn(readOwn(raw, 'agent_settings'), 'mcp_config');
}

/** `GET api/v1/settings`, read into what the form uses. Never rejects. */
async function getSettings(
  options: ConnectionOptions,
  providers: readonly string[],
  mcp: McpWire,
): Promise<GetStoredSettingsResult> {
  const answer = await request(options, { method: 'GET', path: V1_SETTINGS_PATH });
  if (answer.kind !== 'answer') return answer;
  const json = answerJson(answer);
  if (answer.status >= 200 && answer.status <= 299) {
    // V1's answer has `agent_settings` (newer) or at least `provider_tokens_set`; any other object
    // is not its settings, and read as "nothing stored" it would make the next save drop every token.
    const own = (key: string) => Object.prototype.hasOwnProperty.call(json, key);
    const isSettings = isRecord(json) && (own('agent_settings') || own('provider_tokens_set'));
    if (!isSettings) return notTheAnswer(answer, 'settings', isRecord(json));
    let config: NamedMcpConfig | null;
    try {
      config = mcp.read(storedMcp(json))?.config ?? null;
    } catch {
      config = null;
    }
    const tokens = parseStoredSettings({ provider_tokens_set: readOwn(json, 'provider_tokens_set') });
    return {
      kind: 'loaded',
      settings: { provider_tokens_set: tokens.provider_tokens_set, mcp_config: config },
      raw: json,
    };
  }
  // V1 says `{"error": "Settings not found"}`; any other 404 is a wrong base URL, not "nothing stored".
  if (answer.status === 404 && typeof readOwn(json, 'error') === 'string') return { kind: 'not-found' };
  return readFailure(answer, providers);
}

/** A write answered: `200` with a `message` string is saved; anything else is read as a failure. */
function writeResult(answer: Answer, providers: readonly string[], tokens: boolean): SubmitResult {
  const message = readOwn(answerJson(answer), 'message');
  if (answer.status === 200 && typeof message === 'string') {
    const text = presentText(message, answer.secrets);
    return { kind: 'saved', status: 200, message: text === '' ? 'Settings saved.' : text };
  }
  return writeFailure(answer, providers, tokens ? 'error-or-detail' : 'never');
}

/** V1's 422 for a body it will not take (`{"error": "Use *_diff ...", "keys": [...]}`): on the whole request. */
function bodyRejected(answer: Answer): SubmitResult | null {
  const json = answerJson(answer);
  const error = readOwn(json, 'error');
  if (answer.status !== 422 || typeof error !== 'string') return null;
  const keys = readArray(readOwn(json, 'keys'))
    .filter((key): key is string => typeof key === 'string')
    .slice(0, 20);
  const text =
    presentText(keys.length > 0 ? `${error} (${keys.join(', ')})` : error, answer.secrets) ||
    'The server rejected the settings (HTTP 422).';
  return { kind: 'validation', status: 422, errors: [{ pointer: '', type: '', message: text }], message: text };
}

/**
 * Whether the newest app server puts the stored value back for a masked leaf it is sent
 * (`preserve_existing_mcp_secrets`, OH `mcp_config_adapter.py` @b7eb7abe): the bare mask or
 * `Bearer ` before it (`_is_redacted_secret`), under `env`, `headers` or `auth` of a server it has
 * under that name, through objects only (it walks no array), where that server has a value (not
 * null); under `auth` only when the stored auth has the same strategy. Anything else it stores as
 * sent: the mask as text, the secret gone.
 */
function restoredByAppServer(
  leaf: MaskedLeaf,
  sent: Record<string, unknown>,
  stored: Record<string, unknown>,
): boolean {
  const value = leafValue(sent, leaf);
  if (value !== MASK && value !== `Bearer ${MASK}`) return false;
  // A key inside one of the three (the field itself masked is no key the server looks in).
  const [field] = leaf.path;
  if (leaf.path.length < 2 || (field !== 'env' && field !== 'headers' && field !== 'auth')) return false;
  let mine: unknown = readOwn(sent, leaf.server);
  let theirs: unknown = readOwn(stored, leaf.server);
  if (field === 'auth' && readOwn(readOwn(mine, 'auth'), 'strategy') !== readOwn(readOwn(theirs, 'auth'), 'strategy'))
    return false;
  for (const segment of leaf.path) {
    if (!isRecord(mine) || !isRecord(theirs)) return false;
    mine = readOwn(mine, segment);
    theirs = readOwn(theirs, segment);
  }
  // Where the patch added a mask the client has refused already (secret_not_stored): this holds
  // for any mask that gets here, and is checked all the same, as the server checks it.
  return theirs !== undefined && theirs !== null;
}

/** The secrets that went back masked and did not come back masked: lost by an app server that does not restore them. */
function lostSecrets(sent: MaskedLeaf[], readBack: Record<string, unknown>): MaskedLeaf[] {
  return sent.filter((leaf) => !isMasked(leafValue(readBack, leaf)));
}

function lostResult(lost: MaskedLeaf[], content: SaveContent, status: number): SubmitResult {
  const { errors, names } = secretErrors(lost, content, 'secret_lost');
  const n = lost.length;
  return {
    kind: 'validation',
    status,
    errors,
    message: `The MCP servers were stored, but this server did not keep ${n} stored ${n === 1 ? 'secret' : 'secrets'} shown masked (${namesList(names)}): type ${n === 1 ? 'it' : 'them'} again and save.`,
  };
}

/**
 * The V1 app server. `connection` gives where and how each request goes (read at call time);
 * `providers` the provider keys shown, to place a rejected token; `mcp` the MCP wire conversion.
 */
export function v1Api(
  connection: (signal: AbortSignal) => ConnectionOptions,
  providers: () => readonly string[],
  mcp: McpWire,
): SettingsApi {
  const wire = guardWire(mcp);

  async function saveTokens(content: SaveContent, signal: AbortSignal): Promise<SubmitResult> {
    const options = { ...connection(signal), secrets: bodySecrets(content.body) };
    const tokens = content.body.provider_tokens;
    const stored = content.stored.providers;
    // Nothing changed: nothing is sent (re-sending the stored map would change nothing either).
    if (tokensUnchanged(content)) return { kind: 'saved', status: 0, message: NOTHING_TO_STORE };
    // Everything removed: the endpoint for that, as V1's own page does (an empty map is not
    // read the same way by every version).
    if (Object.keys(tokens).length === 0 && stored !== null && Object.keys(stored).length > 0) {
      let answer = await request(options, { method: 'DELETE', path: V1_GIT_PROVIDERS_PATH });
      if (answer.kind === 'answer' && (answer.status === 404 || answer.status === 405))
        answer = await request(options, { method: 'DELETE', path: V1_GIT_PROVIDERS_OLD_DELETE_PATH });
      if (answer.kind !== 'answer') return answer;
      return writeResult(answer, providers(), false);
    }
    const answer = await request(options, {
      method: 'POST',
      path: V1_GIT_PROVIDERS_PATH,
      body: { provider_tokens: tokens },
    });
    if (answer.kind !== 'answer') return answer;
    return writeResult(answer, providers(), true);
  }

  async function saveMcp(content: SaveContent, signal: AbortSignal): Promise<SubmitResult> {
    const options = { ...connection(signal), secrets: [...bodySecrets(content.body), ...typedSecrets(wire, content)] };
    const shown = providers();
    const current = await getSettings(options, shown, wire);
    let stored: unknown;
    if (current.kind === 'not-found') {
      // No settings record yet: V1's POST creates one from its defaults with these servers in it
      // (unlike V0's POST, which would store a whole record of made-up values, V1 takes a diff).
      // Not checked: whether the app then takes the server as set up; the element's own plan
      // may still refuse first, as it does on V0 (NO_SETTINGS).
      stored = null;
    } else if (current.kind !== 'loaded') {
      return current;
    } else {
      stored = storedMcp(current.raw);
      if (stored !== undefined && stored !== null && !isRecord(stored))
        return {
          kind: 'server',
          status: 200,
          message:
            'The MCP configuration this server has stored could not be read, so it was not replaced: nothing was sent.',
        };
    }
    // The person's changes (from what the form loaded) applied to the map as stored now, as it
    // came: a server added since, or one the form cannot show, stays exactly as it is.
    const patch = wire.patch(content.stored.servers, content.servers);
    const map = serverMap(stored);
    const conflict = conflictRefusal(patchConflicts(patch, map, content.stored.servers, content.servers));
    if (conflict) return conflict;
    // A mask in the patch stands where the server has no value to restore (a renamed server or
    // key): sent, it would erase the secret, so the person types it first.
    const unrestorable = maskedLeaves(patch ?? {});
    if (unrestorable.length > 0) return secretsRequired(unrestorable, content, 'secret_not_stored');
    const merged = patch === undefined ? map : wire.apply(map, patch);
    const servers = isRecord(merged) ? merged : {};
    // Which secrets go back masked, known before sending: after it, only reading back is left to do.
    const masked = maskedLeaves(servers);
    // An app server that stores the map wrapped is older than the one that restores masked
    // secrets (docs/CURRENT-SERVERS.md, section 3.4): sent back masked, they would be erased. The
    // one that restores does so only where `restoredByAppServer` says (not `<redacted>`, not under
    // an auth whose method changed); elsewhere the mask would be stored as text.
    const erased = isRecord(readOwn(stored, 'mcpServers'))
      ? masked
      : masked.filter((leaf) => !restoredByAppServer(leaf, servers, map));
    if (erased.length > 0) return secretsRequired(erased, content, 'secret_would_be_erased');
    const answer = await request(options, {
      method: 'POST',
      path: V1_SETTINGS_PATH,
      body: { agent_settings_diff: { mcp_config: { mcpServers: servers } } },
    });
    if (answer.kind !== 'answer') return answer;
    const result = bodyRejected(answer) ?? writeResult(answer, shown, false);
    if (result.kind !== 'saved') return result;
    return masked.length === 0 ? result : verify(options, shown, content, masked, result);
  }

  /** Reads the servers back (some secrets went back masked); the loss of one is a failure on its field. */
  async function verify(
    options: ConnectionOptions,
    shown: readonly string[],
    content: SaveContent,
    leaves: MaskedLeaf[],
    saved: Extract<SubmitResult, { kind: 'saved' }>,
  ): Promise<SubmitResult> {
    const back = await getSettings(options, shown, wire);
    if (back.kind !== 'loaded') {
      const why = back.kind === 'not-found' ? 'the server has no settings' : back.message;
      return {
        kind: 'unknown',
        status: saved.status,
        message: `The server said the MCP servers were stored, but reading them back to check that it kept the secrets shown masked failed (${why}), so whether it did is not known.`,
      };
    }
    const lost = lostSecrets(leaves, serverMap(storedMcp(back.raw)));
    return lost.length === 0 ? saved : lostResult(lost, content, saved.status);
  }

  return {
    load: (signal, secrets = []) => getSettings({ ...connection(signal), secrets }, providers(), wire),
    saveTokens,
    saveMcp: (content, signal) => saveSettled(() => saveMcp(content, signal)),
  };
}
