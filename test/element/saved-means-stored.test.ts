/**
 * "Saved" means stored (issue: Saved means saved): each way the element used to lose or refuse
 * data, driven as a person would against the reference server, asserting what the server stored.
 */
import { expect } from '@open-wc/testing';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { harness, mount, nextEvent } from '../helpers/element.js';
import {
  createTenant,
  requestsOf,
  scriptResponses,
  SESSION_KEY,
  tenantState,
  type TenantOptions,
} from '../helpers/reference-server.js';
import { NOTHING_STORED } from '../helpers/scenario.js';

const STORED_TOKENS = {
  github: { token: 'ghp_storedByAnotherSession', host: null },
  gitlab: { token: 'glpat-storedByAnotherSession', host: 'gitlab.example.com' },
};

/** An element on a new tenant, told nothing about what is stored (no `settings`, no `autoload`) unless `configure` says so. */
async function onTenant(options: TenantOptions, configure: (el: OpenHandsProviderSettings) => void = () => {}) {
  const tenant = await createTenant(options);
  const el = await mount((e) => {
    e.baseUrl = tenant.baseUrl;
    e.sessionKey = SESSION_KEY;
    configure(e);
  });
  return { tenant, el, ui: harness(el) };
}

const storedTokens = async (id: string) => Object.keys((await tenantState(id)).provider_tokens).sort();
const methodsAndPaths = async (id: string) =>
  (await requestsOf(id, '')).map((r) => `${r.method} ${r.path.replace(/^\/t\/[^/]+/, '')}`);

describe('saved means stored: the stored token set is known before a save replaces it', () => {
  it('without settings or autoload, the first save loads what is stored first and keeps every stored token', async () => {
    const { tenant, el, ui } = await onTenant({ settings: { provider_tokens: STORED_TOKENS } });
    expect(ui.tokensUnknown.text).to.contain('not loaded yet');
    await ui.typeToken('bitbucket', 'ATCTT-new-bitbucket-token');
    const outcome = await el.submit();
    expect(outcome.kind).to.equal('saved');
    expect(await methodsAndPaths(tenant.id)).to.deep.equal(['GET /api/settings', 'POST /api/add-git-providers']);
    expect(await storedTokens(tenant.id)).to.deep.equal(['bitbucket', 'github', 'gitlab']);
    expect((await tenantState(tenant.id)).provider_tokens.github!.token).to.equal('ghp_storedByAnotherSession');
    await el.updateComplete;
    expect(ui.tokensUnknown.shown).to.equal(false);
  });

  it('a load that fails before the save sends nothing and keeps what was typed', async () => {
    const { tenant, el, ui } = await onTenant({ settings: { provider_tokens: STORED_TOKENS } });
    await ui.typeToken('bitbucket', 'ATCTT-typed');
    await scriptResponses(tenant.id, [{ status: 500, body: { error: 'Something went wrong loading settings' } }]);
    const failed = nextEvent(el, 'provider-settings-failed');
    const outcome = await el.submit();
    expect(outcome.kind).to.equal('server');
    expect((await failed).stored).to.deep.equal([]);
    expect(await methodsAndPaths(tenant.id)).to.deep.equal(['GET /api/settings']);
    expect(ui.provider('bitbucket').token.value).to.equal('ATCTT-typed');
    expect(await storedTokens(tenant.id)).to.deep.equal(['github', 'gitlab']);
  });

  it('a 404 (settings not found, tokens stored) is not "no tokens": the person must confirm replacing them, and Back sends nothing', async () => {
    const { tenant, el, ui } = await onTenant(
      { settings: null, provider_tokens: STORED_TOKENS },
      (e) => (e.autoload = true),
    );
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    await ui.typeToken('bitbucket', 'ATCTT-new');
    const outcome = await el.submit();
    expect(outcome.kind).to.equal('aborted');
    await el.updateComplete;
    const panel = ui.replaceConfirmation.element;
    expect(panel.textContent).to.contain('deleted');
    expect(ui.focused()).to.equal(panel);
    expect((await requestsOf(tenant.id)).length, 'nothing saved yet').to.equal(0);

    await ui.replaceConfirmation.back();
    expect(ui.replaceConfirmation.shown).to.equal(false);
    expect(await storedTokens(tenant.id)).to.deep.equal(['github', 'gitlab']);

    await el.submit();
    await el.updateComplete;
    const saved = nextEvent(el, 'provider-settings-saved');
    await ui.replaceConfirmation.confirm();
    expect((await saved).stored).to.deep.equal(['tokens']);
    // What the person confirmed: the map replaces the stored one.
    expect(await storedTokens(tenant.id)).to.deep.equal(['bitbucket']);
    // Known from its own save, even though the reload after it answers 404 again.
    await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    expect(ui.provider('bitbucket').stored).to.equal(true);
    expect(ui.tokensUnknown.shown).to.equal(false);
  });
});

describe('saved means stored: MCP servers are stored in the settings', () => {
  const SETTINGS = {
    provider_tokens: { github: STORED_TOKENS.github },
    mcp_config: {
      sse_servers: [{ url: 'https://stored.example.com/sse', api_key: null }],
      stdio_servers: [],
      shttp_servers: [],
    },
    language: 'de',
    agent: 'CodeActAgent',
    llm_model: 'anthropic/claude-sonnet-4-20250514',
    llm_api_key: 'sk-llm-stored-secret',
    search_api_key: 'tvly-stored-secret',
    git_user_name: 'octo',
    confirmation_mode: true,
  };

  it('an added SSE server is stored with the settings read-modify-write, and every other setting survives', async () => {
    const { tenant, el, ui } = await onTenant({ settings: SETTINGS }, (e) => (e.autoload = true));
    await new Promise((r) => setTimeout(r, 100));
    const added = await ui.addServer('sse');
    expect(added.index).to.equal(1);
    await added.type('url', 'https://added.example.com/sse');
    const saved = nextEvent(el, 'provider-settings-saved');
    expect((await el.submit()).kind).to.equal('saved');
    expect((await saved).stored).to.deep.equal(['tokens', 'mcp']);
    const log = await methodsAndPaths(tenant.id);
    // After autoload's first load: the tokens, then the settings read and written (a reload may follow).
    expect(log.slice(1, 4)).to.deep.equal(['POST /api/add-git-providers', 'GET /api/settings', 'POST /api/settings']);
    const written = (await requestsOf(tenant.id, 'POST')).at(-1)!.body as Record<string, unknown>;
    expect(written).to.include({
      llm_api_key: null,
      search_api_key: null,
      sandbox_api_key: null,
      language: 'de',
      git_user_name: 'octo',
    });
    expect(written).not.to.have.any.keys('provider_tokens_set', 'llm_api_key_set', 'search_api_key_set');
    const state = await tenantState(tenant.id);
    const { provider_tokens: _tokens, mcp_config: _servers, ...everythingElse } = SETTINGS;
    expect(state.settings).to.include(everythingElse);
    expect((state.mcp_config as { sse_servers: { url: string }[] }).sse_servers.map((s) => s.url)).to.deep.equal([
      'https://stored.example.com/sse',
      'https://added.example.com/sse',
    ]);
    expect(state.provider_tokens.github!.token).to.equal('ghp_storedByAnotherSession');
    await el.updateComplete;
    expect(el.dirty).to.equal(false);
  });

  it('tokens saved and MCP servers refused (422 from the settings): the errors land on the MCP fields, the tokens show as stored', async () => {
    const { tenant, el, ui } = await onTenant({ settings: SETTINGS }, (e) => (e.autoload = true));
    await new Promise((r) => setTimeout(r, 100));
    await ui.typeToken('gitlab', 'glpat-new');
    await ui.server('sse', 0).type('url', 'https://changed.example.com/sse');
    await scriptResponses(tenant.id, [
      {
        method: 'POST',
        path: '/api/settings',
        status: 422,
        body: {
          detail: [
            {
              type: 'value_error',
              loc: ['body', 'mcp_config', 'sse_servers', 0, 'url'],
              msg: 'Value error, URL must include a valid domain/host',
            },
          ],
        },
      },
    ]);
    const failed = nextEvent(el, 'provider-settings-failed');
    const outcome = await el.submit();
    await el.updateComplete;
    expect(outcome.kind).to.equal('validation');
    const event = await failed;
    expect([event.stored, event.notStored]).to.deep.equal([['tokens'], ['mcp']]);
    expect(ui.summary.element.textContent).to.contain('The git tokens were saved; the MCP servers were not');
    const url = ui.server('sse', 0).url;
    expect(url.getAttribute('aria-invalid')).to.equal('true');
    expect(url.value).to.equal('https://changed.example.com/sse');
    expect(ui.provider('gitlab').stored).to.equal(true);
    expect(ui.provider('gitlab').token.value).to.equal('');
    expect(el.dirty).to.equal(true);
    const state = await tenantState(tenant.id);
    expect(state.provider_tokens.gitlab!.token).to.equal('glpat-new');
    expect((state.mcp_config as { sse_servers: { url: string }[] }).sse_servers[0]!.url).to.equal(
      'https://stored.example.com/sse',
    );
  });

  it('a server without settings takes the tokens, and the MCP servers fail with a clear sentence, kept', async () => {
    const { tenant, el, ui } = await onTenant({ settings: null, provider_tokens: STORED_TOKENS }, (e) => {
      // The host knows the tokens (say, from an earlier answer); the server has no settings record.
      e.settings = { provider_tokens_set: { github: null, gitlab: 'gitlab.example.com' }, mcp_config: null };
    });
    const added = await ui.addServer('sse');
    await added.type('url', 'https://added.example.com/sse');
    const outcome = await el.submit();
    await el.updateComplete;
    expect(outcome.kind).to.equal('no-settings');
    expect([outcome.stored, outcome.notStored]).to.deep.equal([['tokens'], ['mcp']]);
    expect(ui.formError.element.textContent).to.contain(
      'MCP servers can be saved once this OpenHands server has settings',
    );
    expect(added.url.value).to.equal('https://added.example.com/sse');
    const state = await tenantState(tenant.id);
    expect(state.settings, 'no half-made settings record').to.equal(null);
    expect(await storedTokens(tenant.id)).to.deep.equal(['github', 'gitlab']);
  });
});

describe('saved means stored: only the API answer is success', () => {
  for (const [what, response] of [
    ['a 204', { status: 204 }],
    ['null', { status: 200, body: 'null', contentType: 'application/json' }],
    ['OK as text', { status: 200, body: 'OK', contentType: 'text/plain' }],
    ['{"queued": true}', { status: 200, body: { queued: true } }],
  ] as const) {
    it(`${what} is not "Saved.": typed values kept, nothing marked stored`, async () => {
      const { tenant, el, ui } = await onTenant({}, (e) => (e.settings = NOTHING_STORED));
      await ui.typeToken('github', 'ghp_typedNotStored');
      await scriptResponses(tenant.id, [response]);
      const failed = nextEvent(el, 'provider-settings-failed');
      const outcome = await el.submit();
      await el.updateComplete;
      expect(outcome.kind).to.equal('unknown');
      const event = await failed;
      expect(event.kind).to.equal('unknown');
      expect(event.stored).to.deep.equal([]);
      expect(event.notStored).to.deep.equal(['tokens']);
      expect(ui.summary.element.textContent).to.contain('not as OpenHands does');
      expect(ui.status.element.textContent).not.to.contain('Saved');
      expect(ui.provider('github').token.value).to.equal('ghp_typedNotStored');
      expect(ui.provider('github').stored).to.equal(false);
      expect(el.dirty).to.equal(true);
    });
  }
});

describe('saved means stored: what is typed during a save is kept', () => {
  it('a token typed, a host edited and a removal confirmed while the request is in flight stay, unsaved', async () => {
    const { tenant, el, ui } = await onTenant(
      { delayMs: 300, settings: { provider_tokens: { bitbucket: { token: 'ATCTT-stored', host: null } } } },
      (e) => (e.settings = { provider_tokens_set: { bitbucket: null }, mcp_config: null }),
    );
    await ui.typeToken('github', 'ghp_sentFirst');
    const saving = el.submit();
    await new Promise((r) => setTimeout(r, 50));
    expect(el.saving).to.equal(true);
    // The fields stay editable during a save.
    await ui.typeToken('gitlab', 'glpat-typedDuringTheSave');
    await ui.provider('github').typeHost('github.example.com');
    await ui.provider('bitbucket').remove();
    expect((await saving).kind).to.equal('saved');
    await el.updateComplete;

    expect(ui.provider('gitlab').token.value).to.equal('glpat-typedDuringTheSave');
    expect(ui.provider('github').host.value).to.equal('github.example.com');
    expect(el.value.provider_tokens).to.deep.equal({
      github: { token: null, host: 'github.example.com' },
      gitlab: { token: 'glpat-typedDuringTheSave', host: null },
    });
    expect(el.dirty).to.equal(true);
    const state = await tenantState(tenant.id);
    expect(Object.keys(state.provider_tokens).sort()).to.deep.equal(['bitbucket', 'github']);
    expect(state.provider_tokens.github).to.include({ token: 'ghp_sentFirst', host: null });

    // The next save stores what was typed meanwhile, and the confirmed removal.
    expect((await el.submit()).kind).to.equal('saved');
    const after = await tenantState(tenant.id);
    expect(Object.keys(after.provider_tokens).sort()).to.deep.equal(['github', 'gitlab']);
    expect(after.provider_tokens.github!.host).to.equal('github.example.com');
  });
});

describe('saved means stored: the same object again is no change', () => {
  it('settings set again as the same object does not undo a save', async () => {
    const stored = { provider_tokens_set: { github: null }, mcp_config: null };
    const { tenant, el, ui } = await onTenant(
      { settings: { provider_tokens: { github: STORED_TOKENS.github } } },
      (e) => (e.settings = stored),
    );
    await ui.typeToken('bitbucket', 'ATCTT-bb');
    expect((await el.submit()).kind).to.equal('saved');
    el.settings = stored;
    await el.updateComplete;
    expect(ui.status.element.textContent).to.contain('Saved.');
    expect(ui.provider('bitbucket').stored).to.equal(true);
    expect(el.value.provider_tokens).to.have.keys(['github', 'bitbucket']);
    expect((await el.submit()).kind).to.equal('saved');
    expect(await storedTokens(tenant.id)).to.deep.equal(['bitbucket', 'github']);
  });

  it('el.value = el.value on every change keeps a confirmed removal and lets "Add variable" add a row', async () => {
    const el = await mount((e) => {
      e.settings = {
        provider_tokens_set: { github: null },
        mcp_config: {
          sse_servers: [],
          shttp_servers: [],
          stdio_servers: [{ name: 'fetch', command: 'uvx', args: [], env: {} }],
        },
      };
    });
    const ui = harness(el);
    // A controlled host page: the value goes back in after every change.
    // eslint-disable-next-line no-self-assign -- read from the element and given back to it, as such a page does
    el.addEventListener('provider-settings-change', () => (el.value = el.value));
    const github = ui.provider('github');
    await github.remove();
    expect(el.value.provider_tokens).to.deep.equal({});
    expect(github.removed).to.equal(true);

    const server = ui.server('stdio', 0);
    await server.addEnv();
    expect(server.env.length).to.equal(1);
  });
});
