/**
 * The draft: what the person typed, as rows with stable ids. Ids never change while a row
 * lives, so keyed rendering and error attachment survive inserts, removals and reordering.
 * Pure TypeScript: no DOM.
 */
import type { ServerExtras } from '../contract/mcp-server.js';
import type { StdioServerContent, UrlServerContent } from './from-body.js';
import type { IdSource } from './ids.js';

/** The providers the form shows when not told which (the element's `providers`). */
export const DEFAULT_PROVIDERS: readonly string[] = ['github', 'gitlab', 'bitbucket'];

/** The kinds of MCP server, in the order the form shows them. */
export const SERVER_KINDS = ['sse', 'shttp', 'stdio'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/**
 * The one table of server kinds: the key of each kind's list in `mcp_config`. (Its section's id is
 * `SECTION_IDS[kind]`, its dirty-tracking list `'list:' + kind`.)
 */
export const SERVER_LIST_KEYS = { sse: 'sse_servers', shttp: 'shttp_servers', stdio: 'stdio_servers' } as const;

/** The kind whose list `key` is in `mcp_config`, if any. */
export function kindOfList(key: string): ServerKind | undefined {
  return SERVER_KINDS.find((kind) => SERVER_LIST_KEYS[kind] === key);
}

export interface ProviderRow {
  id: string;
  /** The provider's key in `provider_tokens` (`github`, `azure_devops`, ...). Not editable. */
  provider: string;
  /** A newly typed token; `''` means "keep what is stored" (sent as `token: null`). */
  token: string;
  host: string;
  /** True when the server has a token stored for this provider (from `settings`). */
  stored: boolean;
  /** The stored host, for dirty tracking and "stored" display. */
  storedHost: string | null;
  /** The person asked to delete the stored token: the provider is left out of the next save. */
  removed: boolean;
}

export interface UrlServerRow {
  id: string;
  url: string;
  apiKey: string;
  /** What a newer server API stores besides (contract/mcp-server.ts); replaced whole on each edit. */
  x?: ServerExtras;
}

export interface ArgRow {
  id: string;
  value: string;
}

export interface EnvRow {
  id: string;
  key: string;
  value: string;
}

export interface StdioServerRow {
  id: string;
  name: string;
  command: string;
  args: ArgRow[];
  env: EnvRow[];
  x?: ServerExtras;
}

/** A row, with a fresh id, for a server read from outside (from-body.ts). */
export function newUrlRow(content: UrlServerContent, ids: IdSource): UrlServerRow {
  return { id: ids.next(), url: content.url, apiKey: content.apiKey, x: content.x };
}

export function newStdioRow(content: StdioServerContent, ids: IdSource): StdioServerRow {
  return {
    id: ids.next(),
    name: content.name,
    command: content.command,
    args: content.args.map((value) => ({ id: ids.next(), value })),
    env: content.env.map(([key, value]) => ({ id: ids.next(), key, value })),
    x: content.x,
  };
}

export interface Draft {
  providers: ProviderRow[];
  sse: UrlServerRow[];
  shttp: UrlServerRow[];
  stdio: StdioServerRow[];
  /** Whether the baseline had an `mcp_config` object (so an empty form still sends one). */
  mcpPresent: boolean;
}

/** The MCP servers of a draft: what the stored baseline keeps of them too. */
export type McpDraft = Omit<Draft, 'providers'>;

/** Where an error sits: a row (or section) id and a field of it. `field: ''` is the row/group itself. */
export interface ErrorTarget {
  rowId: string;
  field: string;
}

/** Fixed ids for the groups that are not rows. */
export const SECTION_IDS = {
  providerTokens: 'section:provider_tokens',
  mcpConfig: 'section:mcp_config',
  sse: 'section:sse_servers',
  shttp: 'section:shttp_servers',
  stdio: 'section:stdio_servers',
} as const;
