/**
 * Text from outside parsed as JSON, never throwing: a server's answer (request.ts, response.ts).
 * Apart from json.ts, whose safe reads the form needs to show itself, because only what loads on
 * demand parses.
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
