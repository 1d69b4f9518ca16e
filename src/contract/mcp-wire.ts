/**
 * What the newer APIs' clients need of the MCP wire conversion (the form's `NamedMcpConfig` to and
 * from the name-keyed map the V1 app server and the agent-server store, docs/CURRENT-SERVERS.md
 * §3). The conversion lives in its own modules; the clients take it as this interface, so each
 * side is tested on its own and the element wires them together when it loads a client.
 * Types only, besides {@link guardWire}.
 */
import type { NamedMcpConfig } from './mcp-server.js';
import type { SubmitResult } from './result.js';

export interface McpWire {
  /**
   * A stored `mcp_config` as the server answered it, flat (`{name: server}`) or wrapped
   * (`{"mcpServers": {...}}`, `wrapped: true`); null when it is neither (absent, `null`, malformed).
   */
  read(value: unknown): { wrapped: boolean; config: NamedMcpConfig } | null;
  /** The flat map, keyed by server name, in the shape the servers store. */
  write(config: NamedMcpConfig): Record<string, Record<string, unknown>>;
  /**
   * An RFC 7386 merge patch of the flat maps that turns `stored` into `desired`: a removed server
   * or field is `null`, a value still masked where it was stored masked (unchanged) is left out. A
   * mask left in it stands for no stored value: the client never sends it (it asks for the secret).
   * `undefined`: nothing to change.
   */
  patch(stored: NamedMcpConfig | null, desired: NamedMcpConfig | null): Record<string, unknown> | undefined;
  /** RFC 7386: `patch` applied to `target` (neither is changed; the result is new). */
  apply(target: unknown, patch: unknown): unknown;
}

/** Raised by {@link guardWire} when the conversion itself fails, so a client can say so in words. */
export class WireError extends Error {}

/**
 * An MCP save that ends in a result whatever happens: a conversion that failed ({@link WireError})
 * is `refused` (nothing was sent), anything else thrown a failed request.
 */
export async function saveSettled(save: () => Promise<SubmitResult>): Promise<SubmitResult> {
  try {
    return await save();
  } catch (error) {
    if (!(error instanceof WireError)) return { kind: 'network', message: 'The request could not be made.' };
    return {
      kind: 'refused',
      message: 'The MCP servers could not be written in the form this server stores, so nothing was sent.',
    };
  }
}

/**
 * The conversion with every throw turned into a {@link WireError}: it is another module's code
 * running on untrusted data, and a client must end in a typed result, never a rejection.
 */
export function guardWire(mcp: McpWire): McpWire {
  const guard =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return f(...args);
      } catch {
        throw new WireError('The MCP servers could not be converted.');
      }
    };
  return {
    read: guard((value) => mcp.read(value)),
    write: guard((config) => mcp.write(config)),
    patch: guard((stored, desired) => mcp.patch(stored, desired)),
    apply: guard((target, patch) => mcp.apply(target, patch)),
  };
}
