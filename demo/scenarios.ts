/**
 * The catalogue's scenarios. Each one is a tenant of the reference server (what is stored, its
 * session key), the element's options, what the reference server is told to answer next, and
 * what the person does before the scenario is shown (`play`). Nothing here mocks `fetch`: every
 * outcome is a real answer from the reference server, or a real network failure.
 *
 * test/catalogue/ mounts every scenario and checks that it shows what its description promises.
 */
import type { ApiChoice, OpenHandsProviderSettings } from '../src/index.js';
import type { ScriptedResponse, TenantOptions } from '../server/control-client.js';

export type Theme = 'auto' | 'light' | 'dark' | 'openhands';
export type Language = 'en' | 'de';

/** What the controls panel edits. */
export interface Controls {
  /** The element's `base-url`; a scenario's default is its tenant's (`/t/<id>`). */
  baseUrl: string;
  sessionKey: string;
  /** The `providers` attribute (comma-separated). */
  providers: string;
  noValidate: boolean;
  disabled: boolean;
  theme: Theme;
  language: Language;
  /** The element's `timeout` in milliseconds. */
  timeout: number;
  /** The element's `api`: which server API it speaks (`auto`: the one that answers). */
  api: ApiChoice;
}

export interface Scenario {
  id: string;
  title: string;
  group: 'Stored state' | 'Saving' | 'Validation' | 'Server answers' | "Today's servers" | 'Look and language';
  /** One line: what the scenario shows. The catalogue test checks exactly this. */
  description: string;
  /** The tenant: stored settings and session key. Default: {@link STORED}, with {@link SESSION_KEY}. */
  tenant?: TenantOptions;
  /** Options of the element, on top of the defaults (the tenant's base URL, its session key, ...). */
  controls?: Partial<Controls>;
  /** What the reference server answers to the next saves (queued once the stored settings are loaded). */
  script?: ScriptedResponse[];
  /** What the person does once the stored settings are shown: typing, then maybe saving. */
  play?: (el: OpenHandsProviderSettings) => Promise<unknown> | void;
  /** Show the scenario while its save is still in flight (slow answers) instead of after it ends. */
  showInFlight?: boolean;
  /** Put the element in a host page with its own, unfriendly, global styles. */
  hostPage?: boolean;
  /**
   * Point the element at a loopback port nothing listens on (a real refused connection) instead
   * of its tenant: the reference server finds one that is free and that browsers do not block.
   */
  closedPort?: boolean;
  /** Boolean attributes of the element (`autoload`, `review`, `guard-unsaved`). With `autoload` the element loads the stored settings itself. */
  attributes?: readonly ('autoload' | 'review' | 'guard-unsaved')[];
}

/** The session key of every scenario's tenant (a demo value: it only opens the demo's own tenants). */
export const SESSION_KEY = 'catalogue-session-key';

/** What today's servers store for the scenarios of "Today's servers" (fake secrets). */
const AGENT_MCP = {
  docs: {
    transport: 'http',
    url: 'https://docs.example.com/mcp',
    auth: { strategy: 'bearer', value: 'docs-demo-secret' },
    headers: { 'X-Team': 'platform' },
  },
  files: {
    command: 'npx',
    args: ['-y', '@modelcontextprotocol/server-filesystem', '/workspace'],
    env: { FILES_TOKEN: 'files-demo-secret' },
  },
};

const V1_TENANT: TenantOptions = {
  api: 'v1',
  sessionKey: SESSION_KEY,
  provider_tokens: {
    github: { token: 'ghp_demoV1Stored', host: null },
    gitlab: { token: 'glpat-demoV1Stored', host: 'gitlab.example.com' },
  },
  settings: { mcp_config: AGENT_MCP },
};

const AGENT_TENANT: TenantOptions = {
  api: 'agent-server',
  sessionKey: SESSION_KEY,
  secrets: { github_token: 'ghp_demoAgentStored' },
  settings: { agent_settings: { mcp_config: AGENT_MCP } },
};

/** Fake tokens of the stored state: the reference server keeps them, the page never sees them. */
const STORED_TOKENS = {
  github: { token: 'ghp_stored_example_token', host: 'github.example.com' },
  gitlab: { token: 'glpat-stored-example-token', host: 'gitlab.example.com' },
  bitbucket: { token: 'someone:stored-app-password', host: null },
};

const STORED_MCP = {
  sse_servers: [{ url: 'https://mcp.example.com/sse', api_key: 'sse-example-key' }],
  shttp_servers: [{ url: 'https://tools.example.com/mcp', api_key: null }],
  stdio_servers: [
    { name: 'fetch', command: 'uvx', args: ['mcp-server-fetch'], env: {} },
    { name: 'github-tools', command: 'npx', args: ['-y', '@example/github-mcp'], env: { LOG_LEVEL: 'info' } },
  ],
};

/** What else an OpenHands user has set: an MCP save must leave all of it as it is. */
export const STORED_SETTINGS = {
  language: 'en',
  agent: 'CodeActAgent',
  llm_model: 'anthropic/claude-sonnet-4-20250514',
  llm_api_key: 'sk-ant-catalogue-example-llm-key',
  confirmation_mode: true,
  max_iterations: 100,
  git_user_name: 'openhands',
  git_user_email: 'openhands@all-hands.dev',
};

export const STORED: TenantOptions = {
  sessionKey: SESSION_KEY,
  settings: { provider_tokens: STORED_TOKENS, mcp_config: STORED_MCP, ...STORED_SETTINGS },
};

const EMPTY: TenantOptions = { sessionKey: SESSION_KEY, settings: { provider_tokens: {}, mcp_config: null } };

function manyServers(perKind: number) {
  const range = Array.from({ length: perKind }, (_, i) => i);
  return {
    sse_servers: range.map((i) => ({ url: `https://sse-${i}.example.com/sse`, api_key: null })),
    shttp_servers: range.map((i) => ({ url: `https://shttp-${i}.example.com/mcp`, api_key: null })),
    stdio_servers: range.map((i) => ({
      name: `tool-${i}`,
      command: 'npx',
      args: ['-y', `@example/tool-${i}`],
      env: { INDEX: String(i) },
    })),
  };
}

/** Types into the control at a JSON Pointer as a person would (value set, `input` fired). */
export function typeInto(el: OpenHandsProviderSettings, pointer: string, text: string): void {
  const input = el.shadowRoot?.querySelector<HTMLInputElement>(`input[data-path="${CSS.escape(pointer)}"]`);
  if (!input) throw new Error(`no control at ${pointer}`);
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Types, waits for the element to render, then saves. */
async function typeAndSave(el: OpenHandsProviderSettings, edits: Record<string, string>): Promise<unknown> {
  for (const [pointer, text] of Object.entries(edits)) {
    typeInto(el, pointer, text);
    await el.updateComplete;
  }
  return el.submit();
}

/** Adds an SSE server after the stored one, gives it a URL, then saves. */
async function addServerAndSave(el: OpenHandsProviderSettings): Promise<unknown> {
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="add-server"][data-kind="sse"]')!.click();
  await el.updateComplete;
  return typeAndSave(el, { '/mcp_config/sse_servers/1/url': NEW_SSE_URL });
}

/** Replaces the form's content (what the person typed), then saves. */
function fillAndSave(el: OpenHandsProviderSettings, body: unknown): Promise<unknown> {
  el.value = body;
  return el.submit();
}

const NEW_GITHUB_TOKEN = 'ghp_catalogue_new_token';
const NEW_SSE_URL = 'https://new-tools.example.com/sse';

/** Invalid in every MCP section, as the server's validators see it. */
const INVALID_MCP = {
  sse_servers: [{ url: 'mcp.example.com', api_key: null }],
  shttp_servers: [{ url: 'ftp://tools.example.com/mcp', api_key: null }],
  stdio_servers: [{ name: 'my server', command: 'npx -y', args: ['@example/tool'], env: {} }],
};

/** A Claude Desktop configuration: one server clashes with a stored one, one cannot be carried over. */
export const CLAUDE_DESKTOP_CONFIG = JSON.stringify(
  {
    mcpServers: {
      filesystem: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/home/me/projects'] },
      fetch: { command: 'uvx', args: ['mcp-server-fetch'] },
      linear: { url: 'https://mcp.linear.example.com/sse', headers: { Authorization: 'Bearer lin_example_key' } },
      'local tool': { type: 'stdio' },
    },
  },
  null,
  2,
);

/** Waits (up to 2 s) until the element's shadow root has something matching `selector`. */
async function until(el: OpenHandsProviderSettings, selector: string): Promise<void> {
  for (let i = 0; i < 200 && !el.shadowRoot!.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 10));
  await el.updateComplete;
}

/** Once the stored settings show the server at `pointer`, removes it and saves. */
async function removeServerAndSave(el: OpenHandsProviderSettings, pointer: string): Promise<unknown> {
  const card = `[data-path="${pointer}"]`;
  await until(el, card);
  el.shadowRoot!.querySelector<HTMLButtonElement>(`${card} button[data-action="remove-server"]`)!.click();
  await el.updateComplete;
  return el.submit();
}

/** Presses "Test connection" on the card at `pointer` (a newer API) and waits for its result. */
async function testConnection(el: OpenHandsProviderSettings, pointer: string): Promise<string> {
  const button = `[data-path="${pointer}"] .test > button`;
  await until(el, button);
  el.shadowRoot!.querySelector<HTMLButtonElement>(button)!.click();
  const result = () => el.shadowRoot!.querySelector(`[data-path="${pointer}"] .test > [role="status"]`);
  const running = () => el.shadowRoot!.querySelector(button)?.getAttribute('aria-disabled') === 'true';
  for (let i = 0; i < 500 && (running() || !result()?.textContent?.trim()); i++)
    await new Promise((r) => setTimeout(r, 10));
  await el.updateComplete;
  return result()?.textContent?.trim() ?? '';
}

/** Opens the MCP "Import / export" panel (loaded on demand), pastes `text` and asks for the preview. */
async function previewImport(el: OpenHandsProviderSettings, text: string): Promise<void> {
  const root = el.shadowRoot!;
  root.querySelector<HTMLButtonElement>('button[data-action="mcp-tools"]')!.click();
  for (let i = 0; i < 200 && !root.querySelector('[part="mcp-tools"]'); i++)
    await new Promise((r) => setTimeout(r, 10));
  const area = root.querySelector<HTMLTextAreaElement>('#mcp-import-text');
  if (!area) throw new Error('the import panel did not open');
  area.value = text;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  root.querySelector<HTMLButtonElement>('[part="mcp-tools"] button[data-tool="preview"]')!.click();
  await el.updateComplete;
}

export const scenarios: readonly Scenario[] = [
  {
    id: 'empty',
    title: 'Empty',
    group: 'Stored state',
    description: 'Nothing is stored yet: three empty git provider sections and no MCP servers.',
    tenant: EMPTY,
  },
  {
    id: 'stored',
    title: 'Stored tokens with hosts',
    group: 'Stored state',
    description:
      'GitHub, GitLab and Bitbucket tokens are stored, two with their own hosts, plus four MCP servers; no token reaches the page.',
  },
  {
    id: 'many-servers',
    title: 'Many servers',
    group: 'Stored state',
    description: '300 stored MCP servers (100 of each kind): a filter, and compact cards that open to edit.',
    tenant: { sessionKey: SESSION_KEY, settings: { provider_tokens: {}, mcp_config: manyServers(100) } },
  },
  {
    id: 'import-export',
    title: 'Import and export',
    group: 'Stored state',
    description:
      'A pasted Claude Desktop config previewed for import: conversions noted, a clash left unchecked, an unusable entry explained.',
    play: (el) => previewImport(el, CLAUDE_DESKTOP_CONFIG),
  },
  {
    id: 'autoload',
    title: 'Loads what is stored',
    group: 'Stored state',
    description:
      'With autoload, the element loads GET /api/settings itself: the stored providers show as stored, no page code needed.',
    attributes: ['autoload'],
    play: (el) => until(el, '[part="stored-badge"]'),
  },
  {
    id: 'review',
    title: 'Review before save',
    group: 'Stored state',
    description:
      'With review, Save first lists what will change (here a replaced GitHub token) and sends nothing until confirmed.',
    attributes: ['review'],
    play: async (el) => {
      typeInto(el, '/provider_tokens/github/token', NEW_GITHUB_TOKEN);
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(el, '[part="review"]');
    },
  },
  {
    id: 'unsaved-guard',
    title: 'Unsaved changes',
    group: 'Stored state',
    description:
      'With guard-unsaved, a typed token marks the element dirty (the host page’s own bar says so) and leaving asks first, until it is saved or discarded.',
    attributes: ['guard-unsaved'],
    // An edit at the top, where it is seen; the catalogue's bar follows the `dirty` attribute.
    play: async (el) => {
      typeInto(el, '/provider_tokens/github/token', NEW_GITHUB_TOKEN);
      await el.updateComplete;
    },
  },
  {
    id: 'saved',
    title: 'Saved',
    group: 'Stored state',
    description:
      'A new GitHub token is typed and saved: the server stores it, the field empties and “Saved.” is announced.',
    tenant: EMPTY,
    play: (el) => typeAndSave(el, { '/provider_tokens/github/token': NEW_GITHUB_TOKEN }),
  },
  {
    id: 'mcp-saved',
    title: 'MCP servers saved',
    group: 'Saving',
    description:
      'An SSE server is added and saved: the tokens go to add-git-providers, the servers into the settings, and language, agent and LLM stay as they were.',
    play: (el) => addServerAndSave(el),
  },
  {
    id: 'no-settings',
    title: 'A server without settings',
    group: 'Saving',
    description:
      'Tokens are stored but no settings (GET /api/settings answers 404): Save asks before replacing tokens it cannot see, and sends nothing until confirmed.',
    tenant: { sessionKey: SESSION_KEY, settings: null, provider_tokens: STORED_TOKENS },
    play: async (el) => {
      await typeAndSave(el, { '/provider_tokens/gitlab/token': 'glpat-catalogue-new-token' });
      await until(el, '[part="confirm-replace"]');
    },
  },
  {
    id: 'mcp-failed',
    title: 'Tokens saved, MCP servers not',
    group: 'Saving',
    description:
      'The tokens are stored but the settings write fails: the failure says which part is stored, GitHub shows as stored, the new server stays unsaved.',
    script: [
      { method: 'POST', path: '/api/settings', status: 500, body: { error: 'Something went wrong storing settings' } },
    ],
    play: (el) => {
      typeInto(el, '/provider_tokens/github/token', NEW_GITHUB_TOKEN);
      return addServerAndSave(el);
    },
  },
  {
    id: 'typing-while-saving',
    title: 'Typing while it saves',
    group: 'Saving',
    description:
      'A slow save of a GitHub token; a GitLab token typed meanwhile is kept, unsaved, and the status says so: only what was sent is stored.',
    // The real store, slowly: every answer of this tenant takes 800 ms.
    tenant: { ...STORED, delayMs: 800 },
    play: async (el) => {
      const saving = typeAndSave(el, { '/provider_tokens/github/token': NEW_GITHUB_TOKEN });
      await new Promise((r) => setTimeout(r, 200));
      typeInto(el, '/provider_tokens/gitlab/token', 'glpat-typed-while-saving');
      return saving;
    },
  },
  {
    id: 'not-openhands',
    title: 'An answer not from OpenHands',
    group: 'Saving',
    description:
      'A 200 whose body is the text “OK”: not OpenHands’ answer, so nothing is called saved and the typed token stays.',
    script: [{ status: 200, body: 'OK', contentType: 'text/plain' }],
    play: (el) => typeAndSave(el, { '/provider_tokens/github/token': NEW_GITHUB_TOKEN }),
  },
  {
    id: 'client-checks',
    title: 'Checked before sending',
    group: 'Validation',
    description:
      'The form’s own checks: an SSE URL without a scheme and a host without a token are flagged on their fields; nothing is sent.',
    tenant: EMPTY,
    play: (el) =>
      fillAndSave(el, {
        provider_tokens: { gitlab: { token: null, host: 'gitlab.example.com' } },
        mcp_config: { sse_servers: [{ url: 'mcp.example.com', api_key: null }], shttp_servers: [], stdio_servers: [] },
      }),
  },
  {
    id: '422-providers',
    title: '422 in git providers',
    group: 'Validation',
    description: 'This server does not know Bitbucket: its 422 lands on the Bitbucket section, in the server’s words.',
    tenant: { ...EMPTY, providerTypes: ['github', 'gitlab'] },
    controls: { noValidate: true },
    play: (el) => typeAndSave(el, { '/provider_tokens/bitbucket/token': 'someone:app-password' }),
  },
  {
    id: '422-sse',
    title: '422 in SSE servers',
    group: 'Validation',
    description: 'With the form’s checks off, the server’s 422 on an SSE URL without a scheme shows on that URL field.',
    tenant: EMPTY,
    controls: { noValidate: true },
    play: (el) =>
      fillAndSave(el, {
        provider_tokens: {},
        mcp_config: { sse_servers: INVALID_MCP.sse_servers, shttp_servers: [], stdio_servers: [] },
      }),
  },
  {
    id: '422-shttp',
    title: '422 in streamable HTTP servers',
    group: 'Validation',
    description: 'The server’s 422 on a streamable HTTP URL with an ftp:// scheme shows on that URL field.',
    tenant: EMPTY,
    controls: { noValidate: true },
    play: (el) =>
      fillAndSave(el, {
        provider_tokens: {},
        mcp_config: { sse_servers: [], shttp_servers: INVALID_MCP.shttp_servers, stdio_servers: [] },
      }),
  },
  {
    id: '422-stdio',
    title: '422 in stdio servers',
    group: 'Validation',
    description: 'The server’s 422s on a stdio server’s name and command show on those two fields.',
    tenant: EMPTY,
    controls: { noValidate: true },
    play: (el) =>
      fillAndSave(el, {
        provider_tokens: {},
        mcp_config: { sse_servers: [], shttp_servers: [], stdio_servers: INVALID_MCP.stdio_servers },
      }),
  },
  {
    id: '422-several',
    title: 'Several 422s at once',
    group: 'Validation',
    description:
      'Five 422 errors in one answer, one per section and field; the summary lists all five and takes focus.',
    tenant: { ...EMPTY, providerTypes: ['github', 'gitlab'] },
    controls: { noValidate: true },
    play: (el) =>
      fillAndSave(el, {
        provider_tokens: { bitbucket: { token: 'someone:app-password', host: null } },
        mcp_config: INVALID_MCP,
      }),
  },
  {
    id: 'token-rejected',
    title: 'Token rejected by the provider',
    group: 'Server answers',
    description:
      'GitHub rejects the typed token: the server’s 401 message appears on the GitHub token field, as it wrote it.',
    play: (el) => typeAndSave(el, { '/provider_tokens/github/token': 'bad-token-for-the-demo' }),
  },
  {
    id: 'wrong-session-key',
    title: 'Wrong session key',
    group: 'Server answers',
    description: 'The session key is wrong: loading is refused, and a save is answered 401, reported above the fields.',
    controls: { sessionKey: 'not-the-session-key' },
    play: (el) => typeAndSave(el, { '/provider_tokens/github/token': NEW_GITHUB_TOKEN }),
  },
  {
    id: 'server-500-json',
    title: '500 with JSON',
    group: 'Server answers',
    description:
      'The server answers 500 with a JSON error; the form shows the server’s own words and keeps what was typed.',
    script: [{ status: 500, body: { error: 'Something went wrong storing git providers' } }],
    play: (el) => typeAndSave(el, { '/provider_tokens/github/token': NEW_GITHUB_TOKEN }),
  },
  {
    id: 'server-500-text',
    title: '500 as plain text',
    group: 'Server answers',
    description:
      'The server answers 500 with the plain text “Internal Server Error” (a crashed validator); the form says so.',
    script: [{ status: 500, body: 'Internal Server Error', contentType: 'text/plain; charset=utf-8', cors: false }],
    play: (el) => typeAndSave(el, { '/provider_tokens/github/token': NEW_GITHUB_TOKEN }),
  },
  {
    id: 'rate-limited',
    title: '429 Too Many Requests',
    group: 'Server answers',
    description: 'The server answers 429 with Retry-After: the form asks to wait a moment and try again.',
    script: [{ status: 429, body: { detail: 'Too Many Requests' }, headers: { 'Retry-After': '3' } }],
    play: (el) => typeAndSave(el, { '/provider_tokens/github/token': NEW_GITHUB_TOKEN }),
  },
  {
    id: 'network-down',
    title: 'Network down',
    group: 'Server answers',
    description:
      'Nothing listens at the base URL (a closed loopback port): loading fails and a save is reported as a network failure.',
    // Not a fixed port: Chromium refuses low ones such as 9 itself (ERR_UNSAFE_PORT), without trying.
    closedPort: true,
    play: (el) => typeAndSave(el, { '/provider_tokens/github/token': NEW_GITHUB_TOKEN }),
  },
  {
    id: 'connection-dropped',
    title: 'Connection dropped',
    group: 'Server answers',
    description: 'The server breaks the connection instead of answering: the save is reported as a network failure.',
    script: [{ drop: true }],
    play: (el) => typeAndSave(el, { '/provider_tokens/github/token': NEW_GITHUB_TOKEN }),
  },
  {
    id: 'slow',
    title: 'Slow answer',
    group: 'Server answers',
    description: 'The server takes 2 seconds: the save button says “Saving…” and the form is busy, then “Saved.”',
    script: [{ status: 200, body: { message: 'Git providers stored' }, delayMs: 2000 }],
    showInFlight: true,
    play: (el) => typeAndSave(el, { '/provider_tokens/github/token': NEW_GITHUB_TOKEN }),
  },
  {
    id: 'timeout',
    title: 'Timeout',
    group: 'Server answers',
    description:
      'The server never answers and the element’s timeout is 1.5 seconds: the save is reported as timed out.',
    script: [{ hang: true }],
    controls: { timeout: 1500 },
    play: (el) => typeAndSave(el, { '/provider_tokens/github/token': NEW_GITHUB_TOKEN }),
  },
  {
    id: 'v1-server',
    title: 'The V1 app server',
    group: "Today's servers",
    description:
      'On an OpenHands 1.x app server, auto finds V1: each MCP server shows its name, auth and headers, and its secrets show as stored.',
    tenant: V1_TENANT,
    attributes: ['autoload'],
    play: (el) => until(el, '[data-path="/mcp_config/shttp_servers/0/name"]'),
  },
  {
    id: 'v1-masked-secret',
    title: 'A secret left alone stays',
    group: "Today's servers",
    description:
      'The docs server’s URL changed and saved on V1: its bearer token, read back masked and never retyped, is still stored.',
    tenant: V1_TENANT,
    attributes: ['autoload'],
    play: async (el) => {
      await until(el, '[data-path="/mcp_config/shttp_servers/0/name"]');
      return typeAndSave(el, { '/mcp_config/shttp_servers/0/url': 'https://docs.example.com/v2/mcp' });
    },
  },
  {
    id: 'agent-server',
    title: 'The local agent-server',
    group: "Today's servers",
    description:
      'On a local agent-server, removing the files server saves a merge patch that deletes it alone; the git token is its github_token secret.',
    tenant: AGENT_TENANT,
    attributes: ['autoload'],
    play: (el) => removeServerAndSave(el, '/mcp_config/stdio_servers/0'),
  },
  {
    id: 'agent-server-test',
    title: 'Test a server before saving',
    group: "Today's servers",
    description:
      'On the agent-server, the docs server’s secrets (shown as stored) are typed again and Test connection lists the tools it finds, on the card and announced, before anything is saved.',
    tenant: AGENT_TENANT,
    attributes: ['autoload'],
    play: async (el) => {
      await until(el, '[data-path="/mcp_config/shttp_servers/0/auth/value"]');
      typeInto(el, '/mcp_config/shttp_servers/0/auth/value', 'docs-demo-secret');
      await el.updateComplete;
      typeInto(el, '/mcp_config/shttp_servers/0/headers/X-Team', 'platform');
      await el.updateComplete;
      return testConnection(el, '/mcp_config/shttp_servers/0');
    },
  },
  {
    id: 'v1-test',
    title: 'Test a stored server',
    group: "Today's servers",
    description:
      'On V1, Test connection runs a test of the docs server as stored and shows the run’s result on its card.',
    tenant: V1_TENANT,
    attributes: ['autoload'],
    play: (el) => testConnection(el, '/mcp_config/shttp_servers/0'),
  },
  {
    id: 'agent-server-older',
    title: 'An older agent-server',
    group: "Today's servers",
    description:
      'An older agent-server cannot delete one server without storing all again; a secret shown masked would be erased, so nothing is sent and the field asks for it.',
    tenant: {
      ...AGENT_TENANT,
      variant: 'nested-delete',
      settings: { agent_settings: { mcp_config: { mcpServers: AGENT_MCP } } },
    },
    attributes: ['autoload'],
    play: (el) => removeServerAndSave(el, '/mcp_config/shttp_servers/0'),
  },
  {
    id: 'dark',
    title: 'Dark theme',
    group: 'Look and language',
    description: 'theme="dark" with stored tokens and an invalid SSE URL flagged, whatever the system’s colour scheme.',
    controls: { theme: 'dark' },
    play: (el) => typeAndSave(el, { '/mcp_config/sse_servers/0/url': 'mcp.example.com/sse' }),
  },
  {
    id: 'openhands-theme',
    title: 'OpenHands theme',
    group: 'Look and language',
    description: 'Custom properties (--ohps-*) give the element the look of OpenHands’ own dark settings page.',
    controls: { theme: 'openhands' },
  },
  {
    id: 'german',
    title: 'Another language',
    group: 'Look and language',
    description: 'Every string in German through the strings property, the form’s own error messages included.',
    controls: { language: 'de' },
    play: (el) => typeAndSave(el, { '/mcp_config/sse_servers/0/url': 'mcp.example.com/sse' }),
  },
  {
    id: 'host-page',
    title: 'Inside a styled host page',
    group: 'Look and language',
    description:
      'A host page with loud global styles (serif, uppercase, red buttons, wide spacing) that do not reach inside the element.',
    hostPage: true,
  },
];
