/**
 * The one place for reading values that came from outside: JSON the server sent, a host page's
 * `value` or `settings`, a pasted configuration. Parsing never throws (parse-json.ts, which only
 * the reading of a server's answer needs, so it loads on demand); values are read through
 * own-property checks only, so a body's `__proto__`, `constructor` or `toString` keys are plain
 * data, a polluted `Object.prototype` can never inject form content, and a throwing getter or
 * Proxy trap (a host page's object) counts as absent instead of breaking the form.
 */

export type UnknownRecord = Record<string, unknown>;

/** An object (not an array, not null): a JSON object, or a host page's plain object. */
export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `value[key]` when `value` is an object that has `key` as an own property; otherwise `undefined`.
 * An own `__proto__` (as JSON.parse creates it) shadows the inherited accessor, so it reads as data.
 */
export function readOwn(value: unknown, key: string): unknown {
  if (!isRecord(value)) return undefined;
  try {
    return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
  } catch {
    return undefined;
  }
}

/** The own enumerable keys of an object; none for anything else, or when reading them throws. */
export function ownKeys(value: unknown): string[] {
  if (!isRecord(value)) return [];
  try {
    return Object.keys(value);
  } catch {
    return [];
  }
}

/** An array as it is; anything else (or a Proxy whose check throws) as no items. */
export function readArray(value: unknown): readonly unknown[] {
  try {
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/**
 * Adds an own, enumerable property even for keys like `__proto__`: plain assignment would call the
 * inherited `__proto__` setter and change the object's prototype instead of storing an entry.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  // A key nothing on the chain has (no setter can run, `__proto__` is on the chain) is set
  // plainly: defineProperty costs several times as much, and a body has thousands of env keys.
  if (key in target)
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
