import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { defaultStrings } from '../../src/index.js';
import { defaultMessages } from '../../src/messages.js';
import { REFUSAL_MESSAGES } from '../../src/contract/refusals.js';
import { ISSUE_MESSAGES } from '../../src/contract/codes.js';
import { MODEL_MESSAGES } from '../../src/model/rules.js';
import { createTenant, scriptResponses, SESSION_KEY } from '../helpers/reference-server.js';
import { harness, mount } from '../helpers/element.js';
import { schemelessSseUrl } from '../helpers/bodies.js';

const background = (el: Element) => getComputedStyle(el).backgroundColor;
const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(13, 17, 23)';

describe('<openhands-provider-settings> theming', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('follows prefers-color-scheme by default, and the theme attribute forces either scheme', async () => {
    const el = await mount((e) => (e.value = schemelessSseUrl()));
    await el.validate();
    await el.updateComplete;
    await emulateMedia({ colorScheme: 'light' });
    expect(background(el)).to.equal(WHITE);
    await emulateMedia({ colorScheme: 'dark' });
    expect(background(el)).to.equal(DARK);
    await expect(el).to.be.accessible();

    el.theme = 'light';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('light');
    expect(background(el)).to.equal(WHITE);
    await expect(el).to.be.accessible();

    await emulateMedia({ colorScheme: 'light' });
    el.theme = 'dark';
    await el.updateComplete;
    expect(background(el)).to.equal(DARK);
    await expect(el).to.be.accessible();

    el.theme = undefined;
    await el.updateComplete;
    expect(el.hasAttribute('theme')).to.equal(false);
    expect(background(el)).to.equal(WHITE);
  });

  it('custom properties override both defaults', async () => {
    const el = await mount((e) => {
      e.style.setProperty('--ohps-background', 'rgb(1, 2, 3)');
      e.style.setProperty('--ohps-accent', 'rgb(4, 5, 6)');
    });
    expect(background(el)).to.equal('rgb(1, 2, 3)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(background(el)).to.equal('rgb(1, 2, 3)');
    expect(background(harness(el).saveButton)).to.equal('rgb(4, 5, 6)');
  });
});

describe('<openhands-provider-settings> strings', () => {
  it('defaults to English; the form’s own messages are the contract’s, the model’s and the newer clients’ refusals, by code', () => {
    expect(defaultStrings.save).to.equal('Save');
    expect(defaultMessages).to.deep.equal({ ...ISSUE_MESSAGES, ...MODEL_MESSAGES, ...REFUSAL_MESSAGES });
    // No text of its own: each error carries its English one (the element's file skips the table).
    expect(defaultStrings.messages).to.deep.equal({});
  });

  it('shows every check’s English text by default, placeholders filled', async () => {
    const el = await mount((e) => {
      e.value = {
        provider_tokens: { github: { token: 'ghp_x', host: 'https://github.example.com/' } },
        mcp_config: { sse_servers: [{ url: '', api_key: null }], shttp_servers: [], stdio_servers: [] },
      };
    });
    await el.validate();
    await el.updateComplete;
    const ui = harness(el);
    expect(ui.errorOf(ui.server('sse', 0).url)).to.equal(defaultMessages.url_empty);
    expect(ui.errorOf(ui.provider('github').host)).to.equal('Enter the domain only, e.g. github.example.com');
  });

  it('clearProvider given as one word (its form before 0.1.0) still names the button, rather than breaking the form', async () => {
    const el = await mount((e) => {
      e.strings = { clearProvider: 'Leeren' };
    });
    const github = harness(el).provider('github');
    await github.typeToken('ghp_oldStrings');
    expect(github.clearButton.textContent!.trim()).to.equal('Leeren');
    await github.clear();
    expect(github.token.value).to.equal('');
  });

  it('replaces client messages by code, placeholders included, and a change applies to errors already shown', async () => {
    const el = await mount((e) => {
      e.value = {
        provider_tokens: { github: { token: 'ghp_x', host: 'https://github.example.com/' } },
        mcp_config: schemelessSseUrl().mcp_config,
      };
    });
    await el.validate();
    await el.updateComplete;
    const ui = harness(el);
    const url = ui.server('sse', 0).url;
    const host = ui.provider('github').host;
    expect(ui.errorOf(url)).to.equal('URL must include a scheme (http:// or https://)');
    expect(ui.errorOf(host)).to.equal('Enter the domain only, e.g. github.example.com');

    el.strings = {
      messages: { url_no_scheme: 'Schema fehlt', host_bare_domain: 'Nur die Domain, z. B. {example}' },
      save: 'Speichern',
    };
    await el.updateComplete;
    expect(ui.errorOf(url)).to.equal('Schema fehlt');
    expect(ui.errorOf(host)).to.equal('Nur die Domain, z. B. github.example.com');
    expect(ui.saveButton.textContent!.trim()).to.equal('Speichern');
    const outcome = await el.submit();
    expect(outcome.kind === 'invalid' && outcome.errors.map((e) => e.message)).to.include('Schema fehlt');
  });

  it('never replaces what the server wrote, even where a code would match', async () => {
    const tenant = await createTenant();
    const el = await mount((e) => {
      e.baseUrl = tenant.baseUrl;
      e.sessionKey = SESSION_KEY;
      e.noValidate = true;
      e.value = schemelessSseUrl();
      e.strings = { messages: { url_no_scheme: 'Schema fehlt' } };
    });
    expect((await el.submit()).kind).to.equal('validation');
    await el.updateComplete;
    const ui = harness(el);
    expect(ui.errorOf(ui.server('sse', 0).url)).to.equal('URL must include a scheme (http:// or https://)');
  });

  it('a server error whose type is a refusal code keeps the server’s text: only the client’s own refusals are worded', async () => {
    const tenant = await createTenant();
    const el = await mount((e) => {
      e.baseUrl = tenant.baseUrl;
      e.sessionKey = SESSION_KEY;
      e.value = {
        provider_tokens: {},
        mcp_config: {
          sse_servers: [],
          shttp_servers: [],
          stdio_servers: [{ name: 'fs', command: 'npx', args: [], env: {} }],
        },
      };
      e.strings = { messages: { name_taken: 'Name vergeben' } };
    });
    const detail = [
      { type: 'name_taken', loc: ['body', 'mcp_config', 'stdio_servers', 0, 'name'], msg: 'Server says no' },
    ];
    await scriptResponses(tenant.id, [{ status: 422, body: { detail }, method: 'POST' }]);
    expect((await el.submit()).kind).to.equal('validation');
    await el.updateComplete;
    const ui = harness(el);
    expect(ui.errorOf(ui.server('stdio', 0).name)).to.equal('Server says no');
  });

  it('failure sentences come from strings.failure, followed by the server’s own words', async () => {
    const tenant = await createTenant();
    const el = await mount((e) => {
      e.baseUrl = tenant.baseUrl;
      e.sessionKey = SESSION_KEY;
      e.strings = { failure: { server: (status) => `Serverfehler ${status}.`, network: 'Keine Verbindung.' } };
    });
    await scriptResponses(tenant.id, [
      { status: 500, body: { error: 'Something went wrong storing git providers' } },
      { drop: true },
    ]);
    const formError = harness(el).formError;
    expect((await el.submit()).kind).to.equal('server');
    await el.updateComplete;
    expect(formError.element.textContent).to.equal('Serverfehler 500. “Something went wrong storing git providers”');
    expect((await el.submit()).kind).to.equal('network');
    await el.updateComplete;
    expect(formError.element.textContent).to.equal('Keine Verbindung.');
    // Without an override, the English sentence.
    el.strings = {};
    await el.updateComplete;
    expect(formError.element.textContent).to.contain('The server could not be reached');
  });
});
