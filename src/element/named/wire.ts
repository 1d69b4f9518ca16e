/**
 * The MCP conversion the newer APIs' clients take (contract/mcp-wire.ts), made of the map and
 * merge-patch modules. A mask the patch cannot leave out (a secret of a renamed or new server
 * read back masked) stays in it for the client to find and put on its field as "type it again":
 * a mask is never sent as a value.
 */
import { applyMergePatch } from '../../contract/merge-patch.js';
import { readServerMap, writeServerMap } from '../../contract/mcp-map.js';
import { mcpPatch } from '../../contract/mcp-masks.js';
import type { McpWire } from '../../contract/mcp-wire.js';

export const wire: McpWire = {
  read: (value) => readServerMap(value),
  write: (config) => writeServerMap(config) as Record<string, Record<string, unknown>>,
  patch: (stored, desired) => mcpPatch(stored, desired),
  apply: applyMergePatch,
};
