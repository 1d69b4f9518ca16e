/**
 * RFC 7386 JSON Merge Patch, both ways: the patch that turns one JSON value into another, and the
 * application of a patch. The agent-server's `PATCH` settings take one: a patch names only what
 * changed, so what it leaves out (a masked secret, a server nobody touched) stays as stored.
 *
 * Values are JSON (what `JSON.parse` gives). Objects are read through own keys only and written
 * with `setOwn`, so `__proto__`, `constructor` and the like are data, never a prototype.
 *
 * The RFC's one limit: in a patch, `null` means "remove this member", so a member whose value is
 * `null` cannot be set. {@link mergePatch} therefore gives the patch to `after` less its null
 * members (those inside arrays stay: an array is replaced whole). For the MCP maps that is no
 * loss: every field the SDK's `MCPServer` has defaults to `None`, so a null member and an absent
 * one mean the same there.
 */
import { isRecord, ownKeys, readArray, readOwn, setOwn } from './json.js';

type JsonObject = Record<string, unknown>;

function hasOwn(value: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** A deep copy: own enumerable keys only, `__proto__` kept as a key. */
export function cloneJson(value: unknown): unknown {
  if (Array.isArray(value)) return readArray(value).map(cloneJson);
  if (!isRecord(value)) return value;
  const out: JsonObject = {};
  for (const key of ownKeys(value)) setOwn(out, key, cloneJson(readOwn(value, key)));
  return out;
}

/** Deep equality of JSON values (key order does not count; array order does). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = ownKeys(a);
  if (keys.length !== ownKeys(b).length) return false;
  return keys.every((key) => hasOwn(b, key) && jsonEqual(readOwn(a, key), readOwn(b, key)));
}

/** `value` with the null members of its objects left out, at every depth outside arrays. */
function withoutNullMembers(value: unknown): unknown {
  if (!isRecord(value)) return cloneJson(value);
  const out: JsonObject = {};
  for (const key of ownKeys(value)) {
    const member = readOwn(value, key);
    if (member !== null) setOwn(out, key, withoutNullMembers(member));
  }
  return out;
}

/**
 * The merge patch that turns `before` into `after` (less `after`'s null members, see above), or
 * `undefined` when there is nothing to change (`undefined` is no JSON value, so it cannot be
 * mistaken for a patch). Objects are compared member by member: a changed member is patched, a
 * removed one becomes `null`; arrays and scalars are replaced whole.
 */
export function mergePatch(before: unknown, after: unknown): unknown {
  if (!isRecord(after)) return jsonEqual(before, after) ? undefined : cloneJson(after);
  // Applied to anything but an object, an object patch starts from `{}`: `after` itself is the patch.
  if (!isRecord(before)) return withoutNullMembers(after);
  const patch: JsonObject = {};
  const afterKeys = new Set(ownKeys(after));
  for (const key of ownKeys(before)) if (!afterKeys.has(key)) setOwn<unknown>(patch, key, null);
  for (const key of afterKeys) {
    const next = readOwn(after, key);
    const present = hasOwn(before, key);
    const previous = readOwn(before, key);
    if (next === null) {
      // Not expressible; removing the member is the nearest (and, in our maps, the same).
      if (present && previous !== null) setOwn<unknown>(patch, key, null);
      continue;
    }
    const change = present ? mergePatch(previous, next) : withoutNullMembers(next);
    if (change !== undefined) setOwn<unknown>(patch, key, change);
  }
  return ownKeys(patch).length > 0 ? patch : undefined;
}

/** RFC 7386's MergePatch(target, patch), on a copy: `target` is not changed. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return cloneJson(patch);
  return patchInto(isRecord(target) ? (cloneJson(target) as JsonObject) : {}, patch);
}

/** Applies `patch` to `target` in place; `target` is the caller's own copy. */
function patchInto(target: JsonObject, patch: JsonObject): JsonObject {
  for (const key of ownKeys(patch)) {
    const change = readOwn(patch, key);
    if (change === null) {
      // `delete` only ever removes an own member: an inherited `__proto__` is not touched.
      if (hasOwn(target, key)) delete target[key];
      continue;
    }
    const current = readOwn(target, key);
    setOwn(target, key, isRecord(change) ? patchInto(isRecord(current) ? current : {}, change) : cloneJson(change));
  }
  return target;
}
