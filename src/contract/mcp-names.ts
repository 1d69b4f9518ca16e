/**
 * Server names on the newer APIs, where a name is a server's key in the stored map: two servers
 * of one name would be one server there, so the second would be renamed or would overwrite the
 * first. A save with such names is refused before anything is sent, each on its name field.
 * (A URL server left without a name is named after its host when written: mcp-map.ts.)
 */
import { ownName, type NamedMcpConfig } from './mcp-server.js';
import { refusal } from './refusals.js';
import type { ServerFieldError, SubmitResult } from './result.js';
import { SERVER_LISTS } from './mcp-secrets.js';

/** Every server whose name another server also has, as an error on its name field. */
export function duplicateNames(config: NamedMcpConfig | null): ServerFieldError[] {
  if (!config) return [];
  const named: { pointer: string; name: string }[] = [];
  for (const list of SERVER_LISTS)
    config[list].forEach((server, i) => {
      const name = ownName(server, list === 'stdio_servers');
      if (name !== undefined) named.push({ pointer: `/mcp_config/${list}/${i}/name`, name });
    });
  const counts = new Map<string, number>();
  for (const { name } of named) counts.set(name, (counts.get(name) ?? 0) + 1);
  return named.filter(({ name }) => counts.get(name)! > 1).map(({ pointer }) => refusal(pointer, 'name_taken'));
}

/** The refusal of a save whose servers share names, or null when every name is its own. */
export function namesRefusal(config: NamedMcpConfig | null): SubmitResult | null {
  const errors = duplicateNames(config);
  if (errors.length === 0) return null;
  return {
    kind: 'validation',
    status: 0,
    errors,
    message: `Nothing was sent: ${errors.length} MCP servers share a name, and a name is what tells servers apart on this server.`,
  };
}
