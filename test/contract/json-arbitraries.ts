/**
 * fast-check arbitraries for JSON values and awkward keys, shared by the contract's property tests
 * (merge patches, the MCP server map). Objects are built with own keys even for `__proto__`.
 */
import fc from 'fast-check';

/**
 * Keys that have broken code before: prototype names, RFC 6901's escapes, dots, slashes, the
 * form's own segment names, empty, unicode, direction and NUL characters.
 */
export const AWKWARD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'toJSON',
  '',
  ' ',
  '.',
  'a.b',
  'a/b',
  '/',
  '~',
  '~0',
  '~1',
  '~01',
  '[key]',
  '__key__',
  '__root__',
  '0',
  '10',
  '-1',
  'ключ',
  '😀',
  'e\u0301',
  '\u202e',
  '\u0000',
] as const;

/**
 * Keys json-merge-patch 1.0.2 cannot take: it stops at `__proto__`, `constructor` and `prototype`
 * (returning a half-patched target), and calls `target.hasOwnProperty`, which an own
 * `hasOwnProperty` member replaces. Left out where it is the reference; ours is tested on them alone.
 */
export const REFERENCE_BLIND_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty'];

/** A few keys often (so that two values share members), awkward ones, and any string. */
export const anyKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'c') },
  { weight: 2, arbitrary: fc.constantFrom(...AWKWARD_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
);

/** An object with exactly these own keys, `__proto__` included (plain assignment would set the prototype). */
export function objectOf<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of entries)
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Unique-keyed entries made into an object. */
export function recordOf<T>(value: fc.Arbitrary<T>, key: fc.Arbitrary<string> = anyKey, maxLength = 4) {
  return fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength }).map(objectOf);
}

export interface JsonOptions {
  key?: fc.Arbitrary<string>;
  /** Whether `null` may appear (anywhere). */
  nulls?: boolean;
  maxDepth?: number;
}

/** Any JSON value. Integers only: JSON has no `-0` to tell from `0`, and chai does. */
export function jsonValue({ key = anyKey, nulls = true, maxDepth = 3 }: JsonOptions = {}): fc.Arbitrary<unknown> {
  const scalars: fc.Arbitrary<unknown>[] = [fc.boolean(), fc.integer({ min: -5, max: 5 }), fc.string({ maxLength: 4 })];
  if (nulls) scalars.push(fc.constant(null));
  const scalar = fc.oneof(...scalars);
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { maxDepth, depthIdentifier: 'json' },
      scalar,
      fc.array(tie('value'), { maxLength: 3 }),
      recordOf(tie('value'), key),
    ),
  }));
  return value;
}

/** A JSON object (what merge patches are mostly about). */
export function jsonObject(options: JsonOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  return recordOf(jsonValue(options), options.key ?? anyKey);
}

/** The own property names of Object.prototype and its prototype: changes when something pollutes it. */
export function prototypeState(): string {
  return JSON.stringify([Object.getOwnPropertyNames(Object.prototype).sort(), Object.getPrototypeOf(Object.prototype)]);
}

/** JSON text with every object's keys sorted, spelled out: equal texts, equal values, and an own `__proto__` cannot slip past deep equality. */
export function sortedJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map(sortedJson).join(',') + ']';
  const keys = Object.keys(value).sort();
  return (
    '{' + keys.map((k) => JSON.stringify(k) + ':' + sortedJson((value as Record<string, unknown>)[k])).join(',') + '}'
  );
}

/** `value` less the null members of its objects (outside arrays): what a merge patch can reach (it cannot set a null). */
export function stripNullMembers(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return objectOf(
    Object.entries(value)
      .filter(([, member]) => member !== null)
      .map(([key, member]) => [key, stripNullMembers(member)] as const),
  );
}
