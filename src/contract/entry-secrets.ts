/**
 * Where the secrets of a written MCP server entry are (an entry as the newer APIs store it:
 * `{url, headers, auth, ...}` or `{command, args, env, ...}`), for the two things every newer
 * client and tester does with them: find the ones read back masked, and redact the typed ones
 * from anything a server says. One walk of untrusted JSON, bounded, for every caller.
 */
import { isRecord, ownKeys, readArray, readOwn } from './json.js';
import { isMasked } from './mcp-server.js';
import { toPointer } from './pointer-join.js';
import type { McpWire } from './mcp-wire.js';
import type { SaveContent } from './settings-api.js';

/** No server field nests deeper than `auth.authentication.<field>.<item>`; a deeper walk is noise. */
const MAX_DEPTH = 8;
/** A hostile configuration cannot make a walk long: at most this many leaves are visited. */
export const MAX_LEAVES = 10_000;

/** How many more leaves a walk (or several sharing it) may visit. */
export interface LeafBudget {
  n: number;
}

/**
 * Calls `visit` with every leaf of `value` (anything but an array or an object) and its path,
 * arrays by index; nothing deeper than {@link MAX_DEPTH}, and at most `budget.n` leaves (walks
 * over the parts of one value share a budget: {@link MAX_LEAVES} for the whole of it).
 */
export function walkLeaves(
  value: unknown,
  visit: (path: string[], leaf: unknown) => void,
  budget: LeafBudget = { n: MAX_LEAVES },
): void {
  const walk = (node: unknown, path: string[]): void => {
    if (budget.n <= 0) return;
    const list = Array.isArray(node);
    if (!list && !isRecord(node)) {
      budget.n--;
      visit(path, node);
      return;
    }
    if (path.length >= MAX_DEPTH) return;
    if (list) readArray(node).forEach((item, i) => walk(item, [...path, String(i)]));
    else for (const key of ownKeys(node)) walk(readOwn(node, key), [...path, key]);
  };
  walk(value, []);
}

/**
 * The pointer, relative to the server's in the form, of a place in its written entry: the path as
 * it is (`/env/API_KEY`, `/headers/X-Key`), but `/api_key` for the bearer `auth` a V0 API key is
 * written as (mcp-map.ts) when a URL server has no `auth` of its own.
 */
export function entryFieldPointer(server: unknown, url: boolean, path: readonly string[]): string {
  if (url && path[0] === 'auth' && readOwn(readOwn(server, 'x'), 'auth') === undefined) {
    const apiKey = readOwn(server, 'api_key');
    if (typeof apiKey === 'string' && apiKey !== '') return '/api_key';
  }
  return toPointer(path);
}

/** Fields of `auth` itself (not of its `headers`) that are not secrets: shown in the form as they are. */
const AUTH_NOT_SECRET: ReadonlySet<string> = new Set(['strategy', 'header_name', 'username']);

/** The strings of an entry that hold secrets: env and header values, and `auth` but its names. */
function secretLeaves(entry: unknown): { path: string[]; value: string }[] {
  const leaves: { path: string[]; value: string }[] = [];
  walkLeaves(
    { env: readOwn(entry, 'env'), headers: readOwn(entry, 'headers'), auth: readOwn(entry, 'auth') },
    (path, value) => {
      if (typeof value !== 'string') return;
      if (path[0] === 'auth' && path.length === 2 && AUTH_NOT_SECRET.has(path[1] ?? '')) return;
      leaves.push({ path, value });
    },
  );
  return leaves;
}

/** The paths (in the written entry) of every secret shown masked. */
export function maskedSecretPaths(entry: unknown): string[][] {
  return secretLeaves(entry)
    .filter((leaf) => isMasked(leaf.value))
    .map((leaf) => leaf.path);
}

/**
 * Every secret of a written entry, to redact from messages: env and header values, `auth` values
 * (not its strategy, header name or user name), and the URL's password and query values. Masks
 * are not secrets.
 */
export function entrySecrets(entry: unknown): string[] {
  const secrets = secretLeaves(entry)
    .map((leaf) => leaf.value)
    .filter((value) => value !== '' && !isMasked(value));
  const url = readOwn(entry, 'url');
  if (typeof url === 'string') {
    try {
      const parsed = new URL(url);
      if (parsed.password !== '') secrets.push(parsed.password, decodeURIComponentSafe(parsed.password));
      for (const [, value] of parsed.searchParams) if (value !== '') secrets.push(value);
    } catch {
      // Not a URL: nothing in it is known to be a secret.
    }
  }
  return secrets;
}

/**
 * Every secret typed in the MCP servers a save sends, as {@link entrySecrets} finds them in each
 * written entry: what no message about the save may quote.
 */
export function typedSecrets(wire: Pick<McpWire, 'write'>, content: Pick<SaveContent, 'servers'>): string[] {
  if (content.servers === null) return [];
  const map = wire.write(content.servers);
  return ownKeys(map).flatMap((name) => entrySecrets(readOwn(map, name)));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
