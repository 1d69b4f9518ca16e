import { expect, waitUntil } from '@open-wc/testing';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { sendKeys } from '@web/test-runner-commands';
import { createTenant, requestsOf, scriptResponses, SESSION_KEY, tenantState } from '../helpers/reference-server.js';
import { harness, mount } from '../helpers/element.js';
import { setup } from '../helpers/scenario.js';

const STORED = {
  provider_tokens: {
    github: { token: 'ghp_storedAutoload', host: null },
    gitlab: { token: 'glpat_storedAutoload', host: 'gitlab.example.com' },
  },
  mcp_config: {
    sse_servers: [{ url: 'https://mcp.example.com/sse', api_key: null }],
    stdio_servers: [],
    shttp_servers: [],
  },
};

const saveButton = (el: OpenHandsProviderSettings) => harness(el).saveButton;
/**
 * Loading, as a person sees it: nothing can be saved yet, and nothing says the load failed (the
 * form stays editable, so it is not aria-busy). A load that takes long also says so in the status.
 */
const busy = (el: OpenHandsProviderSettings) => saveButton(el).disabled && !harness(el).loadError.shown;

/** Waits until the load has ended, whatever its end. */
async function settled(el: OpenHandsProviderSettings): Promise<void> {
  await waitUntil(
    async () => {
      await el.updateComplete;
      return !busy(el);
    },
    'the stored settings did not finish loading',
    { timeout: 5000 },
  );
  await el.updateComplete;
}

const autoload = (e: OpenHandsProviderSettings) => {
  e.autoload = true;
};

describe('<openhands-provider-settings autoload>', () => {
  it('loads GET /api/settings itself: busy with a status while loading, then the stored state is the baseline', async () => {
    const { tenant, el, ui } = await setup({ settings: STORED, delayMs: 300 }, autoload);
    expect(busy(el)).to.equal(true);
    await waitUntil(() => ui.status.text === 'Loading stored settings…', 'the status never said it was loading', {
      timeout: 5000,
    });
    expect(saveButton(el).disabled, 'no save on an unknown baseline').to.equal(true);
    await expect(el).to.be.accessible();

    await settled(el);
    expect(ui.status.text).to.equal('');
    expect(ui.provider('github').stored).to.equal(true);
    expect(ui.provider('gitlab').host.value).to.equal('gitlab.example.com');
    expect(ui.server('sse', 0).url.value).to.equal('https://mcp.example.com/sse');
    expect(el.settings?.provider_tokens_set).to.deep.equal({ github: null, gitlab: 'gitlab.example.com' });
    expect(el.dirty).to.equal(false);
    expect(saveButton(el).disabled).to.equal(false);

    const [request] = await requestsOf(tenant.id, 'GET');
    expect(request!.path).to.equal(`${tenant.baseUrl}/api/settings`);
    expect(request!.sessionKey).to.equal(SESSION_KEY);
    expect(el.hasAttribute('autoload')).to.equal(false);
  });

  it('what the person typed while it loaded survives the load', async () => {
    const { el, ui } = await setup({ settings: STORED, delayMs: 300 }, autoload);
    await ui.typeToken('github', 'ghp_typedWhileLoading');
    await settled(el);
    expect(ui.provider('github').token.value).to.equal('ghp_typedWhileLoading');
    expect(ui.provider('github').stored).to.equal(true);
    expect(el.dirty).to.equal(true);
  });

  it('a 404 {"error": "Settings not found"} means nothing stored yet: an empty baseline, no error', async () => {
    const { el, ui } = await setup({ settings: null }, autoload);
    await settled(el);
    expect(ui.loadError.shown).to.equal(false);
    expect(ui.storedProviders()).to.deep.equal([]);
    expect(saveButton(el).disabled).to.equal(false);
    expect(el.dirty).to.equal(false);
  });

  it('a failed load says so with a Retry button (keyboard reachable), nothing can be saved, and Retry loads', async () => {
    const tenant = await createTenant({ settings: STORED });
    await scriptResponses(tenant.id, [{ status: 500, body: { error: 'Something went wrong' } }]);
    const el = await mount((e) => {
      e.baseUrl = tenant.baseUrl;
      e.sessionKey = SESSION_KEY;
      e.autoload = true;
    });
    const ui = harness(el);
    await settled(el);
    const error = ui.loadError.element;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('The stored settings could not be loaded');
    expect(error.textContent).to.contain('Something went wrong');
    expect(saveButton(el).disabled).to.equal(true);
    const outcome = await el.submit();
    expect(outcome.kind).to.equal('aborted');
    expect(await requestsOf(tenant.id, 'POST')).to.have.length(0);
    await expect(el).to.be.accessible();

    const retry = ui.loadError.retryButton;
    expect(retry.textContent!.trim()).to.equal('Retry');
    retry.focus();
    expect(ui.focused()).to.equal(retry);
    retry.click();
    await settled(el);
    expect(ui.loadError.shown).to.equal(false);
    expect(ui.provider('github').stored).to.equal(true);
    expect(saveButton(el).disabled).to.equal(false);
    expect(await requestsOf(tenant.id, 'GET')).to.have.length(2);
  });

  it('a 404 of another shape is a failure, not "nothing stored" (a wrong base URL would delete every token)', async () => {
    const tenant = await createTenant({ settings: STORED });
    await scriptResponses(tenant.id, [{ status: 404, body: { detail: 'Not Found' } }]);
    const el = await mount((e) => {
      e.baseUrl = tenant.baseUrl;
      e.sessionKey = SESSION_KEY;
      e.autoload = true;
    });
    await settled(el);
    expect(harness(el).loadError.shown).to.equal(true);
    expect(saveButton(el).disabled).to.equal(true);
  });

  it('loads again after each save; the saved message stays', async () => {
    const { tenant, el, ui } = await setup({ settings: STORED }, autoload);
    await settled(el);
    await ui.typeToken('bitbucket', 'user:app-password');
    expect((await el.submit()).kind).to.equal('saved');
    await settled(el);
    await waitUntil(async () => (await requestsOf(tenant.id, 'GET')).length === 2, 'no reload after the save');
    await settled(el);
    expect(ui.status.text).to.equal('Saved.');
    expect(el.settings?.provider_tokens_set).to.deep.equal({
      github: null,
      gitlab: 'gitlab.example.com',
      bitbucket: null,
    });
    expect(ui.provider('bitbucket').stored).to.equal(true);
    expect(el.dirty).to.equal(false);
  });

  it('a load after a save that fails says nothing: the save stands, the form stays usable', async () => {
    const { tenant, el, ui } = await setup({ settings: STORED }, autoload);
    await settled(el);
    await scriptResponses(tenant.id, [{ method: 'GET', status: 500, body: { error: 'down' } }]);
    await ui.typeToken('bitbucket', 'user:quiet-reload');
    expect((await el.submit()).kind).to.equal('saved');
    await waitUntil(async () => (await requestsOf(tenant.id, 'GET')).length === 2, 'no load after the save');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await el.updateComplete;
    expect(ui.loadError.shown).to.equal(false);
    expect(ui.status.text).to.equal('Saved.');
    expect(saveButton(el).disabled).to.equal(false);
    expect(ui.provider('bitbucket').stored).to.equal(true);
    expect(el.dirty).to.equal(false);
    const stored = await tenantState(tenant.id);
    expect(stored.provider_tokens.bitbucket!.token).to.equal('user:quiet-reload');
    expect(stored.provider_tokens.github!.token, 'a stored token kept').to.equal('ghp_storedAutoload');
  });

  it('loads again when the session key changes; without autoload nothing is requested', async () => {
    const { tenant, el, ui } = await setup({ settings: STORED });
    await el.updateComplete;
    expect(await requestsOf(tenant.id, 'GET')).to.have.length(0);
    expect(busy(el)).to.equal(false);
    el.autoload = true;
    await settled(el);
    expect(await requestsOf(tenant.id, 'GET')).to.have.length(1);
    el.sessionKey = 'wrong-key';
    await settled(el);
    expect(await requestsOf(tenant.id, 'GET')).to.have.length(2);
    expect(ui.loadError.element.textContent).to.contain('session key');
  });

  it('removing the element aborts the load; putting it back loads again', async () => {
    const { tenant, el } = await setup({ settings: STORED, delayMs: 400 }, autoload);
    const parent = el.parentElement!;
    // Remove it once the first load is under way at the server (the answer is 400 ms away).
    await waitUntil(
      async () => (await requestsOf(tenant.id, 'GET')).length === 1,
      'the first load never reached the server',
    );
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(el.settings).to.equal(null);
    parent.append(el);
    await settled(el);
    expect(el.settings?.provider_tokens_set).to.deep.equal({ github: null, gitlab: 'gitlab.example.com' });
    expect(await requestsOf(tenant.id, 'GET')).to.have.length(2);
  });
});

describe('<openhands-provider-settings autoload>: the load after a save leaves the form as the person has it', () => {
  /** `n` stored SSE servers, `https://mcp-<i>.example.com/sse`. */
  const storedServers = (n: number) => ({
    provider_tokens: {},
    mcp_config: {
      sse_servers: Array.from({ length: n }, (_, i) => ({ url: `https://mcp-${i}.example.com/sse`, api_key: null })),
      shttp_servers: [],
      stdio_servers: [],
    },
  });

  /** Waits for the save's requests and the load after it (`gets` GETs in all), then a little more. */
  async function reloaded(tenantId: string, gets: number): Promise<void> {
    await waitUntil(async () => (await requestsOf(tenantId, 'GET')).length === gets, 'no load after the save', {
      timeout: 5000,
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
  }

  it('Enter in a server field: the field keeps its place and focus through the load after the save', async () => {
    const { tenant, el, ui } = await setup({ settings: storedServers(2), delayMs: 100 }, autoload);
    await settled(el);
    const url = ui.server('sse', 1).url;
    url.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '2' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => ui.status.text === 'Saved.', 'not saved', { timeout: 5000 });
    // autoload's load, the settings read of the MCP save, the load after it.
    await reloaded(tenant.id, 3);
    expect(url.isConnected, 'the field was rebuilt').to.equal(true);
    expect(ui.focused()).to.equal(url);
    const stored = (await tenantState(tenant.id)).mcp_config as { sse_servers: { url: string }[] };
    expect(stored.sse_servers[1]!.url).to.equal('https://mcp-1.example.com/sse2');
    expect(el.dirty).to.equal(false);
  });

  it('a long list: a card the person opened stays open, and focus stays in the token saved with Enter', async () => {
    const { tenant, el, ui } = await setup({ settings: storedServers(12), delayMs: 100 }, autoload);
    await settled(el);
    const server = ui.server('sse', 5);
    await server.expand();
    const token = ui.provider('github').token;
    token.focus();
    await sendKeys({ type: 'ghp_longListReload' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => ui.status.text === 'Saved.', 'not saved', { timeout: 5000 });
    await reloaded(tenant.id, 2);
    expect(ui.focused()).to.equal(token);
    expect(server.index).to.equal(5);
    expect(server.toggleButton.getAttribute('aria-expanded')).to.equal('true');
    expect((await tenantState(tenant.id)).provider_tokens.github!.token).to.equal('ghp_longListReload');
  });

  it('an error the person meets after “Saved.” stays when the load after the save answers', async () => {
    const { tenant, el, ui } = await setup({ settings: storedServers(1), delayMs: 400 }, autoload);
    await settled(el);
    await ui.typeToken('github', 'ghp_errorAfterSaved');
    expect((await el.submit()).kind).to.equal('saved');
    // The load after the save is on its way (400 ms): a field left wrong meanwhile shows its error.
    await ui.server('sse', 0).type('url', 'not a url');
    await waitUntil(() => ui.server('sse', 0).url.getAttribute('aria-invalid') === 'true', 'no error');
    await reloaded(tenant.id, 2);
    await el.updateComplete;
    const url = ui.server('sse', 0).url;
    expect(url.value).to.equal('not a url');
    expect(url.getAttribute('aria-invalid')).to.equal('true');
    // What was saved is stored; what was typed after is not.
    const stored = await tenantState(tenant.id);
    expect(stored.provider_tokens.github!.token).to.equal('ghp_errorAfterSaved');
    expect((stored.mcp_config as { sse_servers: { url: string }[] }).sse_servers[0]!.url).to.equal(
      'https://mcp-0.example.com/sse',
    );
  });
});
