import { expect } from '@open-wc/testing';
import { control, group, harness, mount } from '../helpers/element.js';

describe('<openhands-provider-settings> rendering', () => {
  it('shows GitHub, GitLab and Bitbucket by default, each with token and host controls', async () => {
    const el = await mount();
    const ui = harness(el);
    expect(ui.providers().map((p) => p.label)).to.deep.equal(['GitHub', 'GitLab', 'Bitbucket']);
    for (const provider of ['github', 'gitlab', 'bitbucket']) {
      expect(control(el, `/provider_tokens/${provider}/token`).type).to.equal('password');
      expect(control(el, `/provider_tokens/${provider}/host`).type).to.equal('text');
    }
    await expect(el).to.be.accessible();
  });

  it('shows the providers the page asks for, unknown ones included, in order', async () => {
    const el = await mount((e) => e.setAttribute('providers', 'azure_devops, github'));
    expect(
      harness(el)
        .providers()
        .map((p) => p.label),
    ).to.deep.equal(['Azure DevOps', 'GitHub']);
    expect(control(el, '/provider_tokens/azure_devops/token')).to.exist;
  });

  it('marks stored providers, shows their host, and keeps a stored provider the page did not list', async () => {
    const el = await mount((e) => {
      e.providers = ['github'];
      e.settings = { provider_tokens_set: { github: null, gitlab: 'gitlab.example.com' } };
    });
    expect(harness(el).storedProviders()).to.deep.equal(['github', 'gitlab']);
    const gitlabHost = control(el, '/provider_tokens/gitlab/host');
    expect(gitlabHost.value).to.equal('gitlab.example.com');
    expect(el.value.provider_tokens).to.deep.equal({
      github: { token: null, host: null },
      gitlab: { token: null, host: 'gitlab.example.com' },
    });
  });

  it('never puts a token in an attribute', async () => {
    const el = await mount();
    const token = control(el, '/provider_tokens/github/token');
    token.value = 'ghp_secret_value_123';
    token.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const everything = [el, ...el.shadowRoot!.querySelectorAll('*')];
    for (const node of everything) {
      for (const attr of node.attributes) expect(attr.value).not.to.contain('ghp_secret_value_123');
    }
  });

  it('shows and hides a token on request', async () => {
    const el = await mount();
    const github = harness(el).provider('github');
    const token = github.token;
    const toggle = github.revealButton;
    expect(toggle.getAttribute('aria-controls')).to.equal(token.id);
    expect(toggle.disabled, 'nothing to show in an empty field').to.equal(true);
    await github.typeToken('ghp_typedToShow');
    expect(toggle.disabled).to.equal(false);
    expect(toggle.getAttribute('aria-label')).to.equal('Show Token');
    await github.toggleReveal();
    expect(token.type).to.equal('text');
    expect(toggle.getAttribute('aria-label')).to.equal('Hide Token');
    expect(token.value).to.equal('ghp_typedToShow');
  });

  it('adds, edits, reorders and removes MCP servers with data-path at their current position', async () => {
    const el = await mount();
    const ui = harness(el);
    expect(ui.serverList('stdio').emptyNote).to.contain('No stdio servers');
    await ui.addServer('stdio');
    await ui.addServer('stdio');
    // Focus moves to the new server's first field.
    expect(ui.focused()).to.equal(control(el, '/mcp_config/stdio_servers/1/name'));
    control(el, '/mcp_config/stdio_servers/0/name').value = 'first';
    control(el, '/mcp_config/stdio_servers/0/name').dispatchEvent(new InputEvent('input', { bubbles: true }));
    control(el, '/mcp_config/stdio_servers/1/name').value = 'second';
    control(el, '/mcp_config/stdio_servers/1/name').dispatchEvent(new InputEvent('input', { bubbles: true }));

    const second = ui.server('stdio', 1);
    await second.moveUp();
    expect(control(el, '/mcp_config/stdio_servers/0/name').value).to.equal('second');
    expect(control(el, '/mcp_config/stdio_servers/1/name').value).to.equal('first');
    expect(el.value.mcp_config!.stdio_servers.map((s) => s.name)).to.deep.equal(['second', 'first']);

    await second.remove();
    expect(el.value.mcp_config!.stdio_servers.map((s) => s.name)).to.deep.equal(['first']);
    expect(control(el, '/mcp_config/stdio_servers/0/name').value).to.equal('first');
  });

  it('edits arguments and environment variables, keys escaped as RFC 6901 says', async () => {
    const el = await mount((e) => {
      e.value = {
        provider_tokens: {},
        mcp_config: {
          sse_servers: [],
          shttp_servers: [],
          stdio_servers: [{ name: 'fs', command: 'npx', args: ['-y', 'server'], env: { 'a/b~c': '1', PATH_X: '2' } }],
        },
      };
    });
    expect(control(el, '/mcp_config/stdio_servers/0/args/1').value).to.equal('server');
    expect(control(el, '/mcp_config/stdio_servers/0/env/a~1b~0c').value).to.equal('1');
    expect(control(el, '/mcp_config/stdio_servers/0/env/a~1b~0c/[key]').value).to.equal('a/b~c');
    expect(group(el, '/mcp_config/stdio_servers/0/args').getAttribute('role')).to.equal('group');
    expect(group(el, '/mcp_config/stdio_servers/0/env')).to.exist;

    const ui = harness(el);
    await ui.server('stdio', 0).addArg();
    const third = control(el, '/mcp_config/stdio_servers/0/args/2');
    expect(ui.focused()).to.equal(third);

    // Typing a key moves the entry's pointer with it.
    const key = control(el, '/mcp_config/stdio_servers/0/env/PATH_X/[key]');
    key.value = 'NEW_NAME';
    key.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await el.updateComplete;
    expect(key.dataset.path).to.equal('/mcp_config/stdio_servers/0/env/NEW_NAME/[key]');
    expect(control(el, '/mcp_config/stdio_servers/0/env/NEW_NAME').value).to.equal('2');
    expect(el.value.mcp_config!.stdio_servers[0]!.env).to.deep.equal({ 'a/b~c': '1', NEW_NAME: '2' });
  });

  it('asks before deleting a stored token, and leaves it out of the next save only when confirmed', async () => {
    const el = await mount((e) => {
      e.settings = { provider_tokens_set: { github: 'github.example.com' } };
    });
    const ui = harness(el);
    const github = ui.provider('github');
    await github.askToRemove();
    expect(el.value.provider_tokens).to.have.property('github');
    expect(ui.focused()).to.equal(github.cancelRemoveButton);
    await github.cancelRemove();
    expect(el.value.provider_tokens).to.have.property('github');

    await github.askToRemove();
    await github.confirmRemove();
    expect(el.value.provider_tokens).not.to.have.property('github');
    expect(el.dirty).to.equal(true);
    await github.restore();
    expect(el.value.provider_tokens).to.deep.equal({ github: { token: null, host: 'github.example.com' } });
  });

  it('disables every control when disabled', async () => {
    const el = await mount((e) => (e.disabled = true));
    expect(harness(el).controls.hasAttribute('disabled')).to.equal(true);
    expect(control(el, '/provider_tokens/github/token').matches(':disabled')).to.equal(true);
  });

  it('lets the page replace any text', async () => {
    const el = await mount((e) => (e.strings = { save: 'Speichern', gitProvidersHeading: 'Git-Anbieter' }));
    const ui = harness(el);
    expect(ui.saveButton.textContent!.trim()).to.equal('Speichern');
    expect(ui.providersHeading.textContent).to.equal('Git-Anbieter');
  });
});

describe('<openhands-provider-settings> settings arriving late', () => {
  it('keeps a token typed before the page set the stored settings', async () => {
    const el = await mount();
    const token = control(el, '/provider_tokens/github/token');
    token.value = 'ghp_typed_early';
    token.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    el.settings = { provider_tokens_set: { github: null, gitlab: 'gitlab.example.com' } };
    await el.updateComplete;
    expect(control(el, '/provider_tokens/github/token').value).to.equal('ghp_typed_early');
    expect(harness(el).provider('github').stored).to.equal(true);
    expect(el.value.provider_tokens['github']!.token).to.equal('ghp_typed_early');
  });
});
