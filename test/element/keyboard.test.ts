import { expect, waitUntil } from '@open-wc/testing';
import { findAccessibilityNode, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { axTree, type AxNode } from '../helpers/a11y.js';
import { $, control, countRenders, errorOf, mount, openServer } from '../helpers/element.js';
import { schemelessSseUrl } from '../helpers/bodies.js';

function manyServers(n: number) {
  return {
    provider_tokens: {},
    mcp_config: {
      sse_servers: [],
      shttp_servers: [],
      stdio_servers: Array.from({ length: n }, (_, i) => ({
        name: `server-${i}`,
        command: 'npx',
        args: ['-y', `pkg-${i}`],
        env: { TOKEN: String(i) },
      })),
    },
  };
}

describe('<openhands-provider-settings> by keyboard', () => {
  it('typing into a field of the last of 200 servers does not render the form per keystroke', async () => {
    const el = await mount((e) => (e.value = manyServers(200)));
    await openServer(el, '/mcp_config/stdio_servers/199');
    const command = control(el, '/mcp_config/stdio_servers/199/command');
    command.focus();
    const renders = countRenders(el);
    await sendKeys({ type: '-cli' });
    await el.updateComplete;
    expect(command.value).to.equal('npx-cli');
    expect(el.value.mcp_config!.stdio_servers[199]!.command).to.equal('npx-cli');
    // The first keystroke makes the form dirty; the ones after it render nothing.
    expect(renders.count).to.be.at.most(1);
  });

  it('saves with Enter from a field, and an invalid field is announced with its message', async () => {
    const el = await mount((e) => {
      e.value = schemelessSseUrl();
    });
    const url = control(el, '/mcp_config/sse_servers/0/url');
    url.focus();
    let failed = 0;
    el.addEventListener('provider-settings-failed', () => failed++);
    await sendKeys({ press: 'Enter' });
    // The first save loads the checks (nothing was edited before).
    await waitUntil(() => failed > 0, 'the save never failed');
    await el.updateComplete;
    expect(failed).to.equal(1);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="error-summary"]'));

    const snapshot = await axTree();
    const node = findAccessibilityNode<AxNode>(snapshot as never, (n) => n.name === 'URL' && n.role === 'textbox');
    expect(node, 'the URL textbox in the accessibility tree').to.exist;
    expect(node!.invalid).to.equal('true');
    expect(node!.description).to.equal('URL must include a scheme (http:// or https://)');
  });

  it('reaches every button of a server card with Tab, and moves a server down with the keyboard', async () => {
    const el = await mount((e) => (e.value = manyServers(2)));
    const first = control(el, '/mcp_config/stdio_servers/0/name');
    first.focus();
    const down = $(
      el,
      `button[data-action="move-server"][data-delta="1"][data-row="${
        (el.shadowRoot!.querySelector('[data-path="/mcp_config/stdio_servers/0"]') as HTMLElement).dataset.row
      }"]`,
    );
    down.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value.mcp_config!.stdio_servers.map((s) => s.name)).to.deep.equal(['server-1', 'server-0']);
    // Focus stays with the moved server's controls.
    expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('move-server');
  });
});

describe('<openhands-provider-settings> focus after removing rows', () => {
  it('moves focus to the row that took the removed one’s place, else to the add button', async () => {
    const el = await mount((e) => (e.value = manyServers(1)));
    const server = (el.shadowRoot!.querySelector('[data-path="/mcp_config/stdio_servers/0"]') as HTMLElement).dataset
      .row!;
    const args = () => [
      ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[data-path^="/mcp_config/stdio_servers/0/args/"]'),
    ];
    const firstArg = args()[0]!.dataset.row!;
    $(el, `button[data-action="remove-arg"][data-row="${firstArg}"]`).click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(control(el, '/mcp_config/stdio_servers/0/args/0'));
    const lastArg = args()[0]!.dataset.row!;
    $(el, `button[data-action="remove-arg"][data-row="${lastArg}"]`).click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, `button[data-action="add-arg"][data-row="${server}"]`));
  });
});

describe('<openhands-provider-settings> with a pointer', () => {
  it('a click on Save right after typing an invalid value still saves (the check does not move the button away)', async () => {
    await setViewport({ width: 900, height: 2000 });
    const el = await mount((e) => {
      e.providers = ['github'];
      e.value = {
        provider_tokens: {},
        mcp_config: { sse_servers: [{ url: '', api_key: null }], shttp_servers: [], stdio_servers: [] },
      };
    });
    const url = control(el, '/mcp_config/sse_servers/0/url');
    url.focus();
    await sendKeys({ type: 'mcp.example.com' });
    let submits = 0;
    el.addEventListener('provider-settings-failed', () => submits++);
    const save = $(el, 'button[type="submit"]').getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(save.x + save.width / 2), Math.round(save.y + save.height / 2)],
    });
    await waitUntil(() => submits > 0, 'the save never failed');
    await el.updateComplete;
    expect(submits).to.equal(1);
    expect(errorOf(el, url)).to.equal('URL must include a scheme (http:// or https://)');
    await resetMouse();
  });
});
