/**
 * Saving MCP servers whose secrets the server read back masked (`"**********"`, `"<redacted>"`,
 * `"Bearer **********"`). A mask means "the stored value, unchanged", and only a server that
 * restores masks can take one back (docs/CURRENT-SERVERS.md §3.4): the agent-server's validation
 * turns a mask into "no value", so a masked `env` or `headers` entry would be deleted and a masked
 * `auth.value` emptied. {@link mcpPatch} builds the merge patch from what is stored to what is
 * desired where an unchanged secret is left out, so the server keeps it; a mask is never sent.
 */
import { isRecord, ownKeys, readArray, readOwn, setOwn } from './json.js';
import { writeServerMap } from './mcp-map.js';
import { isMasked, type NamedMcpConfig } from './mcp-server.js';
import { mergePatch } from './merge-patch.js';

const NO_SERVERS: NamedMcpConfig = { sse_servers: [], shttp_servers: [], stdio_servers: [] };

/**
 * The merge patch (RFC 7386) of the flat maps, from what is stored to what is desired, for the
 * agent-server's `PATCH`: a server removed becomes `null`, and so does a removed header or env
 * key. A masked value in `desired` whose stored value (same server name, same place) is masked too
 * is unchanged, so it is left out and the server keeps its secret. A mask left in the patch (a new
 * server, a renamed one, a secret moved to another key or into a changed array) stands for no
 * value the server has: the caller must not send it, and asks the person to type the secret
 * (mcp-secrets.ts finds and places them). `undefined`: nothing changed. `null` for either config
 * means no servers.
 *
 * Masks are matched by name and place only: the caller must not keep a renamed server's masked
 * secrets under another stored server's name (they would be taken as that server's).
 *
 * `opaque` (mcp-map.ts) is the same on both sides, so it is never in the patch; given, no server
 * takes an opaque entry's name.
 */
export function mcpPatch(
  stored: NamedMcpConfig | null,
  desired: NamedMcpConfig | null,
  opaque: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> | undefined {
  const before = writeServerMap(stored ?? NO_SERVERS, opaque);
  const after = writeServerMap(desired ?? NO_SERVERS, opaque);
  return mergePatch(before, keepStoredMasks(before, after)) as Record<string, unknown> | undefined;
}

/**
 * `after`, where a masked value stands at a place `before` also holds a masked value, with
 * `before`'s: equal there, so the merge patch leaves it out. Arrays are matched item by item, so
 * an array that did not change otherwise is left out too.
 */
function keepStoredMasks(before: unknown, after: unknown): unknown {
  if (isMasked(after)) return isMasked(before) ? before : after;
  if (Array.isArray(after)) {
    const previous = readArray(before);
    return readArray(after).map((item, i) => keepStoredMasks(previous[i], item));
  }
  if (!isRecord(after)) return after;
  const out: Record<string, unknown> = {};
  for (const key of ownKeys(after)) setOwn(out, key, keepStoredMasks(readOwn(before, key), readOwn(after, key)));
  return out;
}
