/**
 * The MCP server as today's OpenHands servers store it (docs/CURRENT-SERVERS.md, §3): one entry of
 * a map keyed by the server's name, with a transport, headers, an auth strategy and, on some
 * servers, `enabled`. V0 stores less (three lists, a URL server has no name), so the form keeps
 * V0's shapes and lays what the newer APIs add over each server as `x`: one model, converted to
 * each wire shape at the client's edge. Types only, besides the masks.
 */
import type { StdioServer, UrlServer } from './schema.js';

/** How a server is reached. `http` is streamable HTTP (V0's `shttp_servers`). */
export type McpTransport = 'sse' | 'http' | 'stdio';

/** `auth` of a remote server (SDK `MCPServer.auth`, discriminated by `strategy`). */
export type McpAuth =
  | { strategy: 'none' }
  /** With `header_name` the value goes in that header; without, it is sent as a bearer token. */
  | { strategy: 'api_key'; value: string; header_name?: string | null }
  | { strategy: 'bearer'; value: string }
  | { strategy: 'basic'; username: string; password: string }
  | { strategy: 'header'; headers: Record<string, string> }
  /** Shown, never edited: sent back exactly as read. */
  | { strategy: 'oauth2'; [field: string]: unknown };

export type AuthStrategy = McpAuth['strategy'];

/** What a newer API stores for a server besides V0's fields. Absent on V0. */
export interface ServerExtras {
  /** The server's key in the map. Stdio servers keep theirs in `name`; this is for URL servers. */
  name?: string;
  headers?: Record<string, string>;
  auth?: McpAuth;
  /** `false`: kept, but not started. Absent: the server's default (on). */
  enabled?: boolean;
  /** Fields the form does not edit (`description`, `timeout`, `cwd`, ...): sent back as they were read. */
  rest?: Record<string, unknown>;
}

export type NamedUrlServer = UrlServer & { x?: ServerExtras };
export type NamedStdioServer = StdioServer & { x?: ServerExtras };

/** V0's three lists, each server with what the newer APIs add. */
export interface NamedMcpConfig {
  sse_servers: NamedUrlServer[];
  shttp_servers: NamedUrlServer[];
  stdio_servers: NamedStdioServer[];
}

/**
 * The values a server reads a stored secret back as. `**********` is the SDK's mask
 * (`REDACTED_SECRET_VALUE`); older agent-servers also write `<redacted>` (`sanitize_dict`); a header
 * may read back masked after its scheme (`Bearer **********`, which the newest app server restores
 * as it restores the bare mask). A value equal to one of them means "the stored value, unchanged":
 * never sent back as a new value. No real secret is ten asterisks.
 */
/** The SDK's mask (`REDACTED_SECRET_VALUE`). */
export const MASK = '**********';

export const SECRET_MASKS: readonly string[] = [MASK, '<redacted>'];

/**
 * A server's own name, its key in the map: a stdio server's `name`, a URL server's `x.name`, as
 * written (a stored key is kept byte for byte, even an empty one); undefined when it has none: it
 * is then named after its host when written (mcp-map.ts). The name field of the form leaves no
 * empty name behind (named/extras.ts).
 */
export function ownName(server: unknown, stdio: boolean): string | undefined {
  if (typeof server !== 'object' || server === null) return undefined;
  const holder: unknown = stdio
    ? server
    : Object.prototype.hasOwnProperty.call(server, 'x')
      ? (server as { x: unknown }).x
      : undefined;
  if (typeof holder !== 'object' || holder === null || !Object.prototype.hasOwnProperty.call(holder, 'name'))
    return undefined;
  const name: unknown = (holder as { name: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** A scheme, a space and the mask: `Bearer **********`. */
const SCHEME_MASK = /^[A-Za-z][A-Za-z0-9_-]{0,31} \*{10}$/;

export function isMasked(value: unknown): boolean {
  return typeof value === 'string' && (SECRET_MASKS.includes(value) || SCHEME_MASK.test(value));
}
