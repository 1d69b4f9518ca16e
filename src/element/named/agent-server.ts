/** The agent-server's client (contract/agent-client.ts) with the MCP conversion: a chunk loaded only when the agent-server answers. */
import { agentServerApi } from '../../contract/agent-client.js';
import type { ConnectionOptions } from '../../contract/http.js';
import type { SettingsApi } from '../../contract/settings-api.js';
import { withContentChecks } from './names.js';
import { wire } from './wire.js';

export const api = (
  connection: (signal: AbortSignal) => ConnectionOptions,
  providers: () => readonly string[],
): SettingsApi => withContentChecks(agentServerApi(connection, providers, wire));
