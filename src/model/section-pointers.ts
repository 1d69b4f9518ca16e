/**
 * Each section's pointer by its row id (draft.ts, `SECTION_IDS`): how the error list names an
 * error on a section. Built from paths.ts's pointers; apart from it because only the error list
 * (on demand) looks a section up by id.
 */
import { SECTION_IDS, SERVER_KINDS } from './draft.js';
import { listPointer, MCP_POINTER, PROVIDERS_POINTER } from './paths.js';

/** Each section's pointer, by its row id (model/draft.ts, `SECTION_IDS`). */
export const SECTION_POINTERS: ReadonlyMap<string, string> = new Map([
  [SECTION_IDS.providerTokens, PROVIDERS_POINTER],
  [SECTION_IDS.mcpConfig, MCP_POINTER],
  ...SERVER_KINDS.map((kind): [string, string] => [SECTION_IDS[kind], listPointer(kind)]),
]);
