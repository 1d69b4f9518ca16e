/**
 * Reading untrusted JSON: parse without throwing, then read values through own-property checks
 * only, so a body's `__proto__`, `constructor` or `toString` keys are plain data and nothing is
 * ever looked up on a prototype.
 */

/** Returned by {@link parseJson} for text that is not JSON. */
export const NOT_JSON: unique symbol = Symbol('not JSON');

/** `JSON.parse` that never throws. A leading BOM is ignored. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** A JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `value[key]` when `value` is an object that has `key` as an own property; otherwise `undefined`.
 * An own `__proto__` (as JSON.parse creates it) shadows the inherited accessor, so it reads as data.
 */
export function getOwn(value: unknown, key: string): unknown {
  return isJsonObject(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

/** Defines `key` as an own enumerable property, even for `__proto__`, which plain assignment would treat as the prototype. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
