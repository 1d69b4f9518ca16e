/**
 * RFC 6901 JSON Pointers: the one way every layer names a place in the request body.
 * `data-path` attributes, 422 `loc` paths and client-side issues all meet as pointers.
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

/** `['a', 0, 'b/c']` -> `/a/0/b~1c`; `[]` -> `''` (the whole document). */
export function toPointer(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) out += '/' + escapeSegment(segment);
  return out;
}

/** The inverse of {@link toPointer}. Every segment comes back as a string, as RFC 6901 says. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new SyntaxError('A JSON Pointer is empty or starts with "/"');
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/** The pointer one level up, or `null` for the whole document. */
export function parentPointer(pointer: string): string | null {
  if (pointer === '') return null;
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

export function childPointer(pointer: string, segment: PathSegment): string {
  return pointer + '/' + escapeSegment(segment);
}
