/**
 * The V0 API calls the element makes: the tokens (`POST api/add-git-providers`), the stored
 * settings (`GET api/settings`), and the MCP servers (`GET` then `POST api/settings`: the
 * read-modify-write in docs/CONTRACT.md, "Storing settings"). Each resolves to a typed result and
 * never rejects.
 *
 * Secrets: every request goes through `request.ts`, which keeps the session key to its header
 * (never the URL, a message or a log), does not follow redirects, and refuses plain `http:` to
 * anything but loopback unless `allowInsecureHttp` is set.
 */
import { readOwn, isRecord } from './json.js';
import { answerJson, request, type ConnectionOptions } from './request.js';
import { describeAnswer, interpretResponse } from './response.js';
import type { SubmitResult } from './result.js';
import type { McpConfig, ProviderSettingsBody, StoredSettings } from './schema.js';
import { parseStoredSettings, settingsWriteBody } from './settings.js';

export { endpointUrl } from './endpoint.js';
export { DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS, type AuthScheme, type ConnectionOptions } from './request.js';

export const PROVIDER_SETTINGS_PATH = 'api/add-git-providers';
export const SETTINGS_PATH = 'api/settings';

export interface PostProviderSettingsOptions extends ConnectionOptions {
  /** The request body (`ProviderSettingsBody`), sent as JSON as it is. */
  body: unknown;
}

export type GetStoredSettingsResult =
  /** `raw`: the answer as it came (untrusted), for the read-modify-write of the MCP save. */
  | { kind: 'loaded'; settings: StoredSettings; raw: Record<string, unknown> }
  | { kind: 'not-found' }
  | Exclude<SubmitResult, { kind: 'saved' | 'validation' | 'unknown' | 'no-settings' }>;

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
  const answer = await request(options, { method: 'POST', path, body });
  if (answer.kind !== 'answer') return answer;
  return interpretResponse(answer, { providers: options.providers ?? [], secrets: answer.secrets });
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
  const outcome = await request(options, { method: 'GET', path: SETTINGS_PATH });
  if (outcome.kind !== 'answer') return outcome;
  try {
    const { status } = outcome;
    const json = answerJson(outcome);
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
    const result = interpretResponse(outcome, { providers: options.providers ?? [], secrets: outcome.secrets });
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
