import { expect } from '@open-wc/testing';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { requestsOf, scriptResponses, SESSION_KEY, tenantState, type Tenant } from '../helpers/reference-server.js';
import { harness, mount, nextEvent } from '../helpers/element.js';
import { setup } from '../helpers/scenario.js';

async function loadSettings(el: OpenHandsProviderSettings, tenant: Tenant): Promise<void> {
  const response = await fetch(`${tenant.baseUrl}/api/settings`, { headers: { 'X-Session-API-Key': SESSION_KEY } });
  el.settings = await response.json();
  await el.updateComplete;
}

describe('<openhands-provider-settings> saving to the reference server', () => {
  it('saves a new token: status shown, typed token cleared, provider shown as stored', async () => {
    const { tenant, el, ui } = await setup();
    await ui.typeToken('github', 'ghp_goodtoken');
    const saved = nextEvent(el, 'provider-settings-saved');
    const outcome = await el.submit();
    await el.updateComplete;
    expect(outcome.kind).to.equal('saved');
    expect((await saved).storedProviders).to.deep.equal(['github']);
    expect(ui.status.element.textContent).to.equal('Saved.');
    expect(ui.provider('github').token.value).to.equal('');
    expect(ui.provider('github').stored).to.equal(true);
    expect(el.dirty).to.equal(false);
    const state = await tenantState(tenant.id);
    expect(state.provider_tokens.github!.token).to.equal('ghp_goodtoken');
    await expect(el).to.be.accessible();
  });

  it('a save that changes only MCP servers keeps every stored token', async () => {
    const { tenant, el, ui } = await setup({
      settings: {
        provider_tokens: {
          github: { token: 'ghp_stored', host: null },
          gitlab: { token: 'glpat_stored', host: 'gitlab.example.com' },
        },
      },
    });
    await loadSettings(el, tenant);
    const server = await ui.addServer('sse');
    await server.type('url', 'https://mcp.example.com/sse');
    expect((await el.submit()).kind).to.equal('saved');

    const [request] = await requestsOf(tenant.id);
    expect((request!.body as { provider_tokens: unknown }).provider_tokens).to.deep.equal({
      github: { token: null, host: null },
      gitlab: { token: null, host: 'gitlab.example.com' },
    });
    const settings = await (
      await fetch(`${tenant.baseUrl}/api/settings`, { headers: { 'X-Session-API-Key': SESSION_KEY } })
    ).json();
    expect(settings.provider_tokens_set).to.deep.equal({ github: null, gitlab: 'gitlab.example.com' });
    const state = await tenantState(tenant.id);
    expect(state.provider_tokens.github!.token).to.equal('ghp_stored');
    expect(state.provider_tokens.gitlab!.token).to.equal('glpat_stored');
  });

  it('deletes a stored token only after the person confirmed it', async () => {
    const { tenant, el, ui } = await setup({
      settings: {
        provider_tokens: { github: { token: 'ghp_a', host: null }, gitlab: { token: 'glpat_b', host: null } },
      },
    });
    await loadSettings(el, tenant);
    await ui.provider('github').remove();
    expect((await el.submit()).kind).to.equal('saved');
    const state = await tenantState(tenant.id);
    expect(Object.keys(state.provider_tokens)).to.deep.equal(['gitlab']);
  });

  it('with novalidate, puts every item of the server’s 422 on its field with its message', async () => {
    const { el, ui } = await setup({}, (e) => {
      e.noValidate = true;
      e.value = {
        provider_tokens: {},
        mcp_config: {
          sse_servers: [{ url: '  ', api_key: null }],
          shttp_servers: [{ url: 'example.com', api_key: null }],
          stdio_servers: [
            { name: 'ok', command: 'node', args: ['a'], env: { K: 'v' } },
            { name: 'no good', command: 'two words', args: [], env: {} },
          ],
        },
      };
    });
    const failed = nextEvent(el, 'provider-settings-failed');
    const outcome = await el.submit();
    await el.updateComplete;
    expect(outcome.kind).to.equal('validation');
    expect((await failed).kind).to.equal('validation');
    const expected: Record<string, string> = {
      '/mcp_config/sse_servers/0/url': 'URL cannot be empty',
      '/mcp_config/shttp_servers/0/url': 'URL must include a scheme (http:// or https://)',
      '/mcp_config/stdio_servers/1/name': 'Server name can only contain letters, numbers, hyphens, and underscores',
      '/mcp_config/stdio_servers/1/command':
        'Command should be a single executable without spaces (use arguments field for parameters)',
    };
    for (const [pointer, message] of Object.entries(expected)) {
      expect(ui.errorOf(ui.control(pointer)), pointer).to.equal(message);
    }
    expect(ui.focused()).to.equal(ui.summary.element);
    expect(ui.summary.items()).to.have.length(4);
    // Nothing typed is lost.
    expect(ui.control('/mcp_config/stdio_servers/1/command').value).to.equal('two words');
    await expect(el).to.be.accessible();
  });

  it('keeps each server error with its row when rows above it are removed, and clears it when edited', async () => {
    const { el, ui } = await setup({}, (e) => {
      e.noValidate = true;
      e.value = {
        provider_tokens: {},
        mcp_config: {
          sse_servers: [],
          shttp_servers: [],
          stdio_servers: [
            { name: 'first', command: 'node', args: [], env: {} },
            { name: 'bad name', command: 'node', args: [], env: {} },
          ],
        },
      };
    });
    await el.submit();
    await el.updateComplete;
    await ui.server('stdio', 0).remove();
    const name = ui.control('/mcp_config/stdio_servers/0/name');
    expect(name.value).to.equal('bad name');
    expect(ui.errorOf(name)).to.equal('Server name can only contain letters, numbers, hyphens, and underscores');
    await ui.fill(name, 'good-name');
    expect(name.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('puts a token the provider rejected on that provider’s token field', async () => {
    const { el, ui } = await setup();
    await ui.typeToken('gitlab', 'bad-token');
    const outcome = await el.submit();
    await el.updateComplete;
    expect(outcome.kind).to.equal('token-rejected');
    const token = ui.provider('gitlab').token;
    expect(ui.errorOf(token)).to.equal('Invalid token. Please make sure it is a valid gitlab token.');
    expect(token.value).to.equal('bad-token');
  });

  it('says the session key was refused on a 401 detail, and keeps what was typed', async () => {
    const { el, ui } = await setup({}, (e) => (e.sessionKey = 'wrong-key'));
    await ui.typeToken('github', 'ghp_typed');
    const outcome = await el.submit();
    await el.updateComplete;
    expect(outcome.kind).to.equal('unauthorized');
    expect(ui.formError.element.textContent).to.not.equal('');
    expect(ui.provider('github').token.value).to.equal('ghp_typed');
  });

  const failures: [string, Parameters<typeof scriptResponses>[1][number], string][] = [
    ['a 500 with JSON', { status: 500, body: { error: 'Something went wrong storing git providers' } }, 'server'],
    ['a 500 as plain text', { status: 500, body: 'Internal Server Error', contentType: 'text/plain' }, 'server'],
    ['a 429', { status: 429, body: { message: 'Too many requests' } }, 'rate-limited'],
    ['a dropped connection', { drop: true }, 'network'],
  ];
  for (const [what, response, kind] of failures) {
    it(`reports ${what} as ${kind} and keeps what was typed`, async () => {
      const { tenant, el, ui } = await setup();
      await scriptResponses(tenant.id, [response]);
      await ui.typeToken('github', 'ghp_typed');
      const outcome = await el.submit();
      await el.updateComplete;
      expect(outcome.kind).to.equal(kind);
      expect(ui.formError.element.textContent!.length).to.be.greaterThan(0);
      expect(ui.focused()).to.equal(ui.summary.element);
      expect(ui.provider('github').token.value).to.equal('ghp_typed');
      // And saving again works.
      expect((await el.submit()).kind).to.equal('saved');
    });
  }

  it('gives up after the timeout', async () => {
    const { tenant, el } = await setup({}, (e) => (e.timeout = 300));
    await scriptResponses(tenant.id, [{ hang: true }]);
    const outcome = await el.submit();
    expect(outcome.kind).to.equal('timeout');
  });

  it('sends one request when submitted twice, and shows it is busy meanwhile', async () => {
    const { tenant, el, ui } = await setup();
    await scriptResponses(tenant.id, [{ status: 200, body: { message: 'Git providers stored' }, delayMs: 200 }]);
    const first = el.submit();
    const second = el.submit();
    expect(second).to.equal(first);
    await el.updateComplete;
    expect(ui.showsSaving).to.equal(true);
    await first;
    expect((await requestsOf(tenant.id)).length).to.equal(1);
  });

  it('a save while the person kept typing says what it did not save', async () => {
    const { tenant, el, ui } = await setup();
    await scriptResponses(tenant.id, [{ status: 200, body: { message: 'Git providers stored' }, delayMs: 200 }]);
    await ui.typeToken('github', 'ghp_saved');
    const pending = el.submit();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ui.typeToken('gitlab', 'glpat_typed_while_saving');
    expect((await pending).kind).to.equal('saved');
    await el.updateComplete;
    expect(el.dirty).to.equal(true);
    expect(ui.status.element.textContent).to.equal('Saved. What was changed while saving is not saved yet.');
    expect((await tenantState(tenant.id)).provider_tokens).not.to.have.property('gitlab');
  });

  it('stops the request when the element leaves the page', async () => {
    const { tenant, el } = await setup();
    await scriptResponses(tenant.id, [{ status: 200, body: { message: 'Git providers stored' }, delayMs: 500 }]);
    let events = 0;
    el.addEventListener('provider-settings-saved', () => events++);
    el.addEventListener('provider-settings-failed', () => events++);
    const pending = el.submit();
    el.remove();
    const outcome = await pending;
    expect(outcome.kind).to.equal('aborted');
    expect(events).to.equal(0);
  });

  it('lets the page cancel a save', async () => {
    const { tenant, el } = await setup();
    el.addEventListener('provider-settings-submit', (e) => e.preventDefault());
    expect((await el.submit()).kind).to.equal('aborted');
    expect(await requestsOf(tenant.id)).to.deep.equal([]);
  });
});

describe('<openhands-provider-settings> placing every item of a 422', () => {
  it('an older server that does not know a provider: the map key error lands on that provider', async () => {
    const { el, ui } = await setup({}, (e) => (e.providers = ['azure_devops', 'github']));
    await ui.typeToken('azure_devops', 'azdo-token');
    expect((await el.submit()).kind).to.equal('validation');
    await el.updateComplete;
    const section = ui.group('/provider_tokens/azure_devops');
    expect(ui.description(section)).to.equal("Input should be 'github', 'gitlab', 'bitbucket' or 'enterprise_sso'");
    expect(ui.provider('azure_devops').token.value).to.equal('azdo-token');
  });

  it('every item lands on its field, its nearest rendered ancestor, or the summary, with its message', async () => {
    const { tenant, el, ui } = await setup({}, (e) => {
      e.noValidate = true;
      e.value = {
        provider_tokens: { github: { token: 'ghp_x', host: null } },
        mcp_config: {
          sse_servers: [{ url: 'https://a.example.com', api_key: null }],
          shttp_servers: [],
          stdio_servers: [{ name: 'fs', command: 'npx', args: ['-y', 'pkg'], env: { K: 'v', 'a/b': 'w' } }],
        },
      };
    });
    const item = (loc: unknown[], msg: string, type = 'value_error') => ({ type, loc, msg, input: 'ghp_x' });
    await scriptResponses(tenant.id, [
      {
        status: 422,
        body: {
          detail: [
            item(['body', 'provider_tokens', 'github', 'token'], 'Input should be a valid string', 'string_type'),
            item(
              ['body', 'provider_tokens', 'github', '__key__'],
              'value is not a valid enumeration member',
              'type_error.enum',
            ),
            item(['body', 'mcp_config', 'sse_servers', 0, 'url'], 'Value error, URL must include a valid domain/host'),
            item(
              ['body', 'mcp_config', 'stdio_servers', 0, 'args', 1],
              'Input should be a valid string',
              'string_type',
            ),
            item(
              ['body', 'mcp_config', 'stdio_servers', 0, 'env', 'a/b'],
              'Input should be a valid string',
              'string_type',
            ),
            item(['body', 'mcp_config', 'stdio_servers', 0, 'env', 'K', '[key]'], 'Bad key'),
            item(
              ['body', 'mcp_config', 'stdio_servers', 0, 'timeout'],
              'Extra inputs are not permitted',
              'extra_forbidden',
            ),
            item(['body', 'mcp_config', 'stdio_servers', 5, 'name'], 'Field required', 'missing'),
            item(['body', 'mcp_config', 'mcpServers'], 'Extra inputs are not permitted', 'extra_forbidden'),
            item(['body', 17], 'JSON decode error', 'json_invalid'),
            item(['query', 'x'], 'Field required', 'missing'),
          ],
        },
      },
    ]);
    const outcome = await el.submit();
    await el.updateComplete;
    expect(outcome.kind).to.equal('validation');
    const on = (pointer: string) => ui.errorOf(ui.control(pointer));
    expect(on('/provider_tokens/github/token')).to.equal('Input should be a valid string');
    expect(ui.description(ui.group('/provider_tokens/github'))).to.contain('value is not a valid enumeration member');
    expect(on('/mcp_config/sse_servers/0/url')).to.equal('URL must include a valid domain/host');
    expect(on('/mcp_config/stdio_servers/0/args/1')).to.equal('Input should be a valid string');
    expect(on('/mcp_config/stdio_servers/0/env/a~1b')).to.equal('Input should be a valid string');
    expect(on('/mcp_config/stdio_servers/0/env/K/[key]')).to.equal('Bad key');
    // No field for these: the nearest rendered ancestor shows them.
    expect(ui.description(ui.group('/mcp_config/stdio_servers/0'))).to.equal('Extra inputs are not permitted');
    expect(ui.description(ui.group('/mcp_config/stdio_servers'))).to.equal('Field required');
    expect(ui.description(ui.group('/mcp_config'))).to.equal('Extra inputs are not permitted');
    // Nothing is dropped: every item is listed in the summary, the unplaceable ones with a readable place.
    const summary = ui.summary.items().map((item) => item.replace(/\s+/g, ' '));
    expect(summary).to.have.length(11);
    expect(summary).to.include('Request body (character 17): JSON decode error');
    expect(summary).to.include('Request: Field required');
    // The token the server echoed in `input` is shown nowhere.
    expect(el.shadowRoot!.textContent).not.to.contain('ghp_x');
  });

  it('redacts a secret the server echoes in a message, in the page and in the event', async () => {
    const { tenant, el, ui } = await setup();
    await scriptResponses(tenant.id, [{ status: 500, body: { error: 'Could not store ghp_topsecret_1 for github' } }]);
    await ui.typeToken('github', 'ghp_topsecret_1');
    const failed = nextEvent(el, 'provider-settings-failed');
    await el.submit();
    await el.updateComplete;
    const event = await failed;
    expect(event.message).not.to.contain('ghp_topsecret_1');
    expect(ui.formError.element.textContent).not.to.contain('ghp_topsecret_1');
    expect(ui.formError.element.textContent).to.contain('•••');
  });
});

describe('<openhands-provider-settings> configuration', () => {
  it('refuses to send secrets over plain http to a host that is not this machine', async () => {
    const el = await mount((e) => {
      e.baseUrl = 'http://openhands.example.com';
      e.sessionKey = SESSION_KEY;
    });
    const ui = harness(el);
    const submitted = nextEvent(el, 'provider-settings-failed');
    const outcome = await el.submit();
    expect(outcome.kind).to.equal('refused');
    expect((await submitted).kind).to.equal('refused');
    await el.updateComplete;
    expect(ui.formError.element.textContent).to.not.equal('');
  });

  it('tells the page when the form changes, and whether it differs from what is stored', async () => {
    const el = await mount();
    const ui = harness(el);
    const changed = nextEvent(el, 'provider-settings-change');
    await ui.typeToken('github', 'ghp_new');
    expect((await changed).dirty).to.equal(true);
    el.reset();
    await el.updateComplete;
    expect(el.dirty).to.equal(false);
    expect(ui.provider('github').token.value).to.equal('');
  });
});
