/**
 * Every visible string of the element, in one typed object, so a host page can replace any of
 * them (`el.strings = { save: 'Speichern' }`). Messages the server sends are shown as it wrote
 * them and are not part of this object.
 *
 * Overrides are shallow: a record given in an override replaces the default record. `messages`,
 * `failure`, `review` and `mcpTools` fall back per entry (an entry left out keeps its English
 * text), so they can be partial; the records of the server kinds (`serverKindHeading`,
 * `serverKindEmpty`, `addServer`) must be complete. The English defaults of `review` and
 * `mcpTools` are in review-strings.ts and mcp-tools-strings.ts, loaded with what shows them.
 */
import type { AuthStrategy } from '../contract/mcp-server.js';
import type { McpTestResult } from '../contract/mcp-test.js';
import type { IssueCode } from '../contract/codes.js';
import type { ServerKind } from '../model/draft.js';
import type { ServerListKind } from '../model/changes.js';
import type { ModelRuleCode } from '../model/rules.js';
import type { RefusalCode } from '../contract/refusals.js';
import type { ClashReason, ImportNote, SkipReason } from '../import/mcp-import.js';

/** Codes of the form's own checks: the contract's (the server's rules) and the model's. */
export type MessageCode = IssueCode | ModelRuleCode | RefusalCode;

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
  /** A 2xx that is not OpenHands' success answer: nothing is known to be saved. */
  unknown?: string;
  /** The MCP servers cannot be saved: the server has no settings yet. */
  noSettings?: string;
  /** Leads the summary when the tokens were saved and the MCP servers were not. */
  mcpNotSaved?: string;
}

/**
 * The review before a save (the `review` attribute): what the save will change, in words. Only
 * provider names and server labels (a URL, a stdio name) appear, never a secret. Each entry left
 * out keeps its English text (`defaultReviewStrings`, review-strings.ts), which is loaded with the save path,
 * not with the element.
 */
export interface ReviewStrings {
  heading: string;
  /** The button that sends the save. */
  save: string;
  /** The button that closes the review. */
  back: string;
  /** Shown instead of the review when the save would change nothing (nothing is sent). */
  nothingToSave: string;
  /** `provider` is the provider's name (`GitHub`). */
  tokenAdded: (provider: string) => string;
  tokenReplaced: (provider: string) => string;
  tokenRemoved: (provider: string) => string;
  /** `from` and `to` are hosts; `null` is the provider's public service. */
  hostChanged: (provider: string, from: string | null, to: string | null) => string;
  /** A host sent for a provider without a stored or typed token: the server drops it. */
  hostDropped: (provider: string) => string;
  /** `kind` is the list's name (`SSE server`), `label` its URL or name. */
  serverAdded: (kind: string, label: string) => string;
  serverRemoved: (kind: string, label: string) => string;
  /** `fields` are the changed fields' labels (`strings.commandLabel`...). */
  serverChanged: (kind: string, label: string, fields: readonly string[]) => string;
  serverKind: Record<ServerListKind, string>;
  /** Heading of the changes the first request stores (`POST /api/add-git-providers`). */
  tokensPart: string;
  /** Heading of the changes the second request stores, in the server's settings. */
  mcpPart: string;
  /** The confirmation before a save that replaces a token set the form cannot see. */
  replaceHeading: string;
  replaceText: string;
  /** The button that saves anyway. */
  replaceConfirm: string;
}

/**
 * What the newer server APIs store for an MCP server besides V0's fields (its name, auth, headers,
 * `enabled`), shown only when one of them answers. Entries left out keep their English text
 * (named/strings.ts), which loads with those APIs' module.
 */
export interface NamedStrings {
  name: string;
  auth: string;
  /** The auth's method (its `strategy`). */
  authMethod: string;
  strategies: Record<AuthStrategy, string>;
  value: string;
  headerName: string;
  headerNameHint: string;
  username: string;
  password: string;
  headers: string;
  authHeaders: string;
  /** `list`: the headers' label (Headers, Secret headers), so that each control's name is its own. */
  headerKey: (list: string, i: number) => string;
  headerValue: (list: string, i: number) => string;
  addHeader: string;
  removeHeader: (list: string, i: number) => string;
  noHeaders: string;
  /** Under a header's name field when the name typed is another header's (it was not taken). */
  headerTaken: (name: string) => string;
  enabled: string;
  /** Placeholder of a secret the server keeps and did not show (read back masked). */
  stored: string;
  /** Under an OAuth 2.0 server's auth: it is kept as stored, not edited here. */
  oauth2Kept: string;
  /** The card's button that tries the server (where the API offers it), and while it runs. */
  test: string;
  testing: string;
  /** What a connection test found, in words (the default: the tester's English sentence). */
  testResult: (result: McpTestResult) => string;
}

/**
 * The MCP "Import / export" panel. Each entry left out keeps its English text
 * (`defaultMcpToolsStrings`, mcp-tools-strings.ts), which is loaded with the panel, not with the element.
 */
export interface McpToolsStrings {
  heading: string;
  close: string;
  importHeading: string;
  importLabel: string;
  importHint: string;
  fileLabel: string;
  preview: string;
  /** The preview's list: `count` servers found, in `format` (Claude Desktop / Cursor, VS Code, OpenHands). */
  found: (count: number, format: string) => string;
  formats: Record<'mcpServers' | 'vscode' | 'openhands', string>;
  /** `kind` is the server's kind (`SSE server`), `label` its URL or name. */
  serverEntry: (kind: string, label: string) => string;
  /** How an imported entry was converted, or what of it was not carried over (one line each). */
  note: (note: ImportNote) => string;
  skippedHeading: string;
  /** `reason` is {@link McpToolsStrings.skipReason}'s sentence. */
  skipped: (name: string, reason: string) => string;
  skipReason: (reason: SkipReason) => string;
  /** Why an imported server starts unchecked: it would duplicate one in the form. */
  clash: (clash: ClashReason) => string;
  /** Pasted JSON that is not an object. */
  importNotAnObject: string;
  /** Pasted JSON with no MCP servers where any of the known formats keeps them. */
  nothingFound: string;
  addSelected: (count: number) => string;
  /** A JSON syntax error, where it is; `message` is the engine's sentence. */
  syntaxError: (line: number, column: number, message: string) => string;
  exportHeading: string;
  formatLabel: string;
  formatOpenHands: string;
  formatMcpServers: string;
  includeSecrets: string;
  exportLabel: string;
  copy: string;
  copied: string;
  copyFailed: string;
  download: string;
  rawHeading: string;
  rawWarning: string;
  rawLabel: string;
  apply: string;
  /** Raw JSON that parses but is not an object. */
  notAnObject: string;
  applied: string;
}

export interface ProviderSettingsStrings {
  gitProvidersHeading: string;
  gitProvidersIntro: string;
  tokenLabel: string;
  hostLabel: string;
  storedBadge: string;
  /** Under the token field of a provider whose token is stored (a hint the field is described by). */
  storedTokenHint: string;
  /** The show/hide button of a secret field: its text. */
  showSecret: string;
  hideSecret: string;
  /** Its accessible name: `action` is {@link showSecret} or {@link hideSecret}, `field` the field's label. */
  secretToggleLabel: (action: string, field: string) => string;
  bareDomainHint: string;
  gitlabHostHint: string;
  bitbucketTokenHint: string;
  bitbucketDcTokenHint: string;
  removeStored: (provider: string) => string;
  confirmRemove: (provider: string) => string;
  confirmRemoveYes: string;
  confirmRemoveNo: string;
  willBeRemoved: (provider: string) => string;
  undoRemove: string;
  /**
   * Empties what was typed for a provider that has no stored token ("Clear GitHub"). A string (what
   * this was before 0.1.0) is still taken: the button then says only it, the same for every provider.
   */
  clearProvider: ((provider: string) => string) | string;
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
  /** Column heads above the variables. */
  envKeyLabel: string;
  envValueLabel: string;
  /** One variable (its row), and the names of its two fields. */
  envRowLabel: (index: number) => string;
  envKeyName: (index: number) => string;
  envValueName: (index: number) => string;
  envEmpty: string;
  addEnv: string;
  moveUp: (what: string) => string;
  moveDown: (what: string) => string;
  remove: (what: string) => string;
  /** Announced after a move: `what` is the row's label at its new place (`Stdio server 2`). */
  moved: (what: string) => string;
  /** Announced after a removal. */
  removed: (what: string) => string;
  /** A long server list (more than ten servers): the filter box, and how many servers it shows. */
  filterServers: string;
  filterCount: (shown: number, total: number) => string;
  save: string;
  saving: string;
  reset: string;
  saved: string;
  /** After a save while the form was edited during it: those edits are not saved. */
  savedChangedSince: string;
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
  /** An error about a provider's key itself (a provider the server does not know). */
  providerKeyLocation: (provider: string) => string;
  itemLocation: (index: number) => string;
  /** Accessible names of the buttons that dismiss the error summary and the saved message. */
  dismissSummary: string;
  dismissStatus: string;
  /**
   * Texts of the form's own checks, by code (`url_empty`, `env_key_duplicate`...), and of what the
   * newer APIs' clients refuse on a field (`name_taken`, `secret_not_stored`, `host_needs_token`...:
   * contract/refusals.ts). `{example}` in `host_bare_domain` is replaced by a domain for that
   * provider. A code left out keeps its English text. Errors the server reports are never replaced.
   */
  messages: Partial<Record<MessageCode, string>>;
  failure: FailureStrings;
  /** The review before a save; entries left out keep their English text. */
  review: Partial<ReviewStrings>;
  /** The button of the MCP section that opens the import and export panel. */
  importExport: string;
  /** The import and export panel; entries left out keep their English text. */
  mcpTools: Partial<McpToolsStrings>;
  /** What the newer server APIs store for a server besides; entries left out keep their English text. */
  named: Partial<NamedStrings>;
  /** The `autoload` attribute: while `GET /api/settings` is in flight (a live region). */
  loading: string;
  /** Under the providers' heading while the form does not know which tokens are stored. */
  tokensUnknown: string;
  /** Instead, when it looked and cannot tell: the server has no settings (404). */
  tokensUnseen: string;
  /** The stored settings could not be loaded; the failure's sentence follows. */
  loadFailed: string;
  /** The button that loads the stored settings again. */
  retryLoad: string;
}

export const defaultStrings: ProviderSettingsStrings = {
  gitProvidersHeading: 'Git providers',
  gitProvidersIntro:
    'Tokens are stored on the server and never shown again. Leave a token empty to keep the stored one.',
  tokenLabel: 'Token',
  hostLabel: 'Host',
  storedBadge: 'Stored',
  storedTokenHint: 'The stored token is kept; type a new one to replace it.',
  showSecret: 'Show',
  hideSecret: 'Hide',
  secretToggleLabel: (action, field) => `${action} ${field}`,
  bareDomainHint: 'The domain only, without https:// or a path. Leave empty for the public service.',
  gitlabHostHint: 'A domain, with or without https://. Leave empty for gitlab.com.',
  bitbucketTokenHint: 'An access token, or an API token written as email:api_token.',
  bitbucketDcTokenHint: 'Your user name and an HTTP access token, written as username:token.',
  removeStored: (p) => `Remove stored ${p} token`,
  confirmRemove: (p) => `Delete the stored ${p} token when you save?`,
  confirmRemoveYes: 'Delete on save',
  confirmRemoveNo: 'Keep it',
  willBeRemoved: (p) => `The stored ${p} token will be deleted when you save.`,
  undoRemove: 'Undo',
  clearProvider: (p) => `Clear ${p}`,
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
  envRowLabel: (i) => `Variable ${i + 1}`,
  envKeyName: (i) => `Name of variable ${i + 1}`,
  envValueName: (i) => `Value of variable ${i + 1}`,
  envEmpty: 'No environment variables.',
  addEnv: 'Add variable',
  moveUp: (w) => `Move ${w} up`,
  moveDown: (w) => `Move ${w} down`,
  remove: (w) => `Remove ${w}`,
  moved: (w) => `Moved: now ${w}.`,
  removed: (w) => `${w} removed.`,
  filterServers: 'Filter servers',
  filterCount: (shown, total) => `${shown} of ${total} servers shown`,
  save: 'Save',
  saving: 'Saving…',
  reset: 'Discard changes',
  saved: 'Saved.',
  savedChangedSince: 'Saved. What was changed while saving is not saved yet.',
  errorSummaryHeading: (n) => (n === 1 ? 'There is a problem' : `There are ${n} problems`),
  showAllErrors: (n) => `Show all ${n} problems`,
  requestLocation: 'Request',
  requestCharacterLocation: (n) => `Request body (character ${n})`,
  envVariableLocation: (key) => `Environment variable “${key}”`,
  keyLocation: 'name',
  providerKeyLocation: (p) => `${p} (the provider itself)`,
  itemLocation: (i) => `item ${i + 1}`,
  dismissSummary: 'Dismiss the list of problems',
  dismissStatus: 'Dismiss',
  // Every error of the form's own checks carries its English text: only a host page's own texts here.
  messages: {},
  failure: {},
  review: {},
  importExport: 'Import / export',
  mcpTools: {},
  named: {},
  loading: 'Loading stored settings…',
  tokensUnknown: 'Stored tokens not loaded yet: Save looks first, so none is deleted.',
  tokensUnseen: 'This server has no settings, so its stored tokens cannot be seen: Save asks before replacing them.',
  loadFailed: 'The stored settings could not be loaded, so saving is off.',
  retryLoad: 'Retry',
};
