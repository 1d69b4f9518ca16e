/** The part of json-merge-patch (an independent RFC 7386 implementation) the contract tests use. */
declare module 'json-merge-patch' {
  /** Applies `patch` to `target`: changes `target` when it is an object, and returns the result. */
  export function apply(target: unknown, patch: unknown): unknown;
  /** The patch from `before` to `after`, or `undefined` when they are equal. */
  export function generate(before: unknown, after: unknown): unknown;
}
