/**
 * Where a request goes, and whether it may go there at all. Tokens travel only to an `https:`
 * endpoint, or to plain `http:` on this computer (loopback), unless the page opts in.
 */

/**
 * The absolute URL of `path` (e.g. `api/add-git-providers`) under `baseUrl`, or `null` when no
 * usable URL can be formed.
 * - `''` (or blank): the page's own origin, whatever the page's path.
 * - A path prefix is kept with or without its trailing slash: `https://h/openhands` and
 *   `https://h/openhands/` both give `https://h/openhands/api/add-git-providers`.
 * - A relative base (`/openhands`, `openhands/`) resolves against the page URL.
 * - A query or fragment on the base is dropped: the endpoint has its own.
 * `pageUrl` defaults to `location.href` when there is a `location`.
 */
export function endpointUrl(baseUrl: string, path: string, pageUrl?: string): string | null {
  const page = pageUrl ?? (typeof location === 'undefined' ? undefined : location.href);
  const trimmed = typeof baseUrl === 'string' ? baseUrl.trim() : '';
  let base: URL;
  try {
    if (trimmed === '') {
      if (page === undefined) return null;
      const pageUrlParsed = new URL(page);
      // A `file:`, `data:` or `blob:` page has no server origin to talk to (browsers disagree on
      // how they serialise such origins, so the scheme decides).
      if (pageUrlParsed.protocol !== 'https:' && pageUrlParsed.protocol !== 'http:') return null;
      base = new URL('/', pageUrlParsed);
    } else {
      base = page === undefined ? new URL(trimmed) : new URL(trimmed, page);
    }
  } catch {
    return null;
  }
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  try {
    return new URL(path.replace(/^\/+/, ''), base).href;
  } catch {
    return null;
  }
}

/** localhost (and `*.localhost`, which browsers also resolve to loopback), 127.0.0.0/8, [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/**
 * Why a request to `url` must not be sent, or `null` when it may be. The URL itself is never
 * quoted back (it may hold credentials); only its scheme or host name.
 */
export function refusalReason(url: string | null, allowInsecureHttp = false): string | null {
  if (url === null) return 'The base URL is not a valid URL, so nothing was sent.';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The base URL is not a valid URL, so nothing was sent.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `The base URL uses “${parsed.protocol}”; only https: (and http: on this computer) can be used, so nothing was sent.`;
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return 'The base URL contains a user name or password, which are never sent: remove them. Nothing was sent.';
  }
  if (parsed.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(parsed.hostname)) {
    return `Tokens are not sent over plain http:// to “${parsed.hostname}”: use https://, or allow insecure HTTP for this page. Nothing was sent.`;
  }
  return null;
}
