/** How each git provider is presented: its name, the host it expects, and what to hint. */
import { readOwn } from '../contract/json.js';
import type { ProviderSettingsStrings } from './strings.js';

export interface ProviderMeta {
  label: string;
  hostPlaceholder: string;
  hostHint: keyof ProviderSettingsStrings | null;
  tokenHint: keyof ProviderSettingsStrings | null;
}

const KNOWN: Record<string, ProviderMeta> = {
  github: { label: 'GitHub', hostPlaceholder: 'github.example.com', hostHint: 'bareDomainHint', tokenHint: null },
  gitlab: {
    label: 'GitLab',
    hostPlaceholder: 'gitlab.example.com',
    hostHint: 'gitlabHostHint',
    tokenHint: null,
  },
  bitbucket: {
    label: 'Bitbucket',
    hostPlaceholder: 'bitbucket.example.com',
    hostHint: 'bareDomainHint',
    tokenHint: 'bitbucketTokenHint',
  },
  // Bitbucket Data Center takes `username:token` (OpenHands' own settings page asks for that form).
  bitbucket_data_center: {
    label: 'Bitbucket Data Center',
    hostPlaceholder: 'bitbucket.example.com',
    hostHint: null,
    tokenHint: 'bitbucketDcTokenHint',
  },
  forgejo: { label: 'Forgejo', hostPlaceholder: 'codeberg.org', hostHint: null, tokenHint: null },
  enterprise_sso: { label: 'Enterprise SSO', hostPlaceholder: '', hostHint: null, tokenHint: null },
  azure_devops: { label: 'Azure DevOps', hostPlaceholder: 'dev.azure.com', hostHint: null, tokenHint: null },
};

/** Unknown providers still work end to end (the list is open): they get a readable name from their key. */
export function providerMeta(provider: string): ProviderMeta {
  const known = readOwn(KNOWN, provider) as ProviderMeta | undefined;
  if (known) return known;
  const label = provider
    .split(/[_\-\s]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  return { label: label || provider, hostPlaceholder: '', hostHint: null, tokenHint: null };
}
