/**
 * The V0 API (OpenHands 0.53.0) as the save sees it: three operations, each resolving to a typed
 * result and never rejecting. The save controller talks to this interface only, so that another
 * server API can stand behind the same seam.
 */
import {
  bodySecrets,
  getStoredSettings,
  postProviderSettings,
  saveMcpServers,
  type ConnectionOptions,
  type GetStoredSettingsResult,
} from './http.js';
import type { SubmitResult } from './result.js';
import type { ProviderSettingsBody } from './schema.js';

export interface SettingsApi {
  /**
   * What is stored: the token set and the MCP servers (`not-found`: no settings record).
   * `secrets`: values typed in the form, redacted from whatever the server says.
   */
  load(signal: AbortSignal, secrets?: readonly string[]): Promise<GetStoredSettingsResult>;
  /** Stores the token map of `body` (which replaces the stored one); the server also validates `mcp_config`. */
  saveTokens(body: ProviderSettingsBody, signal: AbortSignal): Promise<SubmitResult>;
  /** Stores the MCP servers of `body`, leaving every other stored setting as it is. */
  saveMcp(body: ProviderSettingsBody, signal: AbortSignal): Promise<SubmitResult>;
}

/**
 * `connection` gives where and how each request goes (read at call time: base URL and session key
 * may change); `providers` the provider keys shown, to place a rejected token.
 */
export function v0Api(
  connection: (signal: AbortSignal) => ConnectionOptions,
  providers: () => readonly string[],
): SettingsApi {
  return {
    load: (signal, secrets = []) => getStoredSettings({ ...connection(signal), secrets }),
    saveTokens: (body, signal) =>
      postProviderSettings({ ...connection(signal), body, providers: providers(), secrets: bodySecrets(body) }),
    saveMcp: (body, signal) =>
      saveMcpServers({ ...connection(signal), mcpConfig: body.mcp_config, secrets: bodySecrets(body) }),
  };
}
