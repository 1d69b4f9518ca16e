import { expect } from '@open-wc/testing';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { control, errorOf, harness, leave, mount } from '../helpers/element.js';
import { createTenant, requestsOf, SESSION_KEY } from '../helpers/reference-server.js';

async function withServers(): Promise<OpenHandsProviderSettings> {
  return mount((e) => {
    e.value = {
      provider_tokens: {},
      mcp_config: {
        sse_servers: [{ url: 'localhost:8080', api_key: null }],
        shttp_servers: [{ url: 'ftp://files.example.com', api_key: null }],
        stdio_servers: [
          { name: 'ok', command: 'npx', args: [], env: {} },
          { name: 'bad name!', command: 'npx -y thing', args: [], env: {} },
        ],
      },
    };
  });
}

describe('<openhands-provider-settings> checks', () => {
  it('reports every problem on its field on submit, with the server’s wording, and sends nothing', async () => {
    const el = await withServers();
    let sent = false;
    el.addEventListener('provider-settings-submit', () => (sent = true));
    const outcome = await el.submit();
    await el.updateComplete;
    expect(outcome.kind).to.equal('invalid');
    expect(sent).to.equal(false);
    const expectations: Record<string, string> = {
      '/mcp_config/sse_servers/0/url': 'URL must include a valid domain/host',
      '/mcp_config/shttp_servers/0/url': 'URL scheme must be http, https, ws, or wss',
      '/mcp_config/stdio_servers/1/name': 'Server name can only contain letters, numbers, hyphens, and underscores',
      '/mcp_config/stdio_servers/1/command':
        'Command should be a single executable without spaces (use arguments field for parameters)',
    };
    for (const [pointer, message] of Object.entries(expectations)) {
      const input = control(el, pointer);
      expect(input.getAttribute('aria-invalid'), pointer).to.equal('true');
      expect(errorOf(el, input), pointer).to.equal(message);
    }
    expect(control(el, '/mcp_config/stdio_servers/0/name').hasAttribute('aria-invalid')).to.equal(false);
  });

  it('moves focus to the error summary, whose entries move focus to their fields', async () => {
    const el = await withServers();
    const ui = harness(el);
    await el.submit();
    await el.updateComplete;
    expect(ui.focused()).to.equal(ui.summary.element);
    const entries = ui.summary.entries;
    expect(entries.length).to.equal(4);
    expect(entries[0]!.textContent).to.contain('SSE server 1 › URL: URL must include a valid domain/host');
    await ui.summary.goTo(3);
    expect(ui.focused()).to.equal(ui.server('stdio', 1).command);
    await expect(el).to.be.accessible();
  });

  it('checks a field when the person leaves it after typing, not when they only pass through', async () => {
    const el = await mount();
    const ui = harness(el);
    const server = await ui.addServer('sse');
    const url = server.url;
    url.focus();
    leave(url);
    await el.updateComplete;
    expect(url.hasAttribute('aria-invalid')).to.equal(false);
    await server.type('url', 'example.com/sse');
    expect(ui.errorOf(url)).to.equal('URL must include a scheme (http:// or https://)');
    await server.type('url', 'https://example.com/sse');
    expect(url.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('flags a new provider with a host but no token (the server would drop it silently)', async () => {
    const el = await mount();
    const gitlab = harness(el).provider('gitlab');
    await gitlab.typeHost('gitlab.example.com');
    const outcome = await el.submit();
    await el.updateComplete;
    expect(outcome.kind).to.equal('invalid');
    expect(gitlab.token.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, gitlab.token)).to.not.equal('');
  });

  it('flags duplicate and empty environment variable names', async () => {
    const el = await mount();
    const ui = harness(el);
    const server = await ui.addServer('stdio');
    await server.type('name', 'fs');
    await server.type('command', 'npx');
    await ui.type((await server.addEnv()).key, 'A');
    await ui.type((await server.addEnv()).key, 'A');
    await el.submit();
    await el.updateComplete;
    expect(server.env.map((v) => v.key.getAttribute('aria-invalid'))).to.deep.equal([null, 'true']);
  });

  it('with novalidate, skips its own checks so the server answers', async () => {
    const tenant = await createTenant();
    const el = await withServers();
    el.settings = { provider_tokens_set: {}, mcp_config: null }; // known: the save goes straight to its request
    el.noValidate = true;
    el.baseUrl = tenant.baseUrl;
    el.sessionKey = SESSION_KEY;
    let sent = false;
    el.addEventListener('provider-settings-submit', () => (sent = true));
    const outcome = await el.submit();
    expect(sent).to.equal(true);
    expect(outcome.kind).to.equal('validation');
    expect(await requestsOf(tenant.id, 'POST', '/api/add-git-providers')).to.have.length(1);
  });
});
