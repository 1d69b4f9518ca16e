/**
 * The agent-server keeps git tokens as plain named secrets (`api/settings/secrets`: a name, a value,
 * a description; no provider, no host). This is the one table of which names hold which provider's
 * token (docs/CURRENT-SERVERS.md §2.4):
 *
 * - written as `<provider>_token` (`github_token`, `gitlab_token`, `bitbucket_token`,
 *   `azure_devops_token`, ...): the names the SDK's clone path reads (`PROVIDER_TOKEN_NAMES`) and
 *   the first name GitHub discovery tries; other providers follow the same pattern;
 * - also counted as stored (and removed with the provider): `GIT_PROVIDER_<PROVIDER>_TOKEN`, what
 *   the agent-server's own web page (agent-canvas) wrote;
 * - not counted, never removed: `GITHUB_TOKEN`, `GH_TOKEN`, `github`. Discovery reads them too, but
 *   they are ordinary secrets a person sets for the agent's own use (the agent sees secrets as
 *   environment variables), and removing the GitHub provider must not delete them.
 *
 * The host lives only in the description, `Git provider token for <provider> (<host>)` (the web
 * page's wording), or `Git provider token for <provider>` without one.
 */
import { setOwn } from './json.js';

/** OpenHands' provider types (`ProviderType`, CURRENT-SERVERS.md §1.9): looked for besides the ones shown. */
export const KNOWN_PROVIDERS: readonly string[] = [
  'github',
  'gitlab',
  'bitbucket',
  'bitbucket_data_center',
  'forgejo',
  'azure_devops',
  'enterprise_sso',
];

/** The agent-server's rule for a secret's name; a provider key that breaks it gets a 422 on its token. */
export const SECRET_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;

/** The name a provider's token is written as. */
export function tokenSecretName(provider: string): string {
  return `${provider}_token`;
}

/** Every name that holds the provider's token, the written one first. */
export function tokenSecretNames(provider: string): string[] {
  return [tokenSecretName(provider), `GIT_PROVIDER_${provider.toUpperCase()}_TOKEN`];
}

/** The description a token is written with: where the host is kept. */
export function tokenDescription(provider: string, host: string | null | undefined): string {
  const h = typeof host === 'string' ? host.trim() : '';
  return h === '' ? `Git provider token for ${provider}` : `Git provider token for ${provider} (${h})`;
}

const DESCRIPTION = /^Git provider token for .{1,100} \(([^\s()]{1,255})\)$/;

/** The host a description names, or null (no host, or a description of another shape). */
export function hostFromDescription(description: unknown): string | null {
  if (typeof description !== 'string') return null;
  return DESCRIPTION.exec(description.trim())?.[1] ?? null;
}

export interface SecretEntry {
  name: string;
  description: string | null;
}

/**
 * Which providers have a stored token, each with the host its description names (or null), as
 * `provider_tokens_set` says it: `candidates` are the providers shown, {@link KNOWN_PROVIDERS}
 * are looked for as well (a token stored for a provider not shown is still stored).
 */
export function storedProviders(
  secrets: readonly SecretEntry[],
  candidates: readonly string[],
): Record<string, string | null> {
  const byName = new Map(secrets.map((secret) => [secret.name, secret]));
  const out: Record<string, string | null> = {};
  for (const provider of new Set([...candidates, ...KNOWN_PROVIDERS])) {
    if (typeof provider !== 'string' || provider === '') continue;
    const found = tokenSecretNames(provider).flatMap((name) => byName.get(name) ?? []);
    if (found.length === 0) continue;
    // The written name's description first; another's when it has no host.
    const host = found.map((secret) => hostFromDescription(secret.description)).find((h) => h !== null) ?? null;
    setOwn(out, provider, host);
  }
  return out;
}
