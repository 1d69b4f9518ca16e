import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { axNodes } from '../helpers/a11y.js';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { requestsOf, tenantState } from '../helpers/reference-server.js';
import { $, $$, control, errorOf, group, mount, openServer, statusText } from '../helpers/element.js';
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

/** A long list, as a person meets it: its filter, its cards and their open / closed state. */
const list = {
  filter: (el: OpenHandsProviderSettings) => el.shadowRoot!.querySelector<HTMLInputElement>('#server-filter'),
  count: (el: OpenHandsProviderSettings) => $(el, '.filter [role="status"]').textContent!.trim(),
  cards: (el: OpenHandsProviderSettings) => $$(el, 'fieldset[part="server"]'),
  toggle: (el: OpenHandsProviderSettings, pointer: string) =>
    el.shadowRoot!.querySelector<HTMLButtonElement>(`fieldset[data-path="${CSS.escape(pointer)}"] > legend > button`),
  inputsOf: (el: OpenHandsProviderSettings, pointer: string) => group(el, pointer).querySelectorAll('input').length,
  async search(el: OpenHandsProviderSettings, text: string) {
    const box = list.filter(el)!;
    box.focus();
    box.value = text;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  },
};

describe('<openhands-provider-settings> long server lists', () => {
  it('ten servers are shown whole, with no filter and no open / close buttons', async () => {
    const el = await mount((e) => (e.value = servers(10)));
    expect(list.filter(el)).to.equal(null);
    expect(list.cards(el)).to.have.length(10);
    expect($$(el, 'button[data-action="toggle-server"]')).to.have.length(0);
    expect(control(el, '/mcp_config/sse_servers/9/url').value).to.equal('https://mcp-9.example.com/sse');
  });

  it('more than ten: every card is a line with its name and URL, a button that opens it, and its data-path', async () => {
    const el = await mount(storedServers(30, 5));
    expect(list.filter(el)).to.exist;
    const cards = list.cards(el);
    expect(cards).to.have.length(35);
    expect(cards[3]!.dataset.path).to.equal('/mcp_config/sse_servers/3');
    expect(cards[3]!.textContent).to.contain('https://mcp-3.example.com/sse');
    expect(cards[31]!.textContent).to.contain('tool-1 · uvx');
    // Nothing secret in the line: no API key, no argument, no variable.
    expect(cards[3]!.textContent).not.to.contain('sk-3');
    expect(cards[31]!.textContent).not.to.contain('K');
    expect(list.inputsOf(el, '/mcp_config/sse_servers/3')).to.equal(0);
    const toggle = list.toggle(el, '/mcp_config/sse_servers/3')!;
    expect(toggle.textContent!.trim()).to.equal('SSE server 4');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');

    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(list.toggle(el, '/mcp_config/sse_servers/3')!.getAttribute('aria-expanded')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(list.toggle(el, '/mcp_config/sse_servers/3'));
    expect(control(el, '/mcp_config/sse_servers/3/url').value).to.equal('https://mcp-3.example.com/sse');
    expect(list.inputsOf(el, '/mcp_config/sse_servers/3')).to.equal(2);
    // Opening is no edit.
    expect(el.dirty).to.equal(false);

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(list.inputsOf(el, '/mcp_config/sse_servers/3')).to.equal(0);
    expect(el.shadowRoot!.activeElement).to.equal(list.toggle(el, '/mcp_config/sse_servers/3'));
  });

  it('what was typed into an opened card stays when it is closed, and is saved', async () => {
    const el = await mount(storedServers(12));
    await openServer(el, '/mcp_config/sse_servers/11');
    const url = control(el, '/mcp_config/sse_servers/11/url');
    url.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '2' });
    list.toggle(el, '/mcp_config/sse_servers/11')!.click();
    await el.updateComplete;
    expect(group(el, '/mcp_config/sse_servers/11').textContent).to.contain('https://mcp-11.example.com/sse2');
    expect(el.value.mcp_config!.sse_servers[11]!.url).to.equal('https://mcp-11.example.com/sse2');
    expect(el.dirty).to.equal(true);
  });

  it('the filter shows the matching servers and says how many; open cards stay; clearing it shows all', async () => {
    const el = await mount(storedServers(30, 3));
    await openServer(el, '/mcp_config/sse_servers/0');
    await list.search(el, 'MCP-2');
    // mcp-2, mcp-20 … mcp-29 match; server 0 is open, so it stays.
    const paths = list.cards(el).map((c) => c.dataset.path);
    expect(paths).to.deep.equal([
      '/mcp_config/sse_servers/0',
      '/mcp_config/sse_servers/2',
      ...Array.from({ length: 10 }, (_, i) => `/mcp_config/sse_servers/${20 + i}`),
    ]);
    expect(list.count(el)).to.equal('12 of 33 servers shown');
    await list.search(el, 'uvx');
    expect(list.cards(el).map((c) => c.dataset.path)).to.deep.equal([
      '/mcp_config/sse_servers/0',
      '/mcp_config/stdio_servers/0',
      '/mcp_config/stdio_servers/1',
      '/mcp_config/stdio_servers/2',
    ]);
    await list.search(el, '');
    expect(list.cards(el)).to.have.length(33);
    expect(list.count(el)).to.equal('');
    // Filtering is no edit, and sends nothing different.
    expect(el.dirty).to.equal(false);
  });

  it('an error the server returns for a field of a closed card opens it: the error is on its field (real 422)', async () => {
    const body = servers(25);
    body.mcp_config.sse_servers[20]!.url = 'mcp-20.example.com/sse';
    const { tenant, el } = await setup({}, (e) => {
      e.value = body;
      e.noValidate = true;
    });
    expect(list.inputsOf(el, '/mcp_config/sse_servers/20')).to.equal(0);
    const outcome = await el.submit();
    await el.updateComplete;
    expect(outcome.kind).to.equal('validation');
    const [request] = await requestsOf(tenant.id, 'POST');
    expect((request!.body as typeof body).mcp_config.sse_servers[20]!.url).to.equal('mcp-20.example.com/sse');

    const url = control(el, '/mcp_config/sse_servers/20/url');
    expect(url.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, url)).to.contain('scheme');
    // A card with an error cannot be closed over it; the others stay closed.
    expect(list.toggle(el, '/mcp_config/sse_servers/20')).to.equal(null);
    expect(list.inputsOf(el, '/mcp_config/sse_servers/19')).to.equal(0);
    // The summary's entry moves focus to the field.
    $(el, '[part="error-summary"] button[data-action="focus-error"]').click();
    expect(el.shadowRoot!.activeElement).to.equal(url);
  });

  it('a card an error opened stays open, with focus in its field, while the person fixes it (real 422, filtered)', async () => {
    const body = servers(25);
    body.mcp_config.sse_servers[20]!.url = 'mcp-20.example.com/sse';
    const { tenant, el } = await setup({}, (e) => {
      e.value = body;
      e.noValidate = true;
    });
    // The filter matches none of the servers: the card is shown only for its error.
    await list.search(el, 'mcp-3');
    expect((await el.submit()).kind).to.equal('validation');
    await el.updateComplete;
    const url = control(el, '/mcp_config/sse_servers/20/url');
    url.focus();
    await sendKeys({ press: 'Home' });
    await sendKeys({ type: 'https://' });
    await el.updateComplete;
    // Focus stayed in the field while its error went; then it is left, as a person moves on.
    expect(el.shadowRoot!.activeElement).to.equal(url);
    url.blur();
    await el.updateComplete;
    // The error is gone; the field is the same one, still focused, in a card still shown and open.
    expect(url.isConnected).to.equal(true);
    expect(url.getAttribute('aria-invalid')).to.equal(null);
    expect(list.cards(el).map((c) => c.dataset.path)).to.include('/mcp_config/sse_servers/20');
    expect(list.toggle(el, '/mcp_config/sse_servers/20')!.getAttribute('aria-expanded')).to.equal('true');

    expect((await el.submit()).kind).to.equal('saved');
    const stored = (await tenantState(tenant.id)).mcp_config as typeof body.mcp_config;
    expect(stored.sse_servers[20]!.url).to.equal('https://mcp-20.example.com/sse');
  });

  it('a card whose error came while the list was short stays open when the list grows long and the error is fixed', async () => {
    const body = servers(10);
    body.mcp_config.sse_servers[3]!.url = 'mcp-3.example.com/sse';
    const el = await mount((e) => (e.value = body));
    expect(await el.validate()).to.equal(false);
    await el.updateComplete;
    $(el, 'button[data-action="add-server"][data-kind="sse"]').click();
    await el.updateComplete;
    expect(list.filter(el), 'the list is long now').to.exist;
    const url = control(el, '/mcp_config/sse_servers/3/url');
    url.focus();
    await sendKeys({ press: 'Home' });
    await sendKeys({ type: 'https://' });
    await el.updateComplete;
    expect(url.getAttribute('aria-invalid')).to.equal(null);
    expect(url.isConnected, 'the card closed under the field').to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(url);
  });

  it('closing an open card the filter does not match puts focus on the filter, not nowhere', async () => {
    const el = await mount(storedServers(12));
    await openServer(el, '/mcp_config/sse_servers/0');
    await list.search(el, 'mcp-11');
    const toggle = list.toggle(el, '/mcp_config/sse_servers/0')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(list.cards(el).map((c) => c.dataset.path)).to.deep.equal(['/mcp_config/sse_servers/11']);
    expect(el.shadowRoot!.activeElement).to.equal(list.filter(el));
  });

  it('Enter in the filter box filters and saves nothing', async () => {
    const { tenant, el } = await setup({}, (e) => (e.value = servers(12)));
    list.filter(el)!.focus();
    await sendKeys({ type: 'mcp-1' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await requestsOf(tenant.id)).to.have.length(0);
    expect(statusText(el)).to.equal('');
    expect(list.count(el)).to.equal('3 of 12 servers shown');
    expect(el.shadowRoot!.activeElement).to.equal(list.filter(el));
  });

  it('removing a closed card moves focus to the next card’s name, not to the end of the list', async () => {
    const el = await mount((e) => (e.value = servers(12)));
    const next = group(el, '/mcp_config/sse_servers/5').dataset.row!;
    const row = group(el, '/mcp_config/sse_servers/4').dataset.row!;
    $(el, `button[data-action="remove-server"][data-row="${row}"]`).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.dataset.action).to.equal('toggle-server');
    expect(focused.dataset.row).to.equal(next);
    expect(focused.textContent!.trim()).to.equal('SSE server 5');
  });

  it('an error on a card the filter hides shows that card anyway', async () => {
    const body = servers(25);
    body.mcp_config.sse_servers[20]!.url = '';
    const el = await mount((e) => (e.value = body));
    await list.search(el, 'mcp-3');
    expect(await el.validate()).to.equal(false);
    await el.updateComplete;
    expect(list.cards(el).map((c) => c.dataset.path)).to.include('/mcp_config/sse_servers/20');
    expect(control(el, '/mcp_config/sse_servers/20/url').getAttribute('aria-invalid')).to.equal('true');
  });

  it('a server added to a long list opens with focus in its first field, whatever the filter', async () => {
    const el = await mount((e) => (e.value = servers(12)));
    await list.search(el, 'nothing matches this');
    $(el, 'button[data-action="add-server"][data-kind="sse"]').click();
    await el.updateComplete;
    const url = control(el, '/mcp_config/sse_servers/12/url');
    expect(el.shadowRoot!.activeElement).to.equal(url);
    expect(list.toggle(el, '/mcp_config/sse_servers/12')!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('moving and removing say what happened in a live region', async () => {
    const el = await mount((e) => (e.value = servers(12)));
    const announcer = $(el, '#announcer');
    expect(announcer.getAttribute('role')).to.equal('status');
    const row = group(el, '/mcp_config/sse_servers/5').dataset.row!;
    $(el, `button[data-action="move-server"][data-delta="-1"][data-row="${row}"]`).click();
    await el.updateComplete;
    await waitUntil(() => announcer.textContent === 'Moved: now SSE server 5.', 'the move was not announced');
    expect(group(el, '/mcp_config/sse_servers/4').dataset.row).to.equal(row);
    $(el, `button[data-action="remove-server"][data-row="${row}"]`).click();
    await el.updateComplete;
    await waitUntil(() => announcer.textContent === 'SSE server 5 removed.', 'the removal was not announced');
    expect(el.value.mcp_config!.sse_servers).to.have.length(11);
  });

  it('in a short view, every card of 40 is in the accessibility tree with its name, and every field of every opened card', async () => {
    await setViewport({ width: 1280, height: 500 });
    try {
      const el = await mount((e) => (e.value = servers(27, 13)));
      const snapshot = await axNodes();
      const toggles = snapshot.filter((n) => n.role === 'button' && /^(SSE|Stdio) server \d+$/.test(n.name ?? ''));
      expect(toggles).to.have.length(40);
      expect(toggles.every((n) => n.expanded === false)).to.equal(true);

      for (const toggle of $$(el, 'button[data-action="toggle-server"]')) toggle.click();
      await el.updateComplete;
      const inputs = $$(el, 'fieldset[part="server"] input');
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
