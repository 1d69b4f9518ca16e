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
import type { ServerFieldError, SubmitResult } from './result.js';

const NONE: NamedMcpConfig = { sse_servers: [], shttp_servers: [], stdio_servers: [] };

export const TAKEN_MEANWHILE =
  'A server of this name was stored meanwhile, not from this form: choose another name, or load the stored servers again.';
export const REMOVED_MEANWHILE =
  'This server was removed meanwhile, not from this form: load the stored servers again before changing it.';

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
    const message = !before.has(name) && now ? TAKEN_MEANWHILE : before.has(name) && !now ? REMOVED_MEANWHILE : null;
    if (message)
      errors.push({
        pointer: place.get(name) ?? '',
        message: place.has(name) ? message : `“${name}”: ${message}`,
        type: 'stored_meanwhile',
      });
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
