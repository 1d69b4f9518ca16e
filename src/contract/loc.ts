/**
 * Where a server error is: FastAPI's `loc` turned into a JSON Pointer into the request body, and
 * a pointer turned into words for the error summary when no field on screen matches it.
 */
import { escapeSegment, fromPointer, KEY_SEGMENT } from './pointer.js';

/** pydantic v1 spells a map key's own location `__key__`; v2 spells it `[key]`. */
const V1_KEY_SEGMENT = '__key__';
/** pydantic v1's location for a model-level (root validator) error: the object itself. */
const V1_ROOT_SEGMENT = '__root__';
/** FastAPI request parts other than the body: their errors are not about any body field. */
const NON_BODY_SOURCES: ReadonlySet<string> = new Set(['query', 'header', 'path', 'cookie']);
/**
 * No location in this request body is deeper than `/mcp_config/stdio_servers/0/env/K/[key]`
 * (6 segments); anything past 32 is noise (or an attack) and is not walked.
 */
const MAX_SEGMENTS = 32;

/**
 * FastAPI `loc` -> RFC 6901 pointer into the request body. Never throws, always returns a string.
 *
 * - `["body", ...rest]`: the leading `"body"` is dropped and `rest` walked.
 * - `["query" | "header" | "path" | "cookie", ...]`: not about the body, so `''` (the whole request;
 *   the error is listed in the summary).
 * - Any other first segment: the loc is taken as already relative to the body (a pydantic error
 *   re-raised without FastAPI's prefix), so that it still lands on its field.
 * - Segments: strings are keys (any text, `__proto__` included, escaped per RFC 6901); `[key]`
 *   stays `[key]` and v1's `__key__` becomes `[key]`; non-negative safe integers are list
 *   indexes. The walk stops at the first segment that is none of these (a float, NaN, a negative
 *   or unsafe number, null, a boolean, an object, v1's `__root__`), so the error lands on the
 *   nearest meaningful ancestor instead of on a made-up field. Also stops after 32 segments.
 * - Not an array, or empty: `''`.
 */
export function locToPointer(loc: unknown): string {
  if (!Array.isArray(loc) || loc.length === 0) return '';
  let start = 0;
  const first: unknown = loc[0];
  if (first === 'body') start = 1;
  else if (typeof first === 'string' && NON_BODY_SOURCES.has(first)) return '';
  let pointer = '';
  const end = Math.min(loc.length, start + MAX_SEGMENTS);
  for (let i = start; i < end; i++) {
    const segment: unknown = loc[i];
    if (typeof segment === 'string') {
      if (segment === V1_ROOT_SEGMENT) break;
      pointer += '/' + escapeSegment(segment === V1_KEY_SEGMENT ? KEY_SEGMENT : segment);
    } else if (typeof segment === 'number' && Number.isSafeInteger(segment) && segment >= 0) {
      pointer += '/' + String(segment);
    } else {
      break;
    }
  }
  return pointer;
}

const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  bitbucket: 'Bitbucket',
  enterprise_sso: 'Enterprise SSO',
  azure_devops: 'Azure DevOps',
};
const SERVER_LISTS: Readonly<Record<string, string>> = {
  sse_servers: 'MCP SSE server',
  shttp_servers: 'MCP SHTTP server',
  stdio_servers: 'MCP stdio server',
};
const FIELD_NAMES: Readonly<Record<string, string>> = {
  token: 'token',
  host: 'host',
  user_id: 'user ID',
  url: 'URL',
  api_key: 'API key',
  name: 'name',
  command: 'command',
  args: 'arguments',
  env: 'environment variables',
};
const SEPARATOR = ' › ';
const MAX_KEY_CHARS = 40;

function own(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** A key as shown inside quotes: controls out, long keys shortened. */
function quoted(key: string): string {
  const plain = key.replace(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, '');
  const short = plain.length > MAX_KEY_CHARS ? plain.slice(0, MAX_KEY_CHARS) + '…' : plain;
  return `“${short}”`;
}

function isIndex(segment: string): boolean {
  return /^(?:0|[1-9][0-9]{0,15})$/.test(segment);
}

/** Words for one segment below a stdio server. */
function describeStdioTail(tail: readonly string[]): string[] {
  const [field, item, ...rest] = tail;
  if (field === undefined) return [];
  const words: string[] = [];
  if (field === 'args' && item !== undefined && isIndex(item)) {
    words.push(`argument ${Number(item) + 1}`);
  } else if (field === 'env' && item !== undefined) {
    words.push(`environment variable ${quoted(item)}`);
  } else {
    words.push(own(FIELD_NAMES, field) ?? quoted(field));
    if (item !== undefined) rest.unshift(item);
  }
  return words.concat(rest.map(genericSegment));
}

function genericSegment(segment: string): string {
  if (segment === KEY_SEGMENT) return 'name';
  if (isIndex(segment)) return `item ${Number(segment) + 1}`;
  return own(FIELD_NAMES, segment) ?? quoted(segment);
}

/**
 * A short readable location for a pointer into the request body, for the error summary when no
 * rendered field matches, e.g. `/mcp_config/stdio_servers/1/env/K` ->
 * `MCP stdio server 2 › environment variable “K”`. `''` -> `Request`; a number at the top
 * (`/17`, json_invalid's character offset) -> `Request body (character 17)`. A map key's own
 * location (`[key]`) reads `name`. Never throws: an invalid pointer reads `Request`.
 */
export function describePointer(pointer: string): string {
  let segments: string[];
  try {
    segments = fromPointer(String(pointer));
  } catch {
    return 'Request';
  }
  const [top, second, third, ...tail] = segments;
  if (top === undefined) return 'Request';
  if (segments.length === 1 && isIndex(top)) return `Request body (character ${top})`;
  const words: string[] = [];
  if (top === 'provider_tokens') {
    if (second === undefined) return 'Git provider tokens';
    words.push(own(PROVIDER_NAMES, second) ?? `Provider ${quoted(second)}`);
    if (third !== undefined) words.push(genericSegment(third), ...tail.map(genericSegment));
  } else if (top === 'mcp_config') {
    if (second === undefined) return 'MCP configuration';
    const list = own(SERVER_LISTS, second);
    if (list === undefined) {
      words.push('MCP configuration', quoted(second));
      if (third !== undefined) words.push(genericSegment(third), ...tail.map(genericSegment));
    } else if (third === undefined) {
      words.push(`${list}s`);
    } else if (isIndex(third)) {
      words.push(`${list} ${Number(third) + 1}`, ...(second === 'stdio_servers' ? describeStdioTail(tail) : tail.map(genericSegment)));
    } else {
      words.push(`${list}s`, genericSegment(third), ...tail.map(genericSegment));
    }
  } else {
    words.push('Request', ...segments.map(genericSegment));
  }
  return words.join(SEPARATOR);
}
