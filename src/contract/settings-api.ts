/**
 * The save's seam: what the save controller asks of a server API, whichever answers (V0, the V1
 * app server, the agent-server). Each operation resolves to a typed result and never rejects.
 */
import type { ConnectionOptions, GetStoredSettingsResult } from './http.js';
import type { NamedMcpConfig } from './mcp-server.js';
import type { SubmitResult } from './result.js';
import type { ProviderSettingsBody } from './schema.js';

/** The server APIs the element speaks (README, "Server APIs"). */
export type ApiKind = 'v0' | 'v1' | 'agent-server';
/** The element's `api`: one of them, or `auto`, the one that answers. */
export type ApiChoice = 'auto' | ApiKind;

/** Where requests go, with which API the element speaks and where to say which one answered. */
export interface ApiConnection extends ConnectionOptions {
  api?: ApiChoice;
  /** Told the API in use once it is known, with the module of the newer APIs when it is one of them. */
  found?(api: ApiKind, named?: unknown): void;
}

/** What a save sends, and what the form took as stored when it began. */
export interface SaveContent {
  /** The V0 request body: the token map, and the MCP servers in V0's lists. */
  body: ProviderSettingsBody;
  /** The same MCP servers with what the newer APIs store besides (`x`); null: no MCP configuration. */
  servers: NamedMcpConfig | null;
  /** What was stored when the save began: the baseline a merge patch is computed from. */
  stored: {
    /** Providers with a stored token, each with its stored host; null: not known. */
    providers: Readonly<Record<string, string | null>> | null;
    servers: NamedMcpConfig | null;
  };
}

export interface SettingsApi {
  /**
   * What is stored: the token set and the MCP servers (`not-found`: no settings record).
   * `secrets`: values typed in the form, redacted from whatever the server says.
   */
  load(signal: AbortSignal, secrets?: readonly string[]): Promise<GetStoredSettingsResult>;
  /** Stores the token map of `content.body` (which replaces the stored one on V0 and V1). */
  saveTokens(content: SaveContent, signal: AbortSignal): Promise<SubmitResult>;
  /** Stores the MCP servers, leaving every other stored setting as it is. */
  saveMcp(content: SaveContent, signal: AbortSignal): Promise<SubmitResult>;
  /**
   * What this API refuses of the MCP servers from the content alone (shared names, incomplete auth),
   * asked of a save that changes them before its review and before any request: a refusal sends
   * nothing, tokens included. null: nothing refused. Absent: nothing is refused up front (V0).
   */
  checkMcp?(content: SaveContent, signal: AbortSignal): Promise<SubmitResult | null>;
}
