/**
 * Defensive reading of values that came from outside (a host page's `value`, `GET /api/settings`).
 * Only own properties are read, so a polluted `Object.prototype` can never inject form content,
 * and a throwing getter or Proxy trap counts as "absent" instead of breaking the form.
 */

export type UnknownRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readOwn(value: unknown, key: string): unknown {
  if (!isRecord(value)) return undefined;
  try {
    return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
  } catch {
    return undefined;
  }
}

export function ownKeys(value: unknown): string[] {
  if (!isRecord(value)) return [];
  try {
    return Object.keys(value);
  } catch {
    return [];
  }
}

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
