/**
 * Where the person's changes meet changes made elsewhere since the form loaded the MCP servers:
 * a server they add under a name the stored map now holds (another person's server, or an entry
 * the form cannot show), or a server they change that is no longer stored. Written over what is
 * stored now, either would mix two servers into one or store half of one, so the save is refused
 * before anything is sent, on the server's name. Removing what is already gone is no conflict.
 */
import { ownKeys, readOwn } from './json.js';
import { LIST_KEY } from './mcp-entry.js';
import { serverKeys } from './mcp-map.js';
import type { NamedMcpConfig } from './mcp-server.js';
import { storedPointer } from './mcp-secrets.js';
import { refusal } from './refusals.js';
import type { ServerFieldError, SubmitResult } from './result.js';

const NONE: NamedMcpConfig = { sse_servers: [], shttp_servers: [], stdio_servers: [] };

/** The conflicts of `patch` (from `stored` to `desired`) with `current`, the map as stored now. */
export function patchConflicts(
  patch: Record<string, unknown> | undefined,
  current: Record<string, unknown>,
  stored: NamedMcpConfig | null,
  desired: NamedMcpConfig | null,
): ServerFieldError[] {
  if (!patch) return [];
  const before = new Set(serverKeys(stored ?? NONE).map((key) => key.name));
  const place = new Map(
    serverKeys(desired ?? NONE).map((key) => [key.name, `/mcp_config/${LIST_KEY[key.kind]}/${key.index}/name`]),
  );
  const errors: ServerFieldError[] = [];
  for (const name of ownKeys(patch)) {
    if (readOwn(patch, name) === null) continue;
    const now = Object.prototype.hasOwnProperty.call(current, name);
    const code =
      !before.has(name) && now ? 'name_stored_meanwhile' : before.has(name) && !now ? 'server_removed_meanwhile' : null;
    // A server the form does not show is named by its name in the stored map.
    if (code) errors.push(refusal(place.get(name) ?? storedPointer(name), code));
  }
  return errors;
}

/** The refusal of a save whose changes meet changes made elsewhere, or null. */
export function conflictRefusal(errors: ServerFieldError[]): SubmitResult | null {
  if (errors.length === 0) return null;
  return {
    kind: 'validation',
    status: 0,
    errors,
    message: `Nothing was sent: the stored MCP servers changed meanwhile, not from this form (${errors.length === 1 ? 'one server' : `${errors.length} servers`}).`,
  };
}
