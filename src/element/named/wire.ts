/**
 * The MCP conversion the newer APIs' clients take (contract/mcp-wire.ts), made of the map and
 * merge-patch modules. Where the patch would carry a mask it cannot keep (a secret of a renamed or
 * new server read back masked), the plain patch goes to the client, which finds those masks and
 * puts each on its field as "type it again": a mask is never sent as a value.
 */
import { applyMergePatch, mergePatch } from '../../contract/merge-patch.js';
import { readServerMap, writeServerMap } from '../../contract/mcp-map.js';
import { mcpPatch } from '../../contract/mcp-masks.js';
import type { NamedMcpConfig } from '../../contract/mcp-server.js';
import type { McpWire } from '../../contract/mcp-wire.js';

const NONE: NamedMcpConfig = { sse_servers: [], shttp_servers: [], stdio_servers: [] };

export const wire: McpWire = {
  read: (value) => readServerMap(value),
  write: (config) => writeServerMap(config) as Record<string, Record<string, unknown>>,
  patch(stored, desired) {
    const result = mcpPatch(stored, desired);
    if (result.ok) return result.patch;
    return mergePatch(writeServerMap(stored ?? NONE), writeServerMap(desired ?? NONE)) as Record<string, unknown>;
  },
  apply: applyMergePatch,
};
