/**
 * A small, local MCP wire conversion for the clients' tests (the real one is another module's):
 * flat or wrapped maps in, the form's three lists out; a merge patch that leaves masked values
 * out; RFC 7386 apply. Enough of the shape for the clients' logic, nothing more.
 */
import { isRecord } from '../../src/contract/json.js';
import type { McpWire } from '../../src/contract/mcp-wire.js';
import { isMasked, type NamedMcpConfig, type ServerExtras } from '../../src/contract/mcp-server.js';

const empty = (): NamedMcpConfig => ({ sse_servers: [], shttp_servers: [], stdio_servers: [] });

function extras(fields: Record<string, unknown>, name?: string): ServerExtras | undefined {
  const { headers, auth, ...rest } = fields;
  const x: ServerExtras = {};
  if (name !== undefined) x.name = name;
  if (isRecord(headers)) x.headers = headers as Record<string, string>;
  if (isRecord(auth)) x.auth = auth as ServerExtras['auth'];
  if (Object.keys(rest).length > 0) x.rest = rest;
  return Object.keys(x).length > 0 ? x : undefined;
}

function read(value: unknown): { wrapped: boolean; config: NamedMcpConfig } | null {
  if (!isRecord(value)) return null;
  const wrapped = isRecord(value['mcpServers']);
  const map = wrapped ? (value['mcpServers'] as Record<string, unknown>) : value;
  const config = empty();
  for (const [name, server] of Object.entries(map)) {
    if (!isRecord(server)) continue;
    const { command, args, env, url, transport, api_key, ...more } = server;
    if (typeof command === 'string') {
      const x = extras(more);
      config.stdio_servers.push({
        name,
        command,
        args: (args as string[]) ?? [],
        env: (env as Record<string, string>) ?? {},
        ...(x ? { x } : {}),
      });
    } else if (typeof url === 'string') {
      const list = transport === 'sse' ? config.sse_servers : config.shttp_servers;
      const x = extras(more, name);
      list.push({ url, ...(typeof api_key === 'string' ? { api_key } : {}), ...(x ? { x } : {}) });
    }
  }
  return { wrapped, config };
}

function write(config: NamedMcpConfig): Record<string, Record<string, unknown>> {
  const map: Record<string, Record<string, unknown>> = {};
  const more = (x: ServerExtras | undefined) => ({
    ...(x?.rest ?? {}),
    ...(x?.headers ? { headers: x.headers } : {}),
    ...(x?.auth ? { auth: x.auth } : {}),
  });
  for (const s of config.stdio_servers) map[s.name] = { command: s.command, args: s.args, env: s.env, ...more(s.x) };
  for (const [list, transport] of [
    [config.sse_servers, 'sse'],
    [config.shttp_servers, 'http'],
  ] as const)
    for (const s of list)
      map[s.x?.name ?? s.url] = {
        transport,
        url: s.url,
        ...(s.api_key ? { api_key: s.api_key } : {}),
        ...more(s.x),
      };
  return map;
}

function diff(a: unknown, b: unknown): unknown {
  if (isRecord(a) && isRecord(b)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(a)) if (!(key in b)) out[key] = null;
    for (const key of Object.keys(b)) {
      const d = diff(a[key], b[key]);
      if (d !== undefined) out[key] = d;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (isMasked(b)) return undefined;
  return JSON.stringify(a) === JSON.stringify(b) ? undefined : b;
}

function apply(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = apply(out[key], value);
  }
  return out;
}

export const fakeWire: McpWire = {
  read,
  write,
  patch: (stored, desired) =>
    diff(write(stored ?? empty()), write(desired ?? empty())) as Record<string, unknown> | undefined,
  apply,
};
