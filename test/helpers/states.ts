/**
 * The element's states a person can bring about, for the accessibility tests: each function acts
 * as a person would (buttons clicked, text typed, Save pressed) and checks that the state is
 * really shown before it returns, so that a check run on it cannot pass on a state that is not
 * there.
 */
import { expect } from '@open-wc/testing';
import { CLAUDE_DESKTOP_CONFIG, STORED } from '../../demo/scenarios.js';
import { OPENHANDS_THEME } from '../../demo/themes.js';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { harness, mount } from './element.js';
import type { ProviderSettingsHarness } from './harness.js';
import { createTenant, scriptResponses, SESSION_KEY } from './reference-server.js';

/** What `GET /api/settings` says of a user with three stored tokens and four MCP servers. */
export const STORED_SETTINGS = Object.freeze({
  provider_tokens_set: { github: 'github.example.com', gitlab: 'gitlab.example.com', bitbucket: null },
  mcp_config: {
    sse_servers: [{ url: 'https://mcp.example.com/sse', api_key: 'sse-example-key' }],
    shttp_servers: [{ url: 'https://tools.example.com/mcp', api_key: null }],
    stdio_servers: [
      { name: 'fetch', command: 'uvx', args: ['mcp-server-fetch'], env: {} },
      { name: 'github-tools', command: 'npx', args: ['-y', '@example/github-mcp'], env: { LOG_LEVEL: 'info' } },
    ],
  },
});

/** The settings to give an element: a fresh copy each time. */
export const storedSettings = () =>
  structuredClone(STORED_SETTINGS) as unknown as OpenHandsProviderSettings['settings'];

/**
 * A form with many problems of every kind the form's own checks find: URLs without a scheme or
 * with a wrong one, a server name with spaces, a command with arguments in it, a host without a
 * token. Thirteen entries in the error summary, most of them long.
 */
export function manyProblems() {
  return {
    provider_tokens: { gitlab: { token: null, host: 'gitlab.example.com' } },
    mcp_config: {
      sse_servers: Array.from({ length: 6 }, (_, i) => ({
        url: `mcp-${i}.example.com/a/rather/long/path/sse`,
        api_key: null,
      })),
      shttp_servers: [
        { url: 'ftp://tools.example.com/mcp', api_key: null },
        { url: 'tools-without-a-scheme.example.com/mcp', api_key: null },
      ],
      stdio_servers: [
        { name: 'my server', command: 'npx -y @example/tool', args: ['@example/tool'], env: { LOG_LEVEL: 'debug' } },
        { name: 'another one', command: 'uvx mcp-server-fetch', args: [], env: {} },
      ],
    },
  };
}

/** The looks the tests check: the element's two themes, and the demo's OpenHands look (dark, with its `--ohps-*` properties). */
export type Look = 'light' | 'dark' | 'openhands';

/** Gives the element a look as the demo catalogue's theme control does. */
export async function applyLook(el: OpenHandsProviderSettings, look: Look): Promise<void> {
  el.theme = look === 'light' ? 'light' : 'dark';
  for (const [name, value] of Object.entries(OPENHANDS_THEME)) {
    if (look === 'openhands') el.style.setProperty(name, value);
    else el.style.removeProperty(name);
  }
  await el.updateComplete;
}

/** `autoload` against a server whose load answers 500: the load error with its Retry button. */
export async function failedAutoload(): Promise<OpenHandsProviderSettings> {
  const tenant = await createTenant({ settings: STORED.settings });
  await scriptResponses(tenant.id, [
    { status: 500, body: { error: 'Something went wrong while loading the stored settings' } },
  ]);
  const el = await mount((e) => {
    e.baseUrl = tenant.baseUrl;
    e.sessionKey = SESSION_KEY;
    e.autoload = true;
  });
  const ui = harness(el);
  await ui.waitFor(() => ui.loadError.retryButton, 'the load error');
  return el;
}

/** Opens the MCP "Import / export" panel with its button (the panel loads on demand). */
export function openImportExport(el: OpenHandsProviderSettings): Promise<HTMLElement> {
  return harness(el).importExport.open();
}

/**
 * Opens the import / export panel, pastes a Claude Desktop configuration (one server clashes with
 * a stored one, one converted, one unusable) and asks for the preview.
 */
export async function previewImport(el: OpenHandsProviderSettings, text = CLAUDE_DESKTOP_CONFIG): Promise<HTMLElement> {
  const tools = harness(el).importExport;
  const panel = tools.shown ? tools.element : await tools.open();
  await tools.preview(text);
  await harness(el).waitFor(() => tools.hasPreview, 'the import preview');
  return panel;
}

/** Presses a provider's "Remove stored … token" button: the provider asks to confirm. */
export async function askToRemove(el: OpenHandsProviderSettings, provider: string): Promise<HTMLElement> {
  const ui = harness(el);
  await ui.provider(provider).askToRemove();
  return ui.waitFor(() => ui.provider(provider).confirmRemoveButton, `${provider}'s remove confirmation`);
}

/** What Save can bring up. */
const AFTER_SAVE = {
  review: (ui: ProviderSettingsHarness) => ui.review.element,
  'error summary': (ui: ProviderSettingsHarness) => ui.summary.element,
  'replace confirmation': (ui: ProviderSettingsHarness) => ui.replaceConfirmation.element,
} as const;

/** Presses Save as a person would (the form's submit button), then waits for what it shows. */
export async function pressSave(
  el: OpenHandsProviderSettings,
  expected: keyof typeof AFTER_SAVE,
): Promise<HTMLElement> {
  const ui = harness(el);
  await ui.save();
  return ui.waitFor(() => AFTER_SAVE[expected](ui), `after Save, the ${expected}`);
}

/** Types a new GitHub token (a change for the review to list). */
export function typeToken(el: OpenHandsProviderSettings, token = 'ghp_a11yReplacementToken'): Promise<void> {
  return harness(el).typeToken('github', token);
}

/**
 * Every panel of an element with stored settings and the `review` attribute open at once: the
 * import / export panel with a preview, GitLab asking to confirm its removal, and the review of
 * a replaced GitHub token (Save pressed).
 */
export async function everyPanelWithReview(el: OpenHandsProviderSettings): Promise<void> {
  el.review = true;
  el.settings = storedSettings();
  await el.updateComplete;
  await previewImport(el);
  await typeToken(el);
  await askToRemove(el, 'gitlab');
  await pressSave(el, 'review');
  // Nothing closed another: all three are there.
  const ui = harness(el);
  expect(ui.importExport.hasPreview, 'the import preview').to.equal(true);
  expect(ui.provider('gitlab').confirming, 'the remove confirmation').to.equal(true);
}

/**
 * Every panel of an element with many problems open at once: the error summary (Save pressed on
 * {@link manyProblems}), the import / export panel with a preview, Bitbucket asking to confirm
 * its removal.
 */
export async function everyPanelWithErrors(el: OpenHandsProviderSettings): Promise<void> {
  el.settings = storedSettings();
  el.value = manyProblems();
  await el.updateComplete;
  await previewImport(el);
  await pressSave(el, 'error summary');
  await askToRemove(el, 'bitbucket');
  const ui = harness(el);
  expect(ui.summary.entries.length, 'entries in the error summary').to.be.at.least(10);
  expect(ui.importExport.hasPreview, 'the import preview').to.equal(true);
}
