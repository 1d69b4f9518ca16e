/**
 * RFC 6901 JSON Pointers made from segments, and from one another (pointer.ts has the segments'
 * escaping and the reading of a pointer). Apart from pointer.ts because only what loads on demand
 * makes them: the checks, the reading of a server's answer, the newer APIs' clients.
 */
import { escapeSegment, type PathSegment } from './pointer.js';

/** `['a', 0, 'b/c']` -> `/a/0/b~1c`; `[]` -> `''` (the whole document). */
export function toPointer(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) out += '/' + escapeSegment(segment);
  return out;
}

/** The pointer one level up, or `null` for the whole document. */
export function parentPointer(pointer: string): string | null {
  if (pointer === '') return null;
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

export function childPointer(pointer: string, segment: PathSegment): string {
  return pointer + '/' + escapeSegment(segment);
}
