/**
 * RFC 6901 JSON Pointers: the one way every layer names a place in the request body.
 * `data-path` attributes, 422 `loc` paths and client-side issues all meet as pointers.
 *
 * What the form needs to show itself (a segment escaped, the key segment) and the reading of a
 * pointer; a pointer made from segments or from another is pointer-join.ts, which only what loads
 * on demand uses.
 */

export type PathSegment = string | number;

/** The segment that names a map entry's key rather than its value (pydantic v2 spells it so in `loc`). */
export const KEY_SEGMENT = '[key]';

export function escapeSegment(segment: PathSegment): string {
  // A number's text never holds `~` or `/` (and the data-path of every row and field passes here).
  if (typeof segment === 'number') return String(segment);
  const text = String(segment);
  // Most keys need no escaping; skipping the two replaces matters when thousands of issues are placed.
  if (!text.includes('~') && !text.includes('/')) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  // As in escapeSegment: a 422 can carry thousands of pointers, and almost no segment has a `~`.
  if (!segment.includes('~')) return segment;
  // Order matters: `~01` must decode to `~1`, not `/`.
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A pointer's segments (the inverse of `toPointer`, pointer-join.ts). Every segment comes back as a string, as RFC 6901 says. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new SyntaxError('A JSON Pointer is empty or starts with "/"');
  return pointer.slice(1).split('/').map(unescapeSegment);
}
