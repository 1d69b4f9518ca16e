/**
 * What the newer APIs' clients find themselves, not the server: content a server could not store
 * safely, refused before anything is sent, and a secret a server did not keep, found by reading
 * back. Each lands on the field to change (a `validation` result), with a stable code: a host page
 * words them by code in `strings.messages`, as it words the form's own checks. A code never
 * changes meaning once released.
 */
import type { ServerFieldError } from './result.js';

export const REFUSAL_MESSAGES = /* @__PURE__ */ Object.freeze({
  /** Two MCP servers of one name (a name is a server's key in the stored map). */
  name_taken: 'Another MCP server has this name: on this server a name is what tells servers apart.',
  /** A server added under a name the stored map took meanwhile, not from this form. */
  name_stored_meanwhile:
    'A server of this name was stored meanwhile, not from this form: choose another name, or load the stored servers again.',
  /** A server changed here that was removed meanwhile, not from this form. */
  server_removed_meanwhile:
    'This server was removed meanwhile, not from this form: load the stored servers again before changing it.',
  /** A header without a name (of a server's headers, or of its secret headers). */
  header_name_empty: 'Enter a header name, or remove the header.',
  /** An API key or bearer auth without its key or token. */
  auth_value_empty: 'Enter the key or token, or choose another method.',
  /** Basic auth without a user name. */
  auth_username_empty: 'Enter a user name, or choose another method.',
  /** Basic auth without a password. */
  auth_password_empty: 'Enter a password, or choose another method.',
  /** A stored secret of a server whose URL now points at another host. */
  secret_to_new_host:
    'This server now points at another host: type this secret again to send it there, or keep the old host.',
  /** Secret-headers auth without a header. */
  auth_headers_empty: 'Add a secret header, or choose another method.',
  /** A masked secret where the server keeps no value to restore (a new or renamed server, a moved key). */
  secret_not_stored:
    'Type this secret again: the server keeps no value for it under this name, and a masked value cannot be sent.',
  /** A masked secret the server would erase: it stores the servers anew and does not restore this mask. */
  secret_would_be_erased:
    'Type this secret again: this save stores the MCP servers anew, and this server would erase a secret sent back masked.',
  /** Read back after a save: the server did not keep a secret sent back masked. */
  secret_lost: 'The server did not keep this stored secret when the MCP servers were saved: type it again and save.',
  /** A kept token whose host changed, on a server that keeps the host with the token. */
  host_needs_token:
    'To change the host of a stored token on this server, type the token again: the server keeps the host with the token, and the token cannot be read back.',
});

export type RefusalCode = keyof typeof REFUSAL_MESSAGES;

/** The problem `code` on the field at `pointer`, in its default words. */
export function refusal(pointer: string, code: RefusalCode): ServerFieldError {
  return { pointer, type: code, message: REFUSAL_MESSAGES[code], own: true };
}
