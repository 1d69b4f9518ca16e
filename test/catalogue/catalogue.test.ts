/**
 * Walks the demo catalogue: mounts the same catalogue `npm start` shows (demo/catalogue.ts), on
 * the reference server the test runner mounts, shows each scenario, and checks that it shows
 * what its one-line description promises; then runs axe on the whole catalogue in the light and
 * dark themes (and the scenario's own theme), colour contrast included.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createCatalogue, type Catalogue, type Shown } from '../../demo/catalogue.js';
import { scenarios, STORED_SETTINGS, type Theme } from '../../demo/scenarios.js';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { control, description, errorOf, group, harness } from '../helpers/element.js';

type Check = (shown: Shown, catalogue: Catalogue) => Promise<void> | void;

function failedKinds(catalogue: Catalogue): string[] {
  return catalogue.log
    .filter((entry) => entry.event === 'provider-settings-failed')
    .map((entry) => /kind: ([\w-]+)/.exec(entry.text)?.[1] ?? '');
}

function loadNote(catalogue: Catalogue): string {
  return catalogue.log.find((entry) => entry.event === 'GET api/settings')?.text ?? '';
}

function formError(el: OpenHandsProviderSettings): string {
  return harness(el).formError.text;
}

async function controlGet<T>(path: string): Promise<T> {
  const response = await fetch(`/__control${path}`);
  expect(response.ok, `GET /__control${path}`).to.equal(true);
  return (await response.json()) as T;
}

const posts = (id: string) => controlGet<{ path: string }[]>(`/tenants/${id}/requests?method=POST`);

interface TenantView {
  provider_tokens: Record<string, { token: string; host: string | null }>;
  mcp_config: { sse_servers: { url: string }[] };
  settings: Record<string, unknown> | null;
}
const tenantOf = (id: string) => controlGet<TenantView>(`/tenants/${id}`);

function expectFieldError(el: OpenHandsProviderSettings, pointer: string, message: string): void {
  const input = control(el, pointer);
  expect(input.getAttribute('aria-invalid'), `${pointer} is invalid`).to.equal('true');
  expect(errorOf(el, input), pointer).to.equal(message);
}

function rgb(el: Element, property: string): string {
  return getComputedStyle(el).getPropertyValue(property).trim();
}

const checks: Record<string, Check> = {
  empty({ el }, catalogue) {
    const ui = harness(el);
    expect(ui.providers().map((p) => p.name)).to.deep.equal(['github', 'gitlab', 'bitbucket']);
    expect(ui.storedProviders()).to.deep.equal([]);
    expect(ui.servers().length).to.equal(0);
    expect((['sse', 'shttp', 'stdio'] as const).map((kind) => ui.serverList(kind).emptyNote)).to.include.members([
      'No SSE servers.',
      'No stdio servers.',
    ]);
    expect(loadNote(catalogue)).to.contain('loaded; stored providers: (none)');
  },
  async stored({ el, tenant }) {
    const ui = harness(el);
    expect(ui.storedProviders()).to.have.length(3);
    expect(control(el, '/provider_tokens/github/host').value).to.equal('github.example.com');
    expect(control(el, '/provider_tokens/gitlab/host').value).to.equal('gitlab.example.com');
    expect(control(el, '/provider_tokens/bitbucket/host').value).to.equal('');
    expect(ui.servers().length).to.equal(4);
    const state = await controlGet<{ provider_tokens: Record<string, { token: string }> }>(`/tenants/${tenant.id}`);
    const tokens = Object.values(state.provider_tokens).map((p) => p.token);
    expect(tokens).to.have.length(3);
    // No stored token reached the page: not in any input, attribute or text.
    const values = ui.inputs().map((i) => i.value);
    for (const token of tokens) {
      expect(values).not.to.include(token);
      expect(el.shadowRoot!.innerHTML).not.to.contain(token);
      expect(JSON.stringify(el.value)).not.to.contain(token);
    }
  },
  async 'many-servers'({ el }) {
    const ui = harness(el);
    const servers = ui.servers();
    expect(servers.length).to.equal(300);
    // A long list: a filter, and compact cards that open to edit.
    expect(ui.filter.shown).to.equal(true);
    expect(servers.flatMap((s) => s.inputs).length).to.equal(0);
    const server = ui.server('stdio', 99);
    await server.expand();
    await ui.fill(server.command, 'uvx');
    expect(el.value.mcp_config!.stdio_servers[99]!.command).to.equal('uvx');
  },
  'import-export'({ el }) {
    const ui = harness(el);
    const tools = ui.importExport;
    expect(tools.found.textContent).to.equal('3 servers found (Claude Desktop / Cursor)');
    const entries = tools.entries();
    expect(entries.map((e) => e.checked)).to.deep.equal([true, false, true]);
    expect(entries[1]!.clash).to.contain('“fetch” is already in the form');
    expect(entries[2]!.notes).to.include('The Authorization: Bearer header became the API key.');
    expect(tools.skipped()).to.include('“local tool”: A stdio server without a command.');
    expect(tools.exportText.value).to.contain('••••••').and.not.to.contain('sse-example-key');
    expect(tools.element.getAttribute('role')).to.equal('group');
    expect(ui.servers().length).to.equal(4);
  },
  async autoload({ el, tenant }, catalogue) {
    expect(el.hasAttribute('autoload')).to.equal(true);
    expect(harness(el).storedProviders()).to.have.length(3);
    expect(control(el, '/provider_tokens/gitlab/host').value).to.equal('gitlab.example.com');
    // The page did not load anything: the element did.
    expect(loadNote(catalogue)).to.equal('');
    const gets = await controlGet<unknown[]>(`/tenants/${tenant.id}/requests?method=GET`);
    expect(gets.length).to.be.greaterThan(0);
  },
  async review({ el, tenant }) {
    const review = harness(el).review.element;
    expect(review.getAttribute('role')).to.equal('group');
    expect(review.textContent).to.contain('GitHub');
    expect(review.textContent).not.to.contain('ghp_catalogue_new_token');
    expect(await posts(tenant.id)).to.deep.equal([]);
  },
  async 'unsaved-guard'({ el }) {
    expect(el.hasAttribute('dirty')).to.equal(true);
    expect(control(el, '/provider_tokens/github/token').value).to.equal('ghp_catalogue_new_token');
    // The page's own bar shows the dirty state (the element's provider-settings-dirty event).
    const bar = document.querySelector<HTMLElement>('.unsaved-bar')!;
    expect(bar.hidden).to.equal(false);
    expect(bar.dataset.dirty).to.equal('true');
    expect(bar.querySelector('[role="status"]')!.textContent).to.equal(
      'Unsaved changes: leaving or reloading this page asks first.',
    );
    expect(bar.textContent).not.to.contain('ghp_catalogue_new_token');
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).to.equal(true);
    el.reset();
    await el.updateComplete;
    expect(el.hasAttribute('dirty')).to.equal(false);
    expect(bar.dataset.dirty).to.equal('false');
    expect(bar.textContent).to.contain('No unsaved changes');
    const again = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(again);
    expect(again.defaultPrevented).to.equal(false);
  },
  async saved({ el, tenant }, catalogue) {
    const ui = harness(el);
    expect(ui.status.text).to.equal('Saved.');
    expect(ui.status.element.getAttribute('role')).to.equal('status');
    expect(ui.provider('github').stored).to.equal(true);
    expect(control(el, '/provider_tokens/github/token').value).to.equal('');
    expect(catalogue.log.some((e) => e.event === 'provider-settings-saved')).to.equal(true);
    const state = await controlGet<{ provider_tokens: Record<string, { token: string }> }>(`/tenants/${tenant.id}`);
    expect(state.provider_tokens.github?.token).to.equal('ghp_catalogue_new_token');
  },
  async 'mcp-saved'({ el, tenant }, catalogue) {
    expect(harness(el).status.text).to.equal('Saved.');
    const saved = catalogue.log.find((e) => e.event === 'provider-settings-saved');
    expect(saved?.text).to.contain('parts stored: tokens, mcp');
    expect(el.dirty).to.equal(false);
    const state = await tenantOf(tenant.id);
    expect(state.mcp_config.sse_servers.map((s) => s.url)).to.deep.equal([
      'https://mcp.example.com/sse',
      'https://new-tools.example.com/sse',
    ]);
    // Everything else the person had set survived the settings write, the LLM key included.
    expect(state.settings).to.include({ ...STORED_SETTINGS });
    expect(Object.keys(state.provider_tokens).sort()).to.deep.equal(['bitbucket', 'github', 'gitlab']);
    expect((await posts(tenant.id)).map((r) => r.path.replace(/^\/t\/[^/]+/, ''))).to.deep.equal([
      '/api/add-git-providers',
      '/api/settings',
    ]);
  },
  async 'no-settings'({ el, tenant }, catalogue) {
    expect(loadNote(catalogue)).to.contain('no settings record (404)');
    expect(harness(el).tokensUnknown.element.textContent).to.contain('cannot be seen');
    const panel = harness(el).replaceConfirmation.element;
    expect(panel.textContent).to.contain('Replace every stored git token?');
    expect(await posts(tenant.id), 'nothing sent before the person confirms').to.deep.equal([]);
    const state = await tenantOf(tenant.id);
    expect(Object.keys(state.provider_tokens).sort()).to.deep.equal(['bitbucket', 'github', 'gitlab']);
    expect(state.settings).to.equal(null);
  },
  async 'mcp-failed'({ el, tenant }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['server']);
    expect(catalogue.log.find((e) => e.event === 'provider-settings-failed')?.text).to.contain('parts stored: tokens;');
    const ui = harness(el);
    const summary = ui.summary.element.textContent!;
    expect(summary).to.contain('The git tokens were saved; the MCP servers were not');
    expect(summary).to.contain('Something went wrong storing settings');
    expect(ui.provider('github').stored).to.equal(true);
    expect(control(el, '/mcp_config/sse_servers/1/url').value).to.equal('https://new-tools.example.com/sse');
    expect(el.dirty).to.equal(true);
    const state = await tenantOf(tenant.id);
    expect(state.provider_tokens.github?.token).to.equal('ghp_catalogue_new_token');
    expect(state.mcp_config.sse_servers).to.have.length(1);
  },
  async 'typing-while-saving'({ el, tenant }) {
    expect(harness(el).status.text).to.equal('Saved. What was changed while saving is not saved yet.');
    expect(control(el, '/provider_tokens/gitlab/token').value).to.equal('glpat-typed-while-saving');
    expect(control(el, '/provider_tokens/github/token').value).to.equal('');
    expect(el.dirty).to.equal(true);
    const state = await tenantOf(tenant.id);
    // What was sent is stored; the GitLab token typed meanwhile is not (yet), and the stored one is kept.
    expect(state.provider_tokens.github?.token).to.equal('ghp_catalogue_new_token');
    expect(state.provider_tokens.gitlab?.token).to.equal('glpat-stored-example-token');
  },
  async 'not-openhands'({ el, tenant }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['unknown']);
    expect(formError(el)).to.contain('not as OpenHands does');
    expect(harness(el).status.text).to.equal('');
    expect(control(el, '/provider_tokens/github/token').value).to.equal('ghp_catalogue_new_token');
    const state = await tenantOf(tenant.id);
    expect(state.provider_tokens.github?.token).to.equal('ghp_stored_example_token');
  },
  async 'client-checks'({ el, tenant }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['invalid']);
    expectFieldError(el, '/mcp_config/sse_servers/0/url', 'URL must include a scheme (http:// or https://)');
    expectFieldError(el, '/provider_tokens/gitlab/token', 'Enter a token: the server does not save a host on its own');
    expect(await posts(tenant.id), 'nothing was sent').to.deep.equal([]);
  },
  async '422-providers'({ el, tenant }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['validation']);
    expect(description(el, group(el, '/provider_tokens/bitbucket'))).to.equal("Input should be 'github' or 'gitlab'");
    expect(await posts(tenant.id)).to.have.length(1);
  },
  async '422-sse'({ el, tenant }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['validation']);
    expectFieldError(el, '/mcp_config/sse_servers/0/url', 'URL must include a scheme (http:// or https://)');
    expect(await posts(tenant.id), 'the server answered, not the form').to.have.length(1);
  },
  async '422-shttp'({ el, tenant }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['validation']);
    expectFieldError(el, '/mcp_config/shttp_servers/0/url', 'URL scheme must be http, https, ws, or wss');
    expect(await posts(tenant.id)).to.have.length(1);
  },
  async '422-stdio'({ el, tenant }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['validation']);
    expectFieldError(
      el,
      '/mcp_config/stdio_servers/0/name',
      'Server name can only contain letters, numbers, hyphens, and underscores',
    );
    expectFieldError(
      el,
      '/mcp_config/stdio_servers/0/command',
      'Command should be a single executable without spaces (use arguments field for parameters)',
    );
    expect(await posts(tenant.id)).to.have.length(1);
  },
  '422-several'({ el }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['validation']);
    const ui = harness(el);
    expect(ui.summary.entries.length).to.equal(5);
    expect(ui.summary.heading).to.equal('There are 5 problems');
    expect(ui.focused()).to.equal(ui.summary.element);
    for (const pointer of [
      '/mcp_config/sse_servers/0/url',
      '/mcp_config/shttp_servers/0/url',
      '/mcp_config/stdio_servers/0/name',
    ]) {
      expect(control(el, pointer).getAttribute('aria-invalid'), pointer).to.equal('true');
    }
  },
  'token-rejected'({ el }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['token-rejected']);
    expectFieldError(
      el,
      '/provider_tokens/github/token',
      'Invalid token. Please make sure it is a valid github token.',
    );
  },
  'wrong-session-key'({ el }, catalogue) {
    expect(loadNote(catalogue)).to.contain('not loaded (unauthorized)');
    expect(failedKinds(catalogue)).to.deep.equal(['unauthorized']);
    expect(formError(el)).to.contain('session key');
    expect(formError(el)).not.to.contain('not-the-session-key');
  },
  'server-500-json'({ el }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['server']);
    expect(formError(el)).to.contain('“Something went wrong storing git providers”');
    expect(control(el, '/provider_tokens/github/token').value, 'what was typed is kept').to.equal(
      'ghp_catalogue_new_token',
    );
  },
  'server-500-text'({ el }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['server']);
    expect(formError(el)).to.contain('HTTP 500');
    expect(formError(el)).to.contain('“Internal Server Error”');
  },
  'rate-limited'({ el }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['rate-limited']);
    expect(formError(el)).to.contain('429');
    expect(formError(el)).to.contain('try again');
  },
  async 'network-down'({ el }, catalogue) {
    // A port the reference server checked is closed, and not one Chromium blocks (ERR_UNSAFE_PORT).
    const { port, baseUrl } = await controlGet<{ port: number; baseUrl: string }>('/closed-port');
    expect(el.baseUrl).to.equal(baseUrl);
    expect(port).to.be.greaterThan(10080);
    expect(loadNote(catalogue)).to.contain('not loaded (network)');
    expect(failedKinds(catalogue)).to.deep.equal(['network']);
    expect(formError(el)).to.contain('could not be reached');
  },
  'connection-dropped'({ el }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['network']);
    expect(formError(el)).to.contain('could not be reached');
  },
  async slow({ el, outcome }, catalogue) {
    const ui = harness(el);
    expect(el.saving).to.equal(true);
    expect(ui.saveButton.textContent!.trim()).to.equal('Saving…');
    expect(ui.showsSaving).to.equal(true);
    await outcome;
    await el.updateComplete;
    expect(ui.status.text).to.equal('Saved.');
    expect(catalogue.log.some((e) => e.event === 'provider-settings-saved')).to.equal(true);
  },
  timeout({ el }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['timeout']);
    expect(formError(el)).to.contain('1.5 seconds');
  },
  dark({ el }) {
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(rgb(el, 'background-color')).to.equal('rgb(13, 17, 23)');
    expectFieldError(el, '/mcp_config/sse_servers/0/url', 'URL must include a scheme (http:// or https://)');
  },
  'openhands-theme'({ el }) {
    expect(rgb(el, 'background-color')).to.equal('rgb(13, 15, 17)');
    const ui = harness(el);
    expect(rgb(ui.saveButton, 'background-color')).to.equal('rgb(201, 185, 116)');
    expect(rgb(ui.provider('github').card, 'background-color')).to.equal('rgb(36, 39, 46)');
  },
  german({ el }) {
    expect(el.lang).to.equal('de');
    const ui = harness(el);
    expect(ui.providersHeading.textContent).to.equal('Git-Anbieter');
    expect(ui.saveButton.textContent!.trim()).to.equal('Speichern');
    expect(ui.summary.heading).to.equal('Es gibt ein Problem');
    expectFieldError(el, '/mcp_config/sse_servers/0/url', 'Die URL braucht ein Schema (http:// oder https://)');
  },
  'host-page'({ el }) {
    const hostButton = el.closest('.host-page')!.querySelector('button')!;
    expect(rgb(hostButton, 'background-color'), 'the host page styles are in force').to.equal('rgb(176, 0, 32)');
    expect(rgb(el.closest('.host-page')!, 'text-transform')).to.equal('uppercase');
    const ui = harness(el);
    const heading = ui.providersHeading;
    expect(rgb(heading, 'text-transform')).to.equal('none');
    expect(rgb(heading, 'letter-spacing')).to.equal('normal');
    expect(rgb(heading, 'text-align')).to.equal('start');
    expect(rgb(heading, 'font-family')).not.to.contain('Georgia');
    expect(rgb(ui.saveButton, 'background-color')).not.to.equal('rgb(176, 0, 32)');
    expect(rgb(ui.provider('github').host, 'border-top-style')).to.equal('solid');
  },
  async 'v1-server'({ el, tenant }, catalogue) {
    const ui = harness(el);
    expect(el.serverApi).to.equal('v1');
    expect(ui.server('shttp', 0).extra('name').value).to.equal('docs');
    expect(ui.server('shttp', 0).extra<HTMLSelectElement>('auth/strategy').value).to.equal('bearer');
    const secret = ui.server('shttp', 0).extra('auth/value');
    expect([secret.value, description(el, secret)]).to.deep.equal(['', 'Stored: type to replace']);
    expect(ui.server('stdio', 0).name.value).to.equal('files');
    expect(document.querySelector('output[name="api-found"]')?.textContent).to.equal('v1');
    // "Reload stored settings" loads them from V1 too (the element's own load): what another
    // session stored shows.
    await fetch(`${tenant.baseUrl}/api/v1/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Session-API-Key': catalogue.controls.sessionKey },
      body: JSON.stringify({
        agent_settings_diff: { mcp_config: { events: { transport: 'http', url: 'https://events.example.com/mcp' } } },
      }),
    });
    document.querySelector<HTMLButtonElement>('[data-action="reload"]')!.click();
    await waitUntil(() => {
      try {
        return ui.server('shttp', 0).extra('name').value === 'events';
      } catch {
        return false;
      }
    }, 'the reload did not show what is stored now');
    expect(catalogue.log.map((entry) => entry.text).join('\n')).not.to.contain('not loaded');
  },
  async 'v1-masked-secret'({ el, tenant }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal([]);
    const stored = (await controlGet<{ mcp_config: Record<string, Record<string, unknown>> }>(`/tenants/${tenant.id}`))
      .mcp_config;
    expect(stored['docs']).to.deep.include({ url: 'https://docs.example.com/v2/mcp' });
    expect(stored['docs']!['auth']).to.deep.equal({ strategy: 'bearer', value: 'docs-demo-secret' });
    expect(harness(el).status.text).to.equal('Saved.');
  },
  async 'agent-server'({ el, tenant }) {
    expect(el.serverApi).to.equal('agent-server');
    expect(harness(el).provider('github').stored).to.equal(true);
    const state = await controlGet<{ mcp_config: Record<string, unknown>; secrets: Record<string, unknown> }>(
      `/tenants/${tenant.id}`,
    );
    expect(Object.keys(state.mcp_config)).to.deep.equal(['docs']);
    expect(Object.keys(state.secrets)).to.deep.equal(['github_token']);
    const patches = await controlGet<{ body: unknown }[]>(`/tenants/${tenant.id}/requests?method=PATCH`);
    expect(patches.map((p) => p.body)).to.deep.equal([{ agent_settings_diff: { mcp_config: { files: null } } }]);
  },
  async 'agent-server-test'({ el, tenant }) {
    const docs = harness(el).server('shttp', 0);
    expect(docs.testResult.textContent!.trim()).to.equal('Connected: 2 tools (echo, get_time).');
    const tests = await controlGet<{ body: { server: Record<string, unknown> } }[]>(
      `/tenants/${tenant.id}/requests?method=POST&path=/api/mcp/test`,
    );
    expect(tests.map((r) => r.body.server)).to.deep.equal([
      {
        type: 'http',
        url: 'https://docs.example.com/mcp',
        headers: { 'X-Team': 'platform' },
        auth: { strategy: 'bearer', value: 'docs-demo-secret' },
      },
    ]);
    // Tested, not saved.
    expect(await controlGet<unknown[]>(`/tenants/${tenant.id}/requests?method=PATCH`)).to.deep.equal([]);
  },
  async 'v1-test'({ el, tenant }) {
    expect(harness(el).server('shttp', 0).testResult.textContent!.trim()).to.equal('Connected: 2 tools.');
    const state = await controlGet<{ mcpTestRuns: { server_id: string; status: string }[] }>(`/tenants/${tenant.id}`);
    expect(state.mcpTestRuns.map((run) => [run.server_id, run.status])).to.deep.equal([['docs', 'succeeded']]);
  },
  async 'agent-server-older'({ el, tenant }, catalogue) {
    expect(failedKinds(catalogue)).to.deep.equal(['validation']);
    const patches = await controlGet<unknown[]>(`/tenants/${tenant.id}/requests?method=PATCH`);
    expect(patches).to.deep.equal([]);
    const variable = harness(el).server('stdio', 0).env[0]!.value;
    expect(errorOf(el, variable)).to.match(/Type this secret again/);
  },
};

describe('the demo catalogue', () => {
  let root: HTMLElement;
  let catalogue: Catalogue;

  before(() => {
    root = document.createElement('div');
    document.body.append(root);
    catalogue = createCatalogue(root);
  });

  after(async () => {
    await catalogue.destroy();
    root.remove();
  });

  it('lists every scenario in the sidebar, each with a check here and a one-line description', () => {
    const links = [...root.querySelectorAll<HTMLAnchorElement>('nav a[data-scenario]')].map((a) => a.dataset.scenario);
    expect(links).to.deep.equal(scenarios.map((s) => s.id));
    // And the framework pages, which have tests of their own (test/react/, test/vue/).
    const pages = [...root.querySelectorAll<HTMLAnchorElement>('nav a:not([data-scenario])')].map((a) =>
      a.getAttribute('href'),
    );
    expect(pages).to.deep.equal(['react.html', 'vue.html']);
    expect(Object.keys(checks).sort()).to.deep.equal(scenarios.map((s) => s.id).sort());
    for (const s of scenarios) expect(s.description, s.id).to.match(/^[^\n]{10,200}$/);
  });

  for (const scenario of scenarios) {
    it(`${scenario.id}: ${scenario.description}`, async function () {
      this.timeout(60_000);
      const shown = await catalogue.show(scenario.id);
      expect(root.querySelector('#scenario-description')!.textContent).to.equal(scenario.description);
      expect(root.querySelector('.stage')!.getAttribute('data-state')).to.equal('ready');
      const unsavedBar = root.querySelector<HTMLElement>('.unsaved-bar')!;
      expect(unsavedBar.hidden, 'the unsaved-changes bar shows with guard-unsaved only').to.equal(
        !scenario.attributes?.includes('guard-unsaved'),
      );
      await checks[scenario.id]!(shown, catalogue);

      // axe on the whole catalogue (the element's shadow root included), in each theme.
      const own = scenario.controls?.theme;
      const themes: Theme[] =
        own && own !== 'auto' && own !== 'light' && own !== 'dark' ? [own, 'light', 'dark'] : ['light', 'dark'];
      for (const theme of themes) {
        catalogue.setControl('theme', theme);
        await shown.el.updateComplete;
        await expect(root, `axe, ${theme} theme`).to.be.accessible();
      }
    });
  }
});
