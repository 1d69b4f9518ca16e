/**
 * Names on the newer APIs that a save must not send. A server's name is its key in the stored map:
 * two servers of one name would be one server there, so the second would be renamed or would
 * overwrite the first (a URL server left without a name is named after its host when written:
 * mcp-map.ts). A header without a name is no HTTP header, yet the servers store it. A save with
 * such names is refused before anything is sent, each on its name field.
 */
import { ownName, type NamedMcpConfig } from './mcp-server.js';
import { KEY_SEGMENT } from './pointer.js';
import { toPointer } from './pointer-join.js';
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

/** Every header (of a URL server's headers, or of its `header` auth) without a name, as an error on its name field. */
export function emptyHeaderNames(config: NamedMcpConfig | null): ServerFieldError[] {
  if (!config) return [];
  const errors: ServerFieldError[] = [];
  for (const list of ['sse_servers', 'shttp_servers'] as const)
    config[list].forEach((server, i) => {
      const auth = server.x?.auth;
      const maps: [string[], unknown][] = [[['headers'], server.x?.headers]];
      if (auth?.strategy === 'header') maps.push([['auth', 'headers'], auth.headers]);
      for (const [path, map] of maps)
        if (Object.prototype.hasOwnProperty.call(map ?? {}, ''))
          errors.push(refusal(toPointer(['mcp_config', list, i, ...path, '', KEY_SEGMENT]), 'header_name_empty'));
    });
  return errors;
}

/** The refusal of a save whose servers share names or have a header without one, or null. */
export function namesRefusal(config: NamedMcpConfig | null): SubmitResult | null {
  const shared = duplicateNames(config);
  const unnamed = emptyHeaderNames(config);
  if (shared.length + unnamed.length === 0) return null;
  const why = [
    shared.length > 0 ? `${shared.length} MCP servers share a name (a name is what tells servers apart here)` : '',
    unnamed.length > 0 ? `${unnamed.length === 1 ? 'a header has' : `${unnamed.length} headers have`} no name` : '',
  ];
  return {
    kind: 'validation',
    status: 0,
    errors: [...shared, ...unnamed],
    message: `Nothing was sent: ${why.filter(Boolean).join('; ')}.`,
  };
}
