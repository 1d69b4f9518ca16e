/** A newer API's client whose MCP save is refused, before anything is sent, when two servers share a name (contract/mcp-names.ts). */
import { namesRefusal } from '../../contract/mcp-names.js';
import type { SettingsApi } from '../../contract/settings-api.js';

export function withNamesChecked(api: SettingsApi): SettingsApi {
  return {
    ...api,
    saveMcp: (content, signal) => Promise.resolve(namesRefusal(content.servers) ?? api.saveMcp(content, signal)),
  };
}
