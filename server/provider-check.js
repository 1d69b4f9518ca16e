// @ts-check
/**
 * The token check. The real server asks GitHub, GitLab or Bitbucket whether a token works
 * (at the given host); this server cannot, so it follows a documented convention instead:
 *
 * - a token starting with `bad` is rejected;
 * - a token checked against a host starting with `bad` is rejected (a provider that is not
 *   there accepts nothing);
 * - an `enterprise_sso` token is always rejected (0.53.0 has no service for it);
 * - anything else is accepted, as a token of the provider it was sent for.
 *
 * How the answers combine is the real server's (`check_provider_tokens`): one message,
 * overwritten by each provider that sent a token, so the last such provider decides; and when
 * a stored token exists and the incoming host differs, the stored token is re-checked
 * against the new host, which can only set the message.
 */

/** @typedef {import('./validate.js').ProviderTokenValue} ProviderTokenValue */
/** @typedef {{ token: string, host: string | null, user_id: string | null }} StoredToken */

/**
 * @param {string} provider
 * @param {string} token
 * @param {string | null} host
 */
export function providerAccepts(provider, token, host) {
  if (provider === 'enterprise_sso') return false;
  if (token.startsWith('bad')) return false;
  return !(host ?? '').startsWith('bad');
}

/** @param {string} provider */
export function invalidTokenMessage(provider) {
  return `Invalid token. Please make sure it is a valid ${provider} token.`;
}

/**
 * @param {ReadonlyMap<string, ProviderTokenValue>} incoming
 * @param {ReadonlyMap<string, StoredToken>} stored
 * @returns {string} the 401 message, or '' when the tokens may be stored
 */
export function checkProviderTokens(incoming, stored) {
  let message = '';
  for (const [provider, sent] of incoming) {
    if (sent.token) {
      message = providerAccepts(provider, sent.token, sent.host) ? '' : invalidTokenMessage(provider);
    }
    const existing = stored.get(provider);
    if (existing && existing.host !== sent.host && !providerAccepts(provider, existing.token, sent.host)) {
      message = invalidTokenMessage(provider);
    }
  }
  return message;
}
