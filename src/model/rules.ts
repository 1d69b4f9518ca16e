/**
 * The form model's own rules, on top of the contract's (which mirror the server's 422s).
 * They exist only where the server would accept a body but silently drop or misuse part of it,
 * or where the form holds something the body cannot represent. Anything else is left to the
 * contract and the server, so these rules never block a save the server would honour.
 */
import { KEY_SEGMENT } from '../contract/pointer.js';
import type { ErrorTarget, ProviderRow, StdioServerRow } from './draft.js';
import { readOwn } from '../contract/json.js';
import { envBodyKey, isBlankEnvRow } from './to-body.js';

export type ModelRuleCode =
  'token_required_for_host' | 'host_bare_domain' | 'bitbucket_token_format' | 'env_key_empty' | 'env_key_duplicate';

/** Default texts. `{example}` in `host_bare_domain` is replaced by a domain for that provider. */
export const MODEL_MESSAGES: Readonly<Record<ModelRuleCode, string>> = /* @__PURE__ */ Object.freeze({
  token_required_for_host: 'Enter a token: the server does not save a host on its own',
  host_bare_domain: 'Enter the domain only, e.g. {example}',
  bitbucket_token_format:
    'Enter email:api_token (something on both sides of the colon), or an access token without one',
  env_key_empty: 'Enter a variable name',
  env_key_duplicate: 'This variable is already set above',
});

/** A host page's own texts for some rules (`FormModelOptions.messages`); the rest are `MODEL_MESSAGES`. */
export type ModelMessages = Readonly<Partial<Record<ModelRuleCode, string>>>;

/** A rule's text: the host page's own where it gave one, else the default. */
function textOf(messages: ModelMessages, code: ModelRuleCode): string {
  const own = readOwn(messages, code);
  return typeof own === 'string' ? own : MODEL_MESSAGES[code];
}

export interface RuleIssue {
  target: ErrorTarget;
  code: ModelRuleCode;
  message: string;
  /** Values for the `{name}` placeholders of the message, so a replacement text can use them too. */
  params?: Readonly<Record<string, string>>;
}

/**
 * Providers whose host the server builds URLs from as `https://{host}/...`, so a scheme or a path
 * yields a broken URL. GitLab is absent on purpose (it takes a scheme), and so are providers this
 * form does not know (azure_devops, enterprise_sso, a host page's own): the rule only fires where
 * the server's use of the host is known, never guessed.
 */
const BARE_DOMAIN_EXAMPLES: ReadonlyMap<string, string> = /* @__PURE__ */ new Map([
  ['github', 'github.example.com'],
  ['bitbucket', 'bitbucket.example.com'],
]);

const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
/** Host name (IDN letters allowed) or IPv4, optional port; no scheme, path, query, user info or spaces. */
const BARE_DOMAIN = /* @__PURE__ */ new RegExp(`^${LABEL}(?:\\.${LABEL})*(?::[0-9]{1,5})?$`, 'u');

/** The same pattern for ASCII input, where `\p{L}\p{N}` are `A-Za-z0-9`: the Unicode one takes milliseconds to compile, so it waits for a host that needs it. */
const ASCII_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const ASCII_BARE_DOMAIN = /* @__PURE__ */ new RegExp(`^${ASCII_LABEL}(?:\\.${ASCII_LABEL})*(?::[0-9]{1,5})?$`);
const ASCII = /^[\x00-\x7f]*$/;

export function isBareDomain(host: string): boolean {
  return host.length <= 259 && (ASCII.test(host) ? ASCII_BARE_DOMAIN : BARE_DOMAIN).test(host);
}

/**
 * What OpenHands 0.53.0's Bitbucket service can use: a token with a colon is sent as HTTP Basic
 * (`email:api_token` today, `username:app_password` before Atlassian removed app passwords), so it
 * needs something on both sides of the first colon; any other token is sent as a Bearer token (a
 * repository, project or workspace access token) and is accepted as it is.
 */
export function isBitbucketToken(token: string): boolean {
  const colon = token.indexOf(':');
  return colon === -1 || (colon > 0 && colon < token.length - 1);
}

/** Issues on a provider row's `token` and `host`. A removed provider is not sent, so it has none. */
export function providerRuleIssues(row: ProviderRow, messages: ModelMessages = {}): RuleIssue[] {
  if (row.removed) return [];
  const out: RuleIssue[] = [];
  const token = row.token.trim();
  const host = row.host.trim();
  if (!row.stored && token === '' && host !== '') {
    out.push({
      target: { rowId: row.id, field: 'token' },
      code: 'token_required_for_host',
      message: textOf(messages, 'token_required_for_host'),
    });
  }
  if (row.provider === 'bitbucket' && token !== '' && !isBitbucketToken(token)) {
    out.push({
      target: { rowId: row.id, field: 'token' },
      code: 'bitbucket_token_format',
      message: textOf(messages, 'bitbucket_token_format'),
    });
  }
  const example = BARE_DOMAIN_EXAMPLES.get(row.provider);
  if (example !== undefined && host !== '' && !isBareDomain(host)) {
    out.push({
      target: { rowId: row.id, field: 'host' },
      code: 'host_bare_domain',
      message: textOf(messages, 'host_bare_domain').split('{example}').join(example),
      params: { example },
    });
  }
  return out;
}

/**
 * Issues on the env rows of one server, all on `[key]`: the body is a map, so a row without a
 * name, or a second row with the same (trimmed) name, cannot be sent as the person sees it.
 * The later duplicate is flagged, since the first one is what gets sent.
 */
export function envRuleIssues(server: StdioServerRow, messages: ModelMessages = {}): RuleIssue[] {
  const out: RuleIssue[] = [];
  const seen = new Set<string>();
  for (const env of server.env) {
    if (isBlankEnvRow(env)) continue;
    const key = envBodyKey(env);
    const target = { rowId: env.id, field: KEY_SEGMENT };
    if (key === '') out.push({ target, code: 'env_key_empty', message: textOf(messages, 'env_key_empty') });
    else if (seen.has(key))
      out.push({ target, code: 'env_key_duplicate', message: textOf(messages, 'env_key_duplicate') });
    seen.add(key);
  }
  return out;
}
