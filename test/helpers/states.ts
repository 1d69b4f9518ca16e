/**
 * The element's states a person can bring about, for the accessibility tests: each function acts
 * as a person would (buttons clicked, text typed, Save pressed) and checks that the state is
 * really shown before it returns, so that a check run on it cannot pass on a state that is not
 * there.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { CLAUDE_DESKTOP_CONFIG, STORED } from '../../demo/scenarios.js';
import { OPENHANDS_THEME } from '../../demo/themes.js';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { $, $$, control, group, mount, type } from './element.js';
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

const root = (el: OpenHandsProviderSettings) => el.shadowRoot!;

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
  await shows(el, '[part="load-error"] button[data-action="retry-load"]', 'the load error');
  return el;
}

/** Waits until the element shows something matching `selector`. */
export async function shows(el: OpenHandsProviderSettings, selector: string, what = selector): Promise<HTMLElement> {
  await waitUntil(
    async () => {
      await el.updateComplete;
      return root(el).querySelector(selector) !== null;
    },
    `${what} did not show`,
    { timeout: 5000 },
  );
  return $(el, selector);
}

/** Opens the MCP "Import / export" panel with its button (the panel loads on demand). */
export async function openImportExport(el: OpenHandsProviderSettings): Promise<HTMLElement> {
  $(el, 'button[data-action="mcp-tools"]').click();
  return shows(el, '[part="mcp-tools"]', 'the import / export panel');
}

/**
 * Opens the import / export panel, pastes a Claude Desktop configuration (one server clashes with
 * a stored one, one converted, one unusable) and asks for the preview.
 */
export async function previewImport(el: OpenHandsProviderSettings, text = CLAUDE_DESKTOP_CONFIG): Promise<HTMLElement> {
  const panel = root(el).querySelector<HTMLElement>('[part="mcp-tools"]') ?? (await openImportExport(el));
  const area = $(el, '#mcp-import-text') as HTMLTextAreaElement;
  area.value = text;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  $(el, '[part="mcp-tools"] button[data-tool="preview"]').click();
  await shows(el, '[part="mcp-tools"] .preview', 'the import preview');
  return panel;
}

/** Presses a provider's "Remove stored … token" button: the provider asks to confirm. */
export async function askToRemove(el: OpenHandsProviderSettings, provider: string): Promise<HTMLElement> {
  const row = group(el, `/provider_tokens/${provider}`).dataset.row!;
  $(el, `button[data-action="remove-provider"][data-row="${CSS.escape(row)}"]`).click();
  return shows(
    el,
    `[data-provider="${provider}"] [data-action="confirm-remove-provider"]`,
    `${provider}'s remove confirmation`,
  );
}

/** Presses Save as a person would (the form's submit button), then waits for what it shows. */
export async function pressSave(
  el: OpenHandsProviderSettings,
  expected: '[part="review"]' | '[part="error-summary"]' | '[part="load-error"]' | string,
): Promise<HTMLElement> {
  ($(el, '[part="save-button"]') as HTMLButtonElement).click();
  return shows(el, expected, `after Save, ${expected}`);
}

/** Types a new GitHub token (a change for the review to list). */
export function typeToken(el: OpenHandsProviderSettings, token = 'ghp_a11yReplacementToken'): Promise<void> {
  return type(el, control(el, '/provider_tokens/github/token'), token);
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
  await pressSave(el, '[part="review"]');
  // Nothing closed another: all three are there.
  expect(root(el).querySelector('[part="mcp-tools"] .preview'), 'the import preview').to.exist;
  expect(root(el).querySelector('[data-action="confirm-remove-provider"]'), 'the remove confirmation').to.exist;
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
  await pressSave(el, '[part="error-summary"]');
  await askToRemove(el, 'bitbucket');
  const entries = $$(el, '[part="error-summary"] [data-action="focus-error"]');
  expect(entries.length, 'entries in the error summary').to.be.at.least(10);
  expect(root(el).querySelector('[part="mcp-tools"] .preview'), 'the import preview').to.exist;
}
