import { expect, waitUntil } from '@open-wc/testing';
import { findAccessibilityNode, resetMouse, sendKeys, setViewport } from '@web/test-runner-commands';
import { axTree, resetViewport, type AxNode } from '../helpers/a11y.js';
import { countRenders, harness, mount } from '../helpers/element.js';
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
    const last = harness(el).server('stdio', 199);
    await last.expand();
    const command = last.command;
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
    const ui = harness(el);
    const url = ui.server('sse', 0).url;
    url.focus();
    let failed = 0;
    el.addEventListener('provider-settings-failed', () => failed++);
    await sendKeys({ press: 'Enter' });
    // The first save loads the checks (nothing was edited before).
    await waitUntil(() => failed > 0, 'the save never failed');
    await el.updateComplete;
    expect(failed).to.equal(1);
    expect(ui.focused()).to.equal(ui.summary.element);

    const snapshot = await axTree();
    const node = findAccessibilityNode<AxNode>(snapshot as never, (n) => n.name === 'URL' && n.role === 'textbox');
    expect(node, 'the URL textbox in the accessibility tree').to.exist;
    expect(node!.invalid).to.equal('true');
    expect(node!.description).to.equal('URL must include a scheme (http:// or https://)');
  });

  it('reaches every button of a server card with Tab, and moves a server down with the keyboard', async () => {
    const el = await mount((e) => (e.value = manyServers(2)));
    const ui = harness(el);
    const first = ui.server('stdio', 0);
    first.name.focus();
    first.moveDownButton.focus();
    await ui.pressKey('Enter');
    expect(el.value.mcp_config!.stdio_servers.map((s) => s.name)).to.deep.equal(['server-1', 'server-0']);
    // Focus stays with the moved server's controls: at the end of the list, on its other move button.
    expect(first.index).to.equal(1);
    expect(ui.focused()).to.equal(first.moveUpButton);
  });
});

describe('<openhands-provider-settings> focus after removing rows', () => {
  it('moves focus to the row that took the removed one’s place, else to the add button', async () => {
    const el = await mount((e) => (e.value = manyServers(1)));
    const ui = harness(el);
    const server = ui.server('stdio', 0);
    expect(server.args.map((a) => a.value)).to.deep.equal(['-y', 'pkg-0']);
    const second = server.arg(1);
    await server.removeArg(0);
    expect(ui.focused()).to.equal(second);
    expect(server.arg(0)).to.equal(second);
    await server.removeArg(0);
    expect(ui.focused()).to.equal(server.addArgButton);
  });
});

describe('<openhands-provider-settings> with a pointer', () => {
  afterEach(async () => {
    await resetMouse();
    await resetViewport();
  });

  it('a click on Save right after typing an invalid value still saves (the check does not move the button away)', async () => {
    await setViewport({ width: 900, height: 2000 });
    const el = await mount((e) => {
      e.providers = ['github'];
      e.value = {
        provider_tokens: {},
        mcp_config: { sse_servers: [{ url: '', api_key: null }], shttp_servers: [], stdio_servers: [] },
      };
    });
    const ui = harness(el);
    const url = ui.server('sse', 0).url;
    url.focus();
    await sendKeys({ type: 'mcp.example.com' });
    let submits = 0;
    el.addEventListener('provider-settings-failed', () => submits++);
    await ui.clickWithMouse(ui.saveButton);
    await waitUntil(() => submits > 0, 'the save never failed');
    await el.updateComplete;
    expect(submits).to.equal(1);
    expect(ui.errorOf(url)).to.equal('URL must include a scheme (http:// or https://)');
  });
});
