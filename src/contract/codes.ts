/**
 * Machine codes for every problem the client-side validation can report, with the text the
 * server would use for it. The codes are stable API: host pages may override texts by code,
 * so a code never changes meaning once released.
 *
 * Texts are pydantic's / OpenHands' own (without pydantic's `Value error, ` prefix), so a form
 * validated in the browser says exactly what the server would have said.
 */

export const ISSUE_MESSAGES = {
  // SSE / SHTTP server URL (openhands/core/config/mcp_config.py at 0.53.0).
  url_empty: 'URL cannot be empty',
  url_no_scheme: 'URL must include a scheme (http:// or https://)',
  url_no_host: 'URL must include a valid domain/host',
  url_bad_scheme: 'URL scheme must be http, https, ws, or wss',
  // Stdio server.
  name_empty: 'Server name cannot be empty',
  name_invalid: 'Server name can only contain letters, numbers, hyphens, and underscores',
  command_empty: 'Command cannot be empty',
  command_has_space: 'Command should be a single executable without spaces (use arguments field for parameters)',
  // Shape problems, in pydantic v2's words (`missing`, `string_type`, `dict_type`, `list_type`, `extra_forbidden`).
  required: 'Field required',
  not_string: 'Input should be a valid string',
  not_object: 'Input should be a valid dictionary',
  not_list: 'Input should be a valid list',
  unknown_key: 'Extra inputs are not permitted',
  /** Anything zod reports that none of the above describes (should not happen with this schema). */
  invalid: 'Invalid value',
} as const;

export type IssueCode = keyof typeof ISSUE_MESSAGES;

/** Own-property lookup, so a code such as `constructor` coming from outside can never match the prototype. */
export function isIssueCode(code: unknown): code is IssueCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ISSUE_MESSAGES, code);
}
