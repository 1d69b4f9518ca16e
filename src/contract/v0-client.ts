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
} from './http.js';
import type { SettingsApi } from './settings-api.js';

export type { SettingsApi } from './settings-api.js';

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
    saveTokens: ({ body }, signal) =>
      postProviderSettings({ ...connection(signal), body, providers: providers(), secrets: bodySecrets(body) }),
    saveMcp: ({ body }, signal) =>
      saveMcpServers({ ...connection(signal), mcpConfig: body.mcp_config, secrets: bodySecrets(body) }),
  };
}
