/** The V1 app server's client (contract/v1-client.ts) with the MCP conversion: a chunk loaded only when V1 answers. */
import type { ConnectionOptions } from '../../contract/http.js';
import type { SettingsApi } from '../../contract/settings-api.js';
import { v1Api } from '../../contract/v1-client.js';
import { withContentChecks } from './names.js';
import { wire } from './wire.js';

export const api = (
  connection: (signal: AbortSignal) => ConnectionOptions,
  providers: () => readonly string[],
): SettingsApi => withContentChecks(v1Api(connection, providers, wire));
