import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { axNodes } from '../helpers/a11y.js';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { requestsOf, tenantState } from '../helpers/reference-server.js';
import { harness, mount } from '../helpers/element.js';
import { setup } from '../helpers/scenario.js';

/** `n` SSE servers (`https://mcp-<i>.example.com/sse`) and `stdio` stdio servers (`tool-<i>`, run with `uvx`). */
function servers(n: number, stdio = 0) {
  return {
    provider_tokens: {},
    mcp_config: {
      sse_servers: Array.from({ length: n }, (_, i) => ({
        url: `https://mcp-${i}.example.com/sse`,
        api_key: `sk-${i}`,
      })),
      shttp_servers: [],
      stdio_servers: Array.from({ length: stdio }, (_, i) => ({
        name: `tool-${i}`,
        command: 'uvx',
        args: ['a', 'b'],
        env: { K: 'v' },
      })),
    },
  };
}

/** The same servers as what is stored: the form's baseline, so that it starts clean. */
const storedServers =
  (n: number, stdio = 0) =>
  (e: OpenHandsProviderSettings) => {
    e.settings = { provider_tokens_set: {}, mcp_config: servers(n, stdio).mcp_config };
  };

/** The pointers of the server cards shown, in order. */
const shownCards = (el: OpenHandsProviderSettings) =>
  harness(el)
    .servers()
    .map((s) => s.pointer);

describe('<openhands-provider-settings> long server lists', () => {
  it('ten servers are shown whole, with no filter and no open / close buttons', async () => {
    const el = await mount((e) => (e.value = servers(10)));
    const ui = harness(el);
    expect(ui.filter.shown).to.equal(false);
    expect(ui.servers().length).to.equal(10);
    expect(ui.servers().filter((s) => s.collapsible).length).to.equal(0);
    expect(ui.server('sse', 9).url.value).to.equal('https://mcp-9.example.com/sse');
  });

  it('more than ten: every card is a line with its name and URL, a button that opens it, and its data-path', async () => {
    const el = await mount(storedServers(30, 5));
    const ui = harness(el);
    expect(ui.filter.shown).to.equal(true);
    const cards = ui.servers();
    expect(cards.length).to.equal(35);
    expect(cards[3]!.pointer).to.equal('/mcp_config/sse_servers/3');
    expect(cards[3]!.text).to.contain('https://mcp-3.example.com/sse');
    expect(cards[31]!.text).to.contain('tool-1 · uvx');
    // Nothing secret in the line: no API key, no argument, no variable.
    expect(cards[3]!.text).not.to.contain('sk-3');
    expect(cards[31]!.text).not.to.contain('K');
    const server = ui.server('sse', 3);
    expect(server.inputs.length).to.equal(0);
    const toggle = server.toggleButton;
    expect(toggle.textContent!.trim()).to.equal('SSE server 4');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');

    toggle.focus();
    await ui.pressKey('Enter');
    expect(server.toggleButton.getAttribute('aria-expanded')).to.equal('true');
    expect(ui.focused()).to.equal(server.toggleButton);
    expect(server.url.value).to.equal('https://mcp-3.example.com/sse');
    expect(server.inputs.length).to.equal(2);
    // Opening is no edit.
    expect(el.dirty).to.equal(false);

    await ui.pressKey('Enter');
    expect(server.inputs.length).to.equal(0);
    expect(ui.focused()).to.equal(server.toggleButton);
  });

  it('what was typed into an opened card stays when it is closed, and is saved', async () => {
    const el = await mount(storedServers(12));
    const ui = harness(el);
    const server = ui.server('sse', 11);
    await server.expand();
    server.url.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '2' });
    await server.toggle();
    expect(server.open).to.equal(false);
    expect(server.text).to.contain('https://mcp-11.example.com/sse2');
    expect(el.value.mcp_config!.sse_servers[11]!.url).to.equal('https://mcp-11.example.com/sse2');
    expect(el.dirty).to.equal(true);
  });

  it('the filter shows the matching servers and says how many; open cards stay; clearing it shows all', async () => {
    const el = await mount(storedServers(30, 3));
    const ui = harness(el);
    await ui.server('sse', 0).expand();
    await ui.filter.search('MCP-2');
    // mcp-2, mcp-20 … mcp-29 match; server 0 is open, so it stays.
    expect(shownCards(el)).to.deep.equal([
      '/mcp_config/sse_servers/0',
      '/mcp_config/sse_servers/2',
      ...Array.from({ length: 10 }, (_, i) => `/mcp_config/sse_servers/${20 + i}`),
    ]);
    expect(ui.filter.count).to.equal('12 of 33 servers shown');
    await ui.filter.search('uvx');
    expect(shownCards(el)).to.deep.equal([
      '/mcp_config/sse_servers/0',
      '/mcp_config/stdio_servers/0',
      '/mcp_config/stdio_servers/1',
      '/mcp_config/stdio_servers/2',
    ]);
    await ui.filter.search('');
    expect(ui.servers().length).to.equal(33);
    expect(ui.filter.count).to.equal('');
    // Filtering is no edit, and sends nothing different.
    expect(el.dirty).to.equal(false);
  });

  it('an error the server returns for a field of a closed card opens it: the error is on its field (real 422)', async () => {
    const body = servers(25);
    body.mcp_config.sse_servers[20]!.url = 'mcp-20.example.com/sse';
    const { tenant, el, ui } = await setup({}, (e) => {
      e.value = body;
      e.noValidate = true;
    });
    expect(ui.server('sse', 20).inputs.length).to.equal(0);
    const outcome = await el.submit();
    await el.updateComplete;
    expect(outcome.kind).to.equal('validation');
    const [request] = await requestsOf(tenant.id, 'POST');
    expect((request!.body as typeof body).mcp_config.sse_servers[20]!.url).to.equal('mcp-20.example.com/sse');

    const server = ui.server('sse', 20);
    const url = server.url;
    expect(url.getAttribute('aria-invalid')).to.equal('true');
    expect(ui.errorOf(url)).to.contain('scheme');
    // A card with an error cannot be closed over it; the others stay closed.
    expect(server.collapsible).to.equal(false);
    expect(ui.server('sse', 19).inputs.length).to.equal(0);
    // The summary's entry moves focus to the field.
    await ui.summary.goTo(0);
    expect(ui.focused()).to.equal(url);
  });

  it('a card an error opened stays open, with focus in its field, while the person fixes it (real 422, filtered)', async () => {
    const body = servers(25);
    body.mcp_config.sse_servers[20]!.url = 'mcp-20.example.com/sse';
    const { tenant, el, ui } = await setup({}, (e) => {
      e.value = body;
      e.noValidate = true;
    });
    // The filter matches none of the servers: the card is shown only for its error.
    await ui.filter.search('mcp-3');
    expect((await el.submit()).kind).to.equal('validation');
    await el.updateComplete;
    const server = ui.server('sse', 20);
    const url = server.url;
    url.focus();
    await sendKeys({ press: 'Home' });
    await sendKeys({ type: 'https://' });
    await el.updateComplete;
    // Focus stayed in the field while its error went; then it is left, as a person moves on.
    expect(ui.focused()).to.equal(url);
    url.blur();
    await el.updateComplete;
    // The error is gone; the field is the same one, still focused, in a card still shown and open.
    expect(url.isConnected).to.equal(true);
    expect(url.getAttribute('aria-invalid')).to.equal(null);
    expect(shownCards(el)).to.include('/mcp_config/sse_servers/20');
    expect(server.toggleButton.getAttribute('aria-expanded')).to.equal('true');

    expect((await el.submit()).kind).to.equal('saved');
    const stored = (await tenantState(tenant.id)).mcp_config as typeof body.mcp_config;
    expect(stored.sse_servers[20]!.url).to.equal('https://mcp-20.example.com/sse');
  });

  it('a card whose error came while the list was short stays open when the list grows long and the error is fixed', async () => {
    const body = servers(10);
    body.mcp_config.sse_servers[3]!.url = 'mcp-3.example.com/sse';
    const el = await mount((e) => (e.value = body));
    const ui = harness(el);
    expect(await el.validate()).to.equal(false);
    await el.updateComplete;
    await ui.addServer('sse');
    expect(ui.filter.shown, 'the list is long now').to.equal(true);
    const url = ui.server('sse', 3).url;
    url.focus();
    await sendKeys({ press: 'Home' });
    await sendKeys({ type: 'https://' });
    await el.updateComplete;
    expect(url.getAttribute('aria-invalid')).to.equal(null);
    expect(url.isConnected, 'the card closed under the field').to.equal(true);
    expect(ui.focused()).to.equal(url);
  });

  it('closing an open card the filter does not match puts focus on the filter, not nowhere', async () => {
    const el = await mount(storedServers(12));
    const ui = harness(el);
    const server = ui.server('sse', 0);
    await server.expand();
    await ui.filter.search('mcp-11');
    server.toggleButton.focus();
    await ui.pressKey('Enter');
    expect(shownCards(el)).to.deep.equal(['/mcp_config/sse_servers/11']);
    expect(ui.focused()).to.equal(ui.filter.box);
  });

  it('Enter in the filter box filters and saves nothing', async () => {
    const { tenant, ui } = await setup({}, (e) => (e.value = servers(12)));
    ui.filter.box.focus();
    await ui.typeKeys('mcp-1');
    await ui.pressKey('Enter');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await requestsOf(tenant.id)).to.have.length(0);
    expect(ui.status.text).to.equal('');
    expect(ui.filter.count).to.equal('3 of 12 servers shown');
    expect(ui.focused()).to.equal(ui.filter.box);
  });

  it('removing a closed card moves focus to the next card’s name, not to the end of the list', async () => {
    const el = await mount((e) => (e.value = servers(12)));
    const ui = harness(el);
    const next = ui.server('sse', 5);
    ui.server('sse', 4).removeButton.focus();
    await ui.pressKey('Enter');
    expect(ui.focused()).to.equal(next.toggleButton);
    expect(next.toggleButton.textContent!.trim()).to.equal('SSE server 5');
  });

  it('an error on a card the filter hides shows that card anyway', async () => {
    const body = servers(25);
    body.mcp_config.sse_servers[20]!.url = '';
    const el = await mount((e) => (e.value = body));
    const ui = harness(el);
    await ui.filter.search('mcp-3');
    expect(await el.validate()).to.equal(false);
    await el.updateComplete;
    expect(shownCards(el)).to.include('/mcp_config/sse_servers/20');
    expect(ui.server('sse', 20).url.getAttribute('aria-invalid')).to.equal('true');
  });

  it('a server added to a long list opens with focus in its first field, whatever the filter', async () => {
    const el = await mount((e) => (e.value = servers(12)));
    const ui = harness(el);
    await ui.filter.search('nothing matches this');
    const added = await ui.addServer('sse');
    expect(added.index).to.equal(12);
    expect(ui.focused()).to.equal(added.url);
    expect(added.toggleButton.getAttribute('aria-expanded')).to.equal('true');
  });

  it('moving and removing say what happened in a live region', async () => {
    const el = await mount((e) => (e.value = servers(12)));
    const ui = harness(el);
    const announcer = ui.announcer;
    expect(announcer.getAttribute('role')).to.equal('status');
    const server = ui.server('sse', 5);
    await server.moveUp();
    await waitUntil(() => announcer.textContent === 'Moved: now SSE server 5.', 'the move was not announced');
    expect(server.index).to.equal(4);
    await server.remove();
    await waitUntil(() => announcer.textContent === 'SSE server 5 removed.', 'the removal was not announced');
    expect(el.value.mcp_config!.sse_servers).to.have.length(11);
  });

  it('in a short view, every card of 40 is in the accessibility tree with its name, and every field of every opened card', async () => {
    await setViewport({ width: 1280, height: 500 });
    try {
      const el = await mount((e) => (e.value = servers(27, 13)));
      const ui = harness(el);
      const snapshot = await axNodes();
      const toggles = snapshot.filter((n) => n.role === 'button' && /^(SSE|Stdio) server \d+$/.test(n.name ?? ''));
      expect(toggles).to.have.length(40);
      expect(toggles.every((n) => n.expanded === false)).to.equal(true);

      for (const server of ui.servers()) server.toggleButton.click();
      await el.updateComplete;
      const inputs = ui.servers().flatMap((s) => s.inputs);
      // 27 × (URL, API key) + 13 × (name, command, 2 arguments, a variable's name and value).
      expect(inputs).to.have.length(27 * 2 + 13 * 6);
      const opened = await axNodes();
      const fields = opened.filter((n) => n.role === 'textbox' && n.name);
      // Every field of the form, each with its name: the 3 providers' token and host, and every server field.
      expect(fields).to.have.length(3 * 2 + inputs.length);
      expect(fields.filter((n) => n.name === 'Name of variable 1')).to.have.length(13);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
