/**
 * Whether a save changes the git tokens at all, for the newer APIs' clients: one that changes
 * nothing sends nothing for them (`saved` with status 0), so a failure of the MCP servers that
 * follows does not read as "the tokens were saved".
 */
import type { SaveContent } from './settings-api.js';

export const NOTHING_TO_STORE = 'The git provider tokens are already stored as shown; nothing was sent.';

/** Two hosts the same, blanks and `null` alike. */
export function sameHost(a: unknown, b: unknown): boolean {
  const norm = (h: unknown) => (typeof h === 'string' ? h.trim() : '');
  return norm(a) === norm(b);
}

/** The body's token map is what is stored: the same providers, no token typed, the same hosts. */
export function tokensUnchanged(content: SaveContent): boolean {
  const stored = content.stored.providers;
  if (stored === null) return false;
  const sent = Object.entries(content.body.provider_tokens);
  return (
    sent.length === Object.keys(stored).length &&
    sent.every(
      ([provider, entry]) =>
        Object.prototype.hasOwnProperty.call(stored, provider) &&
        !entry.token &&
        sameHost(entry.host, stored[provider]),
    )
  );
}
