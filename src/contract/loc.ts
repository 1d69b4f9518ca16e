/**
 * Where a server error is: FastAPI's `loc` turned into a JSON Pointer into the request body.
 * (Naming a place for people is the element's job: see element/describe-location.ts.)
 */
import { escapeSegment, KEY_SEGMENT } from './pointer.js';

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
  const end = Math.min(loc.length, start + MAX_SEGMENTS);
  // Joined once at the end: a pointer grown segment by segment leaves a chain of partial strings
  // that is copied flat on first use (a third more garbage per loc, and a 422 carries thousands).
  const parts = new Array<string>(end - start + 1);
  parts[0] = '';
  let count = 1;
  for (let i = start; i < end; i++) {
    const segment: unknown = loc[i];
    if (typeof segment === 'string') {
      if (segment === V1_ROOT_SEGMENT) break;
      parts[count++] = escapeSegment(segment === V1_KEY_SEGMENT ? KEY_SEGMENT : segment);
    } else if (typeof segment === 'number' && Number.isSafeInteger(segment) && segment >= 0) {
      parts[count++] = String(segment);
    } else {
      break;
    }
  }
  if (count === 1) return '';
  parts.length = count;
  return parts.join('/');
}
