/**
 * Every visible string of the element, in one typed object, so a host page can replace any of
 * them (`el.strings = { save: 'Speichern' }`). Messages the server sends are shown as it wrote
 * them and are not part of this object.
 *
 * Overrides are shallow: a record (`messages`, `failure`, `serverKindHeading`...) given in an
 * override replaces the default record. `messages` and `failure` fall back per entry, so they can
 * be partial; the other records must be complete.
 */
import { ISSUE_MESSAGES, type IssueCode } from '../contract/codes.js';
import type { ServerKind } from '../model/draft.js';
import { MODEL_MESSAGES, type ModelRuleCode } from '../model/rules.js';

/** Codes of the form's own checks: the contract's (the server's rules) and the model's. */
export type MessageCode = IssueCode | ModelRuleCode;

/**
 * Sentences for failures that are about no field. Each entry replaces the element's English
 * sentence for that kind; where the server said something (a 500's `error`, a 401's `detail`),
 * its words still follow, quoted, as it wrote them. An absent entry keeps the English sentence.
 */
export interface FailureStrings {
  /** The server could not be reached (or answered without CORS headers). */
  network?: string;
  timeout?: (seconds: number) => string;
  rateLimited?: string;
  /** The session key is missing or wrong (401/403). */
  unauthorized?: string;
  /** Any other answer that is not a success: 5xx, 404, an HTML page... */
  server?: (status: number) => string;
  /** Nothing was sent: the base URL or the session key cannot be used. */
  refused?: string;
}

export interface ProviderSettingsStrings {
  gitProvidersHeading: string;
  gitProvidersIntro: string;
  tokenLabel: string;
  hostLabel: string;
  storedBadge: string;
  storedTokenPlaceholder: string;
  tokenPlaceholder: string;
  /** The show/hide button of a secret field; its accessible name adds the field's label. */
  showSecret: string;
  hideSecret: string;
  bareDomainHint: string;
  gitlabHostHint: string;
  bitbucketTokenHint: string;
  removeStored: (provider: string) => string;
  confirmRemove: (provider: string) => string;
  confirmRemoveYes: string;
  confirmRemoveNo: string;
  willBeRemoved: (provider: string) => string;
  undoRemove: string;
  clearProvider: string;
  mcpHeading: string;
  mcpIntro: string;
  serverKindHeading: Record<ServerKind, string>;
  serverKindEmpty: Record<ServerKind, string>;
  addServer: Record<ServerKind, string>;
  serverLabel: (kind: ServerKind, index: number) => string;
  urlLabel: string;
  apiKeyLabel: string;
  nameLabel: string;
  commandLabel: string;
  commandHint: string;
  argsLabel: string;
  argLabel: (index: number) => string;
  argsEmpty: string;
  addArg: string;
  envLabel: string;
  envKeyLabel: string;
  envValueLabel: string;
  envEmpty: string;
  addEnv: string;
  moveUp: (what: string) => string;
  moveDown: (what: string) => string;
  remove: (what: string) => string;
  save: string;
  saving: string;
  reset: string;
  saved: string;
  errorSummaryHeading: (count: number) => string;
  /**
   * The button under the error summary when it lists only the first problems (a long server
   * answer): it lists the rest. `count` is every problem in the summary.
   */
  showAllErrors: (count: number) => string;
  /** Locations in the error summary for places no field shows. */
  requestLocation: string;
  requestCharacterLocation: (offset: number) => string;
  envVariableLocation: (key: string) => string;
  keyLocation: string;
  itemLocation: (index: number) => string;
  /** Accessible names of the buttons that dismiss the error summary and the saved message. */
  dismissSummary: string;
  dismissStatus: string;
  /**
   * Texts of the form's own checks, by code (`url_empty`, `env_key_duplicate`...). `{example}` in
   * `host_bare_domain` is replaced by a domain for that provider. A code left out keeps its
   * English text. Errors the server reports are never replaced.
   */
  messages: Partial<Record<MessageCode, string>>;
  failure: FailureStrings;
}

/** The English texts of the form's own checks (the defaults of `strings.messages`). */
export const defaultMessages: Readonly<Record<MessageCode, string>> = Object.freeze({
  ...ISSUE_MESSAGES,
  ...MODEL_MESSAGES,
});

export const defaultStrings: ProviderSettingsStrings = {
  gitProvidersHeading: 'Git providers',
  gitProvidersIntro: 'Tokens are stored on the server and never shown again. Leave a token empty to keep the stored one.',
  tokenLabel: 'Token',
  hostLabel: 'Host',
  storedBadge: 'Stored',
  storedTokenPlaceholder: 'Stored token kept; type to replace it',
  tokenPlaceholder: '',
  showSecret: 'Show',
  hideSecret: 'Hide',
  bareDomainHint: 'The domain only, without https:// or a path. Leave empty for the public service.',
  gitlabHostHint: 'A domain, with or without https://. Leave empty for gitlab.com.',
  bitbucketTokenHint: 'Written as username:app_password.',
  removeStored: (p) => `Remove stored ${p} token`,
  confirmRemove: (p) => `Delete the stored ${p} token when you save?`,
  confirmRemoveYes: 'Delete on save',
  confirmRemoveNo: 'Keep it',
  willBeRemoved: (p) => `The stored ${p} token will be deleted when you save.`,
  undoRemove: 'Undo',
  clearProvider: 'Clear',
  mcpHeading: 'MCP servers',
  mcpIntro: 'Model Context Protocol servers the agent can use.',
  serverKindHeading: { sse: 'SSE servers', shttp: 'Streamable HTTP servers', stdio: 'Stdio servers' },
  serverKindEmpty: {
    sse: 'No SSE servers.',
    shttp: 'No streamable HTTP servers.',
    stdio: 'No stdio servers.',
  },
  addServer: { sse: 'Add SSE server', shttp: 'Add streamable HTTP server', stdio: 'Add stdio server' },
  serverLabel: (kind, i) =>
    `${{ sse: 'SSE server', shttp: 'Streamable HTTP server', stdio: 'Stdio server' }[kind]} ${i + 1}`,
  urlLabel: 'URL',
  apiKeyLabel: 'API key',
  nameLabel: 'Name',
  commandLabel: 'Command',
  commandHint: 'One executable, without spaces; put parameters in the arguments.',
  argsLabel: 'Arguments',
  argLabel: (i) => `Argument ${i + 1}`,
  argsEmpty: 'No arguments.',
  addArg: 'Add argument',
  envLabel: 'Environment variables',
  envKeyLabel: 'Name',
  envValueLabel: 'Value',
  envEmpty: 'No environment variables.',
  addEnv: 'Add variable',
  moveUp: (w) => `Move ${w} up`,
  moveDown: (w) => `Move ${w} down`,
  remove: (w) => `Remove ${w}`,
  save: 'Save',
  saving: 'Saving…',
  reset: 'Discard changes',
  saved: 'Saved.',
  errorSummaryHeading: (n) => (n === 1 ? 'There is a problem' : `There are ${n} problems`),
  showAllErrors: (n) => `Show all ${n} problems`,
  requestLocation: 'Request',
  requestCharacterLocation: (n) => `Request body (character ${n})`,
  envVariableLocation: (key) => `Environment variable “${key}”`,
  keyLocation: 'name',
  itemLocation: (i) => `item ${i + 1}`,
  dismissSummary: 'Dismiss the list of problems',
  dismissStatus: 'Dismiss',
  messages: defaultMessages,
  failure: {},
};
