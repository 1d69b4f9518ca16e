/**
 * The element on today's OpenHands servers (README, "Server APIs"): the V1 app server and the
 * agent-server, each a mode of the reference server with its versions. Each test does what a
 * person does and asserts what the server then stores (its state through the test controls).
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { harness, mount } from '../helpers/element.js';
import {
  createTenant,
  requestsOf,
  SESSION_KEY,
  tenantState,
  type Tenant,
  type TenantOptions,
} from '../helpers/reference-server.js';

const MASK = '**********';

/** Whether the harness finds what `find` looks for. */
const shown = (find: () => unknown): boolean => {
  try {
    find();
    return true;
  } catch {
    return false;
  }
};

/** A tenant of `options`, and an element on it with `api="auto"` that loads what is stored. */
async function onServer(
  options: TenantOptions,
  configure: (el: OpenHandsProviderSettings) => void = () => {},
): Promise<{ tenant: Tenant; el: OpenHandsProviderSettings; ui: ReturnType<typeof harness> }> {
  const tenant = await createTenant(options);
  const el = await mount((e) => {
    e.api = 'auto';
    e.baseUrl = tenant.baseUrl;
    e.sessionKey = SESSION_KEY;
    e.autoload = true;
    configure(e);
  });
  const ui = harness(el);
  await waitUntil(
    async () => {
      await el.updateComplete;
      return !ui.saveButton.disabled || ui.loadError.shown;
    },
    'the stored settings did not load',
    { timeout: 5000 },
  );
  await el.updateComplete;
  return { tenant, el, ui };
}

/** The stored MCP map of a tenant, flat, secrets in clear. */
async function storedServers(tenant: Tenant): Promise<Record<string, Record<string, unknown>>> {
  return (await tenantState(tenant.id)).mcp_config as Record<string, Record<string, unknown>>;
}

/** What both newer servers store in these tests: a remote server with a bearer token, a stdio server with a secret variable. */
const STORED_MCP = {
  docs: { transport: 'http', url: 'https://docs.example.com/mcp', auth: { strategy: 'bearer', value: 'docs-secret' } },
  files: { command: 'npx', args: ['-y', 'files'], env: { FILES_TOKEN: 'files-secret' } },
};

const V1_STORED: TenantOptions = {
  api: 'v1',
  provider_tokens: {
    github: { token: 'ghp_storedV1', host: null },
    gitlab: { token: 'glpat_storedV1', host: 'gitlab.example.com' },
  },
  settings: {
    mcp_config: STORED_MCP,
  },
};

const AGENT_STORED: TenantOptions = {
  api: 'agent-server',
  secrets: { github_token: 'ghp_storedAgent', OTHER: 'kept' },
  settings: {
    agent_settings: {
      mcp_config: STORED_MCP,
    },
  },
};

describe('server APIs: which one answers', () => {
  it('auto finds the V1 app server, says so (property and event) and shows what it stores', async () => {
    const tenant = await createTenant(V1_STORED);
    const found: string[] = [];
    const el = await mount((e) => {
      e.api = 'auto';
      e.baseUrl = tenant.baseUrl;
      e.sessionKey = SESSION_KEY;
      e.autoload = true;
      e.addEventListener('provider-settings-api', (ev) => found.push(ev.api));
    });
    const ui = harness(el);
    await waitUntil(() => el.serverApi === 'v1', 'V1 was not found', { timeout: 5000 });
    await waitUntil(
      () =>
        (() => {
          try {
            return ui.server('shttp', 0).showsExtras;
          } catch {
            return false;
          }
        })(),
      'the server names were not shown',
    );
    expect(found).to.deep.equal(['v1']);
    expect(ui.provider('github').stored).to.equal(true);
    expect(ui.provider('gitlab').host.value).to.equal('gitlab.example.com');
    expect(ui.server('shttp', 0).extra('name').value).to.equal('docs');
    expect(ui.server('stdio', 0).name.value).to.equal('files');
    await expect(el).to.be.accessible();
  });

  it('auto finds the agent-server', async () => {
    const { el, ui } = await onServer(AGENT_STORED);
    expect(el.serverApi).to.equal('agent-server');
    expect(ui.provider('github').stored).to.equal(true);
    expect(ui.server('shttp', 0).extra('name').value).to.equal('docs');
  });

  it('auto finds V0 on a V0 server, and nothing changes in what it sends', async () => {
    const { tenant, el, ui } = await onServer({ settings: { mcp_config: null } });
    expect(el.serverApi).to.equal('v0');
    expect((await ui.addServer('sse')).showsExtras, 'no fields of the newer APIs on V0').to.equal(false);
    await ui.server('sse', 0).remove();
    await ui.typeToken('github', 'ghp_newV0');
    await el.submit();
    expect((await tenantState(tenant.id)).provider_tokens.github?.token).to.equal('ghp_newV0');
    const paths = (await requestsOf(tenant.id, 'POST')).map((r) => r.path);
    expect(paths).to.deep.equal([`${tenant.baseUrl}/api/add-git-providers`]);
  });

  it('when nothing answers as OpenHands, the load says so and nothing can be saved', async () => {
    const { el, ui } = await onServer({}, (e) => (e.baseUrl = '/no-openhands-here'));
    expect(el.serverApi).to.equal(null);
    expect(ui.loadError.text).to.match(/No OpenHands server answered/);
    expect(ui.saveButton.disabled).to.equal(true);
  });

  it('a wrong session key is said as such, whichever API it is', async () => {
    const { ui } = await onServer(V1_STORED, (e) => (e.sessionKey = 'wrong-key'));
    expect(ui.loadError.shown).to.equal(true);
    expect(ui.loadError.text.toLowerCase()).to.contain('session key');
  });
});

describe('server APIs: the V1 app server', () => {
  it('adds and changes a token, keeping the other stored one', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED);
    await ui.typeToken('gitlab', 'glpat_changedV1');
    await ui.typeToken('bitbucket', 'bb_newV1');
    const outcome = await el.submit();
    expect(outcome.kind).to.equal('saved');
    const tokens = (await tenantState(tenant.id)).provider_tokens;
    expect(tokens.github?.token).to.equal('ghp_storedV1');
    expect(tokens.gitlab).to.include({ token: 'glpat_changedV1', host: 'gitlab.example.com' });
    expect(tokens.bitbucket?.token).to.equal('bb_newV1');
  });

  it('auth-scheme="bearer" sends the key as Authorization: Bearer (OpenHands Cloud), never as a header of its own', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED, (e) => (e.authScheme = 'bearer'));
    expect(el.serverApi).to.equal('v1');
    await ui.typeToken('bitbucket', 'bb_bearer');
    expect((await el.submit()).kind).to.equal('saved');
    const [post] = await requestsOf(tenant.id, 'POST');
    expect(post?.authorization).to.equal(`Bearer ${SESSION_KEY}`);
    expect(post?.sessionKey ?? null).to.equal(null);
    expect(el.getAttribute('auth-scheme')).to.equal(null);
  });

  it('the newer provider types have their names and hints, and their tokens are stored', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED, (e) => {
      e.providers = ['bitbucket_data_center', 'forgejo', 'azure_devops'];
    });
    expect(ui.provider('bitbucket_data_center').label).to.contain('Bitbucket Data Center');
    expect(ui.description(ui.provider('bitbucket_data_center').token)).to.contain('username:token');
    expect(ui.provider('forgejo').label).to.contain('Forgejo');
    expect(ui.provider('forgejo').host.placeholder).to.equal('codeberg.org');
    expect(ui.provider('azure_devops').label).to.contain('Azure DevOps');
    await ui.typeToken('forgejo', 'forgejo-token-1');
    await ui.provider('forgejo').typeHost('git.example.org');
    await ui.typeToken('bitbucket_data_center', 'me:bbdc-token');
    expect((await el.submit()).kind).to.equal('saved');
    const tokens = (await tenantState(tenant.id)).provider_tokens;
    expect(tokens.forgejo).to.include({ token: 'forgejo-token-1', host: 'git.example.org' });
    expect(tokens.bitbucket_data_center?.token).to.equal('me:bbdc-token');
    expect(tokens.github?.token, 'the stored ones stay').to.equal('ghp_storedV1');
  });

  it('removes one provider and keeps the other; removing every provider uses DELETE', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED);
    await ui.provider('gitlab').remove();
    expect((await el.submit()).kind).to.equal('saved');
    expect(Object.keys((await tenantState(tenant.id)).provider_tokens)).to.deep.equal(['github']);

    await ui.provider('github').remove();
    expect((await el.submit()).kind).to.equal('saved');
    expect((await tenantState(tenant.id)).provider_tokens).to.deep.equal({});
    expect((await requestsOf(tenant.id, 'DELETE')).map((r) => r.path)).to.deep.equal([
      `${tenant.baseUrl}/api/v1/secrets/git-providers`,
    ]);
  });

  for (const variant of ['native', 'fastmcp']) {
    it(`a rejected token lands on its provider's field (${variant}: 401 ${variant === 'native' ? 'detail' : 'error'})`, async () => {
      const { tenant, el, ui } = await onServer({ ...V1_STORED, variant });
      await ui.typeToken('bitbucket', 'bad-token');
      const outcome = await el.submit();
      expect(outcome.kind).to.equal('token-rejected');
      expect(ui.errorOf(ui.provider('bitbucket').token)).to.contain('valid bitbucket token');
      expect((await tenantState(tenant.id)).provider_tokens.bitbucket).to.equal(undefined);
    });
  }

  it('adds a named server with a bearer token, changes one, disables one: the map stored is the person’s', async () => {
    const { tenant, el, ui } = await onServer({
      ...V1_STORED,
      settings: { mcp_config: { ...STORED_MCP, files: { ...STORED_MCP.files, enabled: true } } },
    });
    const added = await ui.addServer('sse');
    await added.typeExtra('name', 'events');
    await added.type('url', 'https://events.example.com/sse');
    await added.chooseAuth('bearer');
    await added.typeExtra('auth/value', 'events-secret');
    await ui.server('shttp', 0).type('url', 'https://docs.example.com/v2/mcp');
    await ui.server('stdio', 0).setEnabled(false);
    expect((await el.submit()).kind).to.equal('saved');

    const stored = await storedServers(tenant);
    expect(stored['events']).to.deep.include({ transport: 'sse', url: 'https://events.example.com/sse' });
    expect(stored['events']!['auth']).to.deep.equal({ strategy: 'bearer', value: 'events-secret' });
    expect(stored['docs']!['url']).to.equal('https://docs.example.com/v2/mcp');
    expect(stored['docs']!['auth'], 'a masked secret left alone stays').to.deep.equal({
      strategy: 'bearer',
      value: 'docs-secret',
    });
    expect(stored['files']).to.deep.include({ enabled: false });
    expect(stored['files']!['env'], 'a masked variable left alone stays').to.deep.equal({
      FILES_TOKEN: 'files-secret',
    });
  });

  it('an older app server (map stored wrapped, secrets not restored): a save that would erase a masked secret is refused, nothing sent', async () => {
    const { tenant, el, ui } = await onServer({ ...V1_STORED, variant: 'fastmcp' });
    await ui.server('shttp', 0).type('url', 'https://docs.example.com/v2/mcp');
    const outcome = await el.submit();
    expect(outcome.kind).to.equal('validation');
    expect((await requestsOf(tenant.id, 'POST')).map((r) => r.path)).not.to.include(
      `${tenant.baseUrl}/api/v1/settings`,
    );
    const stored = await storedServers(tenant);
    expect(stored['files']!['env']).to.deep.equal({ FILES_TOKEN: 'files-secret' });
    expect(stored['docs']!['url']).to.equal('https://docs.example.com/mcp');
    expect(ui.errorOf(ui.server('shttp', 0).extra('auth/value'))).to.match(/Type this secret again/);

    await ui.server('shttp', 0).typeExtra('auth/value', 'docs-secret-2');
    await ui.type(ui.server('stdio', 0).env[0]!.value, 'files-secret-2');
    expect((await el.submit()).kind).to.equal('saved');
    const after = await storedServers(tenant);
    expect(after['docs']).to.deep.include({ url: 'https://docs.example.com/v2/mcp' });
    expect(after['docs']!['auth']).to.deep.equal({ strategy: 'bearer', value: 'docs-secret-2' });
    expect(after['files']!['env']).to.deep.equal({ FILES_TOKEN: 'files-secret-2' });
  });

  it('a refusal is worded by the host page by its code (strings.messages); a server the form does not show is named in the summary', async () => {
    const { tenant, el, ui } = await onServer({ ...V1_STORED, variant: 'fastmcp' }, (e) => {
      e.strings = { messages: { secret_would_be_erased: 'Geheimnis bitte neu eingeben' } };
    });
    // Another session stores a server with a secret of its own, which this form never loaded.
    await fetch(`${tenant.baseUrl}/api/v1/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Session-API-Key': SESSION_KEY },
      body: JSON.stringify({
        agent_settings_diff: {
          mcp_config: { ...STORED_MCP, theirs: { command: 'uvx', env: { THEIR_KEY: 'their-secret' } } },
        },
      }),
    });
    await ui.server('shttp', 0).type('url', 'https://docs.example.com/v2/mcp');
    const outcome = await el.submit();
    expect(outcome.kind).to.equal('validation');
    expect(ui.errorOf(ui.server('shttp', 0).extra('auth/value'))).to.equal('Geheimnis bitte neu eingeben');
    expect(ui.errorOf(ui.server('stdio', 0).env[0]!.value)).to.equal('Geheimnis bitte neu eingeben');
    expect(ui.summary.items()).to.deep.include(
      'MCP servers › “theirs” › Environment variables › “THEIR_KEY”: Geheimnis bitte neu eingeben',
    );
    expect((await storedServers(tenant))['theirs']!['env']).to.deep.equal({ THEIR_KEY: 'their-secret' });
    expect(JSON.stringify(outcome)).not.to.contain('their-secret');
  });

  it('another auth method starts empty and is asked for: a stored secret is not carried (no server keeps it under another method)', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED);
    const docs = ui.server('shttp', 0);
    await docs.chooseAuth('api_key');
    expect(docs.extra('auth/value').value).to.equal('');
    expect(ui.description(docs.extra('auth/value'))).not.to.match(/Stored/);
    expect((await el.submit()).kind).to.equal('validation');
    expect(ui.errorOf(docs.extra('auth/value'))).to.equal('Enter the key or token, or choose another method.');
    // Nothing was sent, the tokens included.
    expect(await requestsOf(tenant.id, 'POST')).to.deep.equal([]);
    expect((await storedServers(tenant))['docs']!['auth']).to.deep.equal({ strategy: 'bearer', value: 'docs-secret' });
    await docs.chooseAuth('basic');
    expect((await el.submit()).kind).to.equal('validation');
    expect(ui.errorOf(docs.extra('auth/username'))).to.equal('Enter a user name, or choose another method.');
    expect(ui.errorOf(docs.extra('auth/password'))).to.equal('Enter a password, or choose another method.');
    // Back to the stored method: its secret is kept, and the refusals about the other one go.
    await docs.chooseAuth('bearer');
    expect(ui.messages()).to.deep.equal([]);
    await docs.chooseAuth('api_key');
    await docs.typeExtra('auth/value', 'docs-key');
    expect((await el.submit()).kind).to.equal('saved');
    expect((await storedServers(tenant))['docs']!['auth']).to.deep.include({ strategy: 'api_key', value: 'docs-key' });
  });

  it('a stored secret does not follow its server to another host unasked: it is typed again for that host', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED);
    const docs = ui.server('shttp', 0);
    await docs.type('url', 'https://other-host.example.net/mcp');
    expect((await el.submit()).kind).to.equal('validation');
    expect(ui.errorOf(docs.extra('auth/value'))).to.match(/another host/);
    expect(await requestsOf(tenant.id, 'POST')).to.deep.equal([]);
    // Back to the stored host: the refusal goes with the edit.
    await docs.type('url', 'https://docs.example.com/mcp');
    expect(ui.errorOf(docs.extra('auth/value'))).to.equal('');
    await docs.type('url', 'https://other-host.example.net/mcp');
    await docs.typeExtra('auth/value', 'secret-for-other-host');
    expect((await el.submit()).kind).to.equal('saved');
    expect((await storedServers(tenant))['docs']).to.deep.include({
      url: 'https://other-host.example.net/mcp',
      auth: { strategy: 'bearer', value: 'secret-for-other-host' },
    });
  });

  it('two servers of one name are refused before anything is sent, each on its name', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED);
    const added = await ui.addServer('sse');
    await added.typeExtra('name', 'docs');
    await added.type('url', 'https://other.example.com/sse');
    expect((await el.submit()).kind).to.equal('validation');
    expect(ui.errorOf(added.extra('name'))).to.match(/Another MCP server has this name/);
    expect(ui.errorOf(ui.server('shttp', 0).extra('name'))).to.match(/Another MCP server has this name/);
    // Nothing at all, the unchanged tokens included: the summary says nothing of them.
    expect(await requestsOf(tenant.id, 'POST')).to.deep.equal([]);
    expect(ui.summary.text).not.to.contain('git tokens');
    await added.typeExtra('name', 'events');
    expect(ui.errorOf(added.extra('name'))).to.equal('');
    // The other server's name is its own again: its error goes with the edit, not at the next save.
    expect(ui.errorOf(ui.server('shttp', 0).extra('name'))).to.equal('');
    expect((await el.submit()).kind).to.equal('saved');
    expect(Object.keys(await storedServers(tenant)).sort()).to.deep.equal(['docs', 'events', 'files']);
  });

  it('removing a header moves focus to the one in its place, or to Add header, and says so', async () => {
    const { el, ui } = await onServer(V1_STORED);
    const docs = ui.server('shttp', 0);
    for (const name of ['X-A', 'X-B']) {
      await docs.addHeader();
      await docs.renameExtra('headers//[key]', name);
    }
    const removeButtons = () => [...docs.card.querySelectorAll<HTMLButtonElement>('[data-path$="/headers"] li button')];
    await ui.press(removeButtons()[0]!);
    expect(ui.focused()).to.equal(docs.extra('headers/X-B/[key]'));
    await waitUntil(() => ui.announcer.textContent === '“X-A” removed.', 'the removal was not announced');
    await ui.press(removeButtons()[0]!);
    expect(ui.focused()?.textContent?.trim()).to.equal('Add header');
    await el.updateComplete;
  });

  it('a refusal from the content alone comes before the review and before the submit event', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED, (e) => (e.review = true));
    const submits: Event[] = [];
    el.addEventListener('provider-settings-submit', (e) => submits.push(e));
    const added = await ui.addServer('sse');
    await added.typeExtra('name', 'docs');
    await added.type('url', 'https://other.example.com/sse');
    expect((await el.submit()).kind).to.equal('validation');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="review"]')).to.equal(null);
    expect(submits).to.deep.equal([]);
    expect(ui.errorOf(added.extra('name'))).to.match(/Another MCP server has this name/);
    expect(await requestsOf(tenant.id, 'POST')).to.deep.equal([]);
  });

  it('a refusal about names goes once an edit settles it: the duplicate removed, the nameless header removed', async () => {
    const { el, ui } = await onServer(V1_STORED);
    const added = await ui.addServer('sse');
    await added.typeExtra('name', 'docs');
    await added.type('url', 'https://other.example.com/sse');
    const docs = ui.server('shttp', 0);
    await docs.addHeader();
    await docs.typeExtra('headers/', 'no-name-value');
    expect((await el.submit()).kind).to.equal('validation');
    await el.updateComplete;
    expect(ui.summary.items()).to.have.length(3);
    await added.remove();
    expect(ui.errorOf(docs.extra('name'))).to.equal('');
    expect(ui.summary.items()).to.have.length(1);
    await ui.press(docs.card.querySelector<HTMLButtonElement>('[data-path$="/headers"] li button')!);
    expect(ui.summary.items()).to.deep.equal([]);
  });

  it('headers: added, named and valued on the card, stored as typed; a name another header has is not taken, and the field says so', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED);
    const docs = ui.server('shttp', 0);
    await docs.addHeader();
    // Focus goes to the new header's name ("Add header" is off while a header has none).
    expect(ui.focused()).to.equal(docs.extra('headers//[key]'));
    await docs.renameExtra('headers//[key]', 'X-Team');
    await docs.typeExtra('headers/X-Team', 'core');
    await docs.addHeader();
    // HTTP's header names are case-insensitive: this is the same header.
    await docs.renameExtra('headers//[key]', 'x-team');
    // Not taken: the field shows its own (empty) name again, and says why, announced.
    expect(docs.extra('headers//[key]').value).to.equal('');
    expect(ui.errorOf(docs.extra('headers//[key]'))).to.equal(
      'Another header is named “x-team”: the name was not changed.',
    );
    expect(ui.errorElement(docs.extra('headers//[key]'))?.getAttribute('role')).to.equal('alert');
    // Any later edit of the card leaves the note behind.
    await docs.typeExtra('headers/X-Team', 'core-2');
    expect(ui.errorOf(docs.extra('headers//[key]'))).to.equal('');
    await docs.renameExtra('headers//[key]', 'X-Team');
    await docs.renameExtra('headers//[key]', 'X-Region');
    expect(ui.messages().map((m) => m.textContent)).not.to.include(
      'Another header is named “x-team”: the name was not changed.',
    );
    await docs.typeExtra('headers/X-Region', 'eu');
    expect((await el.submit()).kind).to.equal('saved');
    expect((await storedServers(tenant))['docs']!['headers']).to.deep.equal({ 'X-Team': 'core-2', 'X-Region': 'eu' });
  });

  it('a header without a name is not sent: refused on its name field, nothing stored', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED);
    const docs = ui.server('shttp', 0);
    await docs.addHeader();
    await docs.typeExtra('headers/', 'no-name-value');
    expect((await el.submit()).kind).to.equal('validation');
    expect(ui.errorOf(docs.extra('headers//[key]'))).to.equal('Enter a header name, or remove the header.');
    expect((await storedServers(tenant))['docs']!['headers']).to.equal(undefined);
    await docs.renameExtra('headers//[key]', 'X-Team');
    expect((await el.submit()).kind).to.equal('saved');
    expect((await storedServers(tenant))['docs']!['headers']).to.deep.equal({ 'X-Team': 'no-name-value' });
  });

  it('an import keeps what V1 stores: a URL server’s name and headers, Authorization included', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED);
    await ui.importExport.open();
    await ui.importExport.preview(
      JSON.stringify({
        mcpServers: {
          tickets: {
            type: 'http',
            url: 'https://tickets.example.com/mcp',
            headers: { Authorization: 'Bearer tickets-secret', 'X-Team': 'core' },
          },
        },
      }),
    );
    await ui.importExport.use('add');
    const added = ui.server('shttp', 1);
    expect(added.extra('name').value).to.equal('tickets');
    expect((await el.submit()).kind).to.equal('saved');
    expect((await storedServers(tenant))['tickets']).to.deep.include({
      transport: 'http',
      url: 'https://tickets.example.com/mcp',
      headers: { Authorization: 'Bearer tickets-secret', 'X-Team': 'core' },
    });
  });

  it("an import of an export without secrets never stores the export's placeholder: the secret is asked for", async () => {
    const { tenant, el, ui } = await onServer(V1_STORED);
    await ui.importExport.open();
    await ui.importExport.preview(
      JSON.stringify({
        mcpServers: {
          tickets: { type: 'http', url: 'https://tickets.example.com/mcp', headers: { 'X-Key': '••••••' } },
        },
      }),
    );
    await ui.importExport.use('add');
    const added = ui.server('shttp', 1);
    expect((await el.submit()).kind).to.equal('validation');
    expect(ui.errorOf(added.extra('headers/X-Key'))).to.match(/Type this secret again/);
    expect(await storedServers(tenant)).not.to.have.property('tickets');
    await added.typeExtra('headers/X-Key', 'tickets-key');
    expect((await el.submit()).kind).to.equal('saved');
    expect((await storedServers(tenant))['tickets']!['headers']).to.deep.equal({ 'X-Key': 'tickets-key' });
  });

  it('a server someone else stored meanwhile under the name the person gives is not overwritten: refused, nothing sent', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED);
    // A token typed too: it is stored first, so the save is a partial one.
    await ui.typeToken('github', 'ghp_newV1');
    const added = await ui.addServer('sse');
    await added.typeExtra('name', 'events');
    await added.type('url', 'https://events.example.com/sse');
    // Another session stores a server of that name.
    await fetch(`${tenant.baseUrl}/api/v1/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Session-API-Key': SESSION_KEY },
      body: JSON.stringify({
        agent_settings_diff: {
          mcp_config: { ...STORED_MCP, events: { transport: 'http', url: 'https://theirs.example.com/mcp' } },
        },
      }),
    });
    const loads = (await requestsOf(tenant.id, 'GET')).length;
    expect((await el.submit()).kind).to.equal('validation');
    expect(ui.errorOf(added.extra('name'))).to.match(/stored meanwhile/);
    expect((await storedServers(tenant))['events']!['url']).to.equal('https://theirs.example.com/mcp');
    // The tokens went first and were stored, so the stored state is loaded again; what the server
    // said about the servers not stored stays on them, and the summary counts only the problem.
    await waitUntil(async () => (await requestsOf(tenant.id, 'GET')).length > loads + 1, 'no reload after the save');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await el.updateComplete;
    expect(ui.errorOf(added.extra('name'))).to.match(/stored meanwhile/);
    expect(ui.summary.text).to.contain('The git tokens were saved');
    expect(ui.summary.heading).to.equal('There is a problem');
    expect(ui.summary.items()).to.have.length(1);
  });

  it('stored servers given in V0’s shape (no names) are not saved over on V1: the save says to load them from it', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED, (e) => {
      e.autoload = false;
      e.settings = {
        provider_tokens_set: { github: null, gitlab: 'gitlab.example.com' },
        mcp_config: {
          sse_servers: [],
          shttp_servers: [{ url: 'https://docs.example.com/mcp', api_key: null }],
          stdio_servers: [],
        },
      };
    });
    await ui.server('shttp', 0).remove();
    const outcome = await el.submit();
    expect(outcome.kind).to.equal('refused');
    expect(outcome.message).to.match(/not loaded from this server/);
    expect(Object.keys(await storedServers(tenant)).sort()).to.deep.equal(['docs', 'files']);
  });

  it('set to v0 at run time, the cards show V0’s fields again (and V0’s order buttons, which a map by name has no use for)', async () => {
    const { el, ui } = await onServer(V1_STORED);
    expect(ui.server('shttp', 0).showsExtras).to.equal(true);
    expect(shown(() => ui.server('shttp', 0).moveUpButton)).to.equal(false);
    el.api = 'v0';
    await el.updateComplete;
    expect(ui.server('shttp', 0).showsExtras).to.equal(false);
    expect(ui.server('shttp', 0).apiKey).to.be.instanceOf(HTMLInputElement);
    expect(shown(() => ui.server('shttp', 0).moveUpButton)).to.equal(true);
  });

  it('the raw JSON view shows the servers by name and, applied as it is, keeps every name, header and auth', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED);
    await ui.server('shttp', 0).typeExtra('name', 'documents');
    await ui.importExport.open();
    const shown = JSON.parse(ui.importExport.rawText.value) as Record<string, Record<string, unknown>>;
    expect(Object.keys(shown).sort()).to.deep.equal(['documents', 'files']);
    expect(shown['documents']!['auth']).to.deep.equal({ strategy: 'bearer', value: MASK });
    await ui.importExport.use('apply');
    expect(ui.server('shttp', 0).extra('name').value).to.equal('documents');
    // A renamed server's masked secret has no stored value under the new name: typed again.
    await ui.server('shttp', 0).typeExtra('auth/value', 'docs-secret-renamed');
    expect((await el.submit()).kind).to.equal('saved');
    const stored = await storedServers(tenant);
    expect(Object.keys(stored).sort()).to.deep.equal(['documents', 'files']);
    expect(stored['files']!['env']).to.deep.equal({ FILES_TOKEN: 'files-secret' });
  });

  it('deletes one server and keeps the other', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED);
    await ui.server('shttp', 0).remove();
    expect((await el.submit()).kind).to.equal('saved');
    expect(Object.keys(await storedServers(tenant))).to.deep.equal(['files']);
  });

  it('switching the auth method and back keeps the stored secret (it is not sent empty)', async () => {
    const { tenant, el, ui } = await onServer(V1_STORED);
    const docs = ui.server('shttp', 0);
    await docs.chooseAuth('basic');
    await docs.chooseAuth('bearer');
    expect(ui.description(docs.extra('auth/value'))).to.match(/Stored/);
    await docs.type('url', 'https://docs.example.com/v3/mcp');
    expect((await el.submit()).kind).to.equal('saved');
    expect((await storedServers(tenant))['docs']!['auth']).to.deep.equal({ strategy: 'bearer', value: 'docs-secret' });
  });

  it('after a save, a secret typed in clear leaves the form: the load that follows shows it stored', async () => {
    const { el, ui } = await onServer(V1_STORED);
    const docs = ui.server('shttp', 0);
    await docs.typeExtra('auth/value', 'docs-secret-new');
    expect((await el.submit()).kind).to.equal('saved');
    await waitUntil(
      async () => {
        await el.updateComplete;
        const value = ui.server('shttp', 0).extra('auth/value');
        return value.value === '' && /Stored/.test(ui.description(value));
      },
      'the typed secret stayed in the form',
      { timeout: 5000 },
    );
    expect(el.dirty).to.equal(false);
  });

  it('shows a masked secret as stored, never as asterisks to edit', async () => {
    const { ui } = await onServer(V1_STORED);
    const value = ui.server('shttp', 0).extra('auth/value');
    expect(value.value).to.equal('');
    expect(ui.description(value)).to.match(/Stored/);
    expect(value.type).to.equal('password');
  });
});

describe('server APIs: the agent-server', () => {
  it('an MCP save refused when no token changed does not say the tokens were saved (nothing was sent for them)', async () => {
    const { el, ui } = await onServer(AGENT_STORED);
    const added = await ui.addServer('sse');
    await added.typeExtra('name', 'docs');
    await added.type('url', 'https://other.example.com/sse');
    const outcome = await el.submit();
    expect(outcome.kind).to.equal('validation');
    expect(outcome.stored).to.deep.equal([]);
    await el.updateComplete;
    expect(ui.summary.text).not.to.contain('The git tokens were saved');
    expect(ui.errorOf(added.extra('name'))).to.match(/Another MCP server has this name/);
    // The newer fields' errors are in the summary too, each named by its place.
    expect(ui.summary.items()).to.have.length(2);
    expect(ui.summary.items()[0]).to.match(/^SSE server 1 › .*: Another MCP server has this name/);
    await ui.summary.goTo(0);
    expect(ui.focused()).to.equal(added.extra('name'));
  });

  it('stores a git token as the secret its clone path reads, and removes it', async () => {
    const { tenant, el, ui } = await onServer({ ...AGENT_STORED, secrets: { OTHER: 'kept' } });
    await ui.typeToken('github', 'ghp_newAgent');
    expect((await el.submit()).kind).to.equal('saved');
    const secrets = (await tenantState(tenant.id)).secrets ?? {};
    expect(secrets['github_token']?.value).to.equal('ghp_newAgent');
    expect(secrets['OTHER']?.value).to.equal('kept');

    await ui.provider('github').remove();
    expect((await el.submit()).kind).to.equal('saved');
    expect(Object.keys((await tenantState(tenant.id)).secrets ?? {})).to.deep.equal(['OTHER']);
  });

  it('adds, changes, disables and deletes servers by merge patch; masked secrets left alone stay', async () => {
    const { tenant, el, ui } = await onServer({
      ...AGENT_STORED,
      settings: { agent_settings: { mcp_config: { ...STORED_MCP, docs: { ...STORED_MCP.docs, enabled: true } } } },
    });
    const added = await ui.addServer('shttp');
    await added.typeExtra('name', 'search');
    await added.type('url', 'https://search.example.com/mcp');
    await ui.server('shttp', 0).setEnabled(false);
    await ui.server('stdio', 0).remove();
    expect((await el.submit()).kind).to.equal('saved');

    const stored = await storedServers(tenant);
    expect(Object.keys(stored).sort()).to.deep.equal(['docs', 'search']);
    expect(stored['docs']).to.deep.include({ enabled: false });
    expect(stored['docs']!['auth']).to.deep.equal({ strategy: 'bearer', value: 'docs-secret' });
    expect(stored['search']).to.deep.include({ transport: 'http', url: 'https://search.example.com/mcp' });
    const patches = await requestsOf(tenant.id, 'PATCH');
    expect(JSON.stringify(patches.map((r) => r.body))).not.to.contain(MASK);
  });

  it('an older agent-server (deep merge, no delete) has a server removed without losing the others', async () => {
    const { tenant, el, ui } = await onServer({
      ...AGENT_STORED,
      variant: 'deep-merge',
      settings: {
        agent_settings: {
          mcp_config: {
            mcpServers: {
              docs: { transport: 'http', url: 'https://docs.example.com/mcp' },
              files: { command: 'npx', args: ['-y', 'files'] },
            },
          },
        },
      },
    });
    await ui.server('stdio', 0).remove();
    expect((await el.submit()).kind).to.equal('saved');
    expect(Object.keys(await storedServers(tenant))).to.deep.equal(['docs']);
  });

  it('an older agent-server: a removal that would lose a masked secret is refused, nothing sent', async () => {
    const { tenant, el, ui } = await onServer({
      ...AGENT_STORED,
      variant: 'nested-delete',
      settings: {
        agent_settings: {
          mcp_config: {
            mcpServers: {
              docs: { transport: 'http', url: 'https://docs.example.com/mcp' },
              files: { command: 'npx', args: ['-y', 'files'], env: { FILES_TOKEN: 'files-secret' } },
            },
          },
        },
      },
    });
    await ui.server('shttp', 0).remove();
    const outcome = await el.submit();
    expect(outcome.kind).to.equal('validation');
    expect((await requestsOf(tenant.id, 'PATCH')).length).to.equal(0);
    expect((await storedServers(tenant))['files']!['env']).to.deep.equal({ FILES_TOKEN: 'files-secret' });
    expect(ui.summary.items().join(' ')).to.match(/type it again|again/i);
  });

  it('an older agent-server’s 422 with a text detail lands on the field it names, and what was typed stays', async () => {
    const { el, ui } = await onServer(
      { ...AGENT_STORED, variant: 'deep-merge', settings: {} },
      (e) => (e.noValidate = true),
    );
    const added = await ui.addServer('shttp');
    await added.typeExtra('name', 'broken');
    await added.type('url', 'ftp://not-http.example.com');
    const outcome = await el.submit();
    expect(outcome.kind).to.equal('validation');
    expect(ui.errorOf(ui.server('shttp', 0).url), 'the text names the server and field: on the field').to.match(/http/);
    expect(ui.server('shttp', 0).url.value).to.equal('ftp://not-http.example.com');
    expect(el.dirty).to.equal(true);
  });
});

describe('server APIs: testing a server before saving', () => {
  it('the agent-server tests what the card says: tools listed, announced, nothing stored', async () => {
    const { tenant, ui } = await onServer({ ...AGENT_STORED, mcpTestMs: 100 });
    const added = await ui.addServer('shttp');
    await added.typeExtra('name', 'search');
    await added.type('url', 'https://search.example.com/mcp');
    await added.chooseAuth('bearer');
    await added.typeExtra('auth/value', 'search-secret-1');
    expect(added.testResult.getAttribute('role')).to.equal('status');
    const said = await added.testConnection();
    expect(said).to.match(/echo/);
    expect(said).not.to.contain('search-secret-1');
    expect(Object.keys(await storedServers(tenant)).sort()).to.deep.equal(['docs', 'files']);
    // A keystroke in another card leaves it; one in the card (the field not yet left) takes it away.
    await ui.type(ui.server('stdio', 0).command, 'npx2');
    expect(added.testResult.textContent!.trim()).to.match(/echo/);
    added.url.value = 'https://search.example.com/v2/mcp';
    added.url.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await ui.el.updateComplete;
    expect(added.testResult.textContent!.trim()).to.equal('');
  });

  it('a host page words the result in its own language (strings.named.testResult)', async () => {
    const { ui } = await onServer(AGENT_STORED, (e) => {
      e.strings = { named: { testResult: (r) => (r.kind === 'ok' ? `Verbunden: ${r.toolCount} Werkzeuge` : r.kind) } };
    });
    const added = await ui.addServer('shttp');
    await added.typeExtra('name', 'search');
    await added.type('url', 'https://search.example.com/mcp');
    expect(await added.testConnection()).to.equal('Verbunden: 2 Werkzeuge');
  });

  it('the agent-server: a server that cannot be reached says why, and its card keeps what was typed', async () => {
    const { ui } = await onServer(AGENT_STORED);
    const added = await ui.addServer('sse');
    await added.typeExtra('name', 'gone');
    await added.type('url', 'https://gone.invalid/sse');
    expect(await added.testConnection()).to.match(/connect/i);
    expect(added.url.value).to.equal('https://gone.invalid/sse');
  });

  it('the agent-server: a server whose secret is stored masked asks for it instead of testing without it', async () => {
    const { tenant, ui } = await onServer(AGENT_STORED);
    expect(await ui.server('shttp', 0).testConnection()).to.match(/type|secret/i);
    expect(await requestsOf(tenant.id, 'POST')).to.deep.equal([]);
  });

  it('V1 tests the stored server by name and polls its run; a changed card is saved first', async () => {
    const { tenant, ui } = await onServer({ ...V1_STORED, mcpTestMs: 300 });
    expect(await ui.server('shttp', 0).testConnection()).to.match(/tool/i);
    expect((await tenantState(tenant.id)).mcpTestRuns?.length).to.equal(1);
    await ui.server('shttp', 0).type('url', 'https://docs.example.com/v2/mcp');
    expect(ui.server('shttp', 0).testResult.textContent!.trim(), 'a result is about what was tested').to.equal('');
    expect(await ui.server('shttp', 0).testConnection()).to.match(/save/i);
  });
});
