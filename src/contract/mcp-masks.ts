/**
 * Saving MCP servers whose secrets the server read back masked (`"**********"`, `"<redacted>"`).
 * A mask means "the stored value, unchanged", and only a server that restores masks can take one
 * back (docs/CURRENT-SERVERS.md §3.4): the agent-server's validation turns a mask into "no value",
 * so a masked `env` or `headers` entry would be deleted and a masked `auth.value` emptied.
 *
 * - {@link mcpPatch}: the agent-server's `PATCH`. An unchanged secret is left out of the merge
 *   patch, so the server keeps it; a mask is never sent.
 * - {@link secretsLostByReplacing}: for a server that replaces the whole map (older app servers,
 *   the wrapper-era agent-server), which masked values would be lost; the clients warn or refuse.
 *
 * Both name places with V0-style pointers (`/mcp_config/stdio_servers/0/env/API_KEY`), as the form
 * does (model/paths.ts): a server's pointer, then the field's path in its written entry
 * (`/headers/X-Key`, `/auth/value`, a rest field's own name). A V0 `api_key`, which is written as
 * bearer `auth`, is named `/api_key`.
 */
import { isRecord, ownKeys, readArray, readOwn, setOwn } from './json.js';
import { LIST_KEY } from './mcp-entry.js';
import { serverAt, serverKeys, writeEntry, writeServerMap, type ServerKey } from './mcp-map.js';
import { isMasked, type NamedMcpConfig, type NamedUrlServer } from './mcp-server.js';
import { mergePatch } from './merge-patch.js';
import { toPointer } from './pointer-join.js';

const MCP_POINTER = '/mcp_config';
const NO_SERVERS: NamedMcpConfig = { sse_servers: [], shttp_servers: [], stdio_servers: [] };

/** The path (segments) of every masked string in a JSON value, in arrays too. */
export function maskedPaths(value: unknown): string[][] {
  const out: string[][] = [];
  const walk = (node: unknown, path: string[]): void => {
    if (isMasked(node)) out.push(path);
    else if (Array.isArray(node)) readArray(node).forEach((item, i) => walk(item, [...path, String(i)]));
    else if (isRecord(node)) for (const key of ownKeys(node)) walk(readOwn(node, key), [...path, key]);
  };
  walk(value, []);
  return out;
}

/** The V0-style pointer of a place (`path`, in its written entry) in one of the config's servers. */
function formPointer(config: NamedMcpConfig, key: ServerKey, path: readonly string[]): string {
  const server = MCP_POINTER + '/' + LIST_KEY[key.kind] + '/' + String(key.index);
  if (key.kind !== 'stdio' && path[0] === 'auth') {
    const url = serverAt(config, key) as NamedUrlServer;
    // The written `auth` came from the V0 field (mcp-map.ts, writeEntry).
    if (url.x?.auth === undefined && url.api_key) return server + '/api_key';
  }
  return server + toPointer(path);
}

/**
 * The masked values that sending this whole map back would lose, on a server that does not restore
 * masks: their V0-style pointers, in the order the map is written. Empty when nothing is masked.
 */
export function secretsLostByReplacing(config: NamedMcpConfig | null): string[] {
  if (config === null) return [];
  return serverKeys(config).flatMap((key) =>
    maskedPaths(writeEntry(key.kind, serverAt(config, key))).map((path) => formPointer(config, key, path)),
  );
}

/** A mask in the desired config where the stored one has no masked value: there is nothing to keep. */
export interface MaskProblem {
  code: 'mask_not_stored';
  /** V0-style pointer into the desired config. */
  pointer: string;
}

export type McpPatchResult =
  /** `patch`: the `mcp_config` merge patch; `undefined` when nothing changed (send no `mcp_config`). */
  { ok: true; patch: Record<string, unknown> | undefined } | { ok: false; problems: MaskProblem[] };

/**
 * The merge patch (RFC 7386) of the flat maps, from what is stored to what is desired, for the
 * agent-server's `PATCH`: a server removed becomes `null`, and so does a removed header or env
 * key. A masked value in `desired` whose stored value (same server name, same place) is masked too
 * is unchanged, so it is left out and the server keeps its secret. A mask anywhere else (a new
 * server, a renamed one, a secret moved to another key or into a changed array) stands for no
 * value the server has: it is never sent, and the result lists where it is instead, for the person
 * to type the secret again. `null` for either config means no servers.
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
): McpPatchResult {
  const target = desired ?? NO_SERVERS;
  const before = writeServerMap(stored ?? NO_SERVERS, opaque);
  const after = writeServerMap(target, opaque);
  const patch = mergePatch(before, keepStoredMasks(before, after)) as Record<string, unknown> | undefined;
  if (patch === undefined) return { ok: true, patch };
  const keys = new Map(serverKeys(target, opaque).map((key) => [key.name, key]));
  const problems = maskedPaths(patch).map(([name = '', ...path]): MaskProblem => {
    const key = keys.get(name);
    return {
      code: 'mask_not_stored',
      pointer: key ? formPointer(target, key, path) : MCP_POINTER + toPointer([name, ...path]),
    };
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, patch };
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
