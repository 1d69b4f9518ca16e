import { expect, waitUntil } from '@open-wc/testing';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { harness, mount } from '../helpers/element.js';

const STORED = {
  provider_tokens_set: { github: null },
  mcp_config: {
    sse_servers: [{ url: 'https://mcp.example.com/sse', api_key: 'sse-secret-key' }],
    shttp_servers: [],
    stdio_servers: [
      {
        name: 'fetch',
        command: 'uvx',
        args: ['mcp-server-fetch'],
        env: { GITHUB_TOKEN: 'ghp_envSecret', LOG_LEVEL: 'info' },
      },
    ],
  },
};

const CLAUDE = JSON.stringify({
  mcpServers: {
    filesystem: {
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'],
      env: { DEBUG: '1' },
    },
    fetch: { command: 'uvx', args: ['mcp-server-fetch'] },
    remote: { type: 'http', url: 'https://remote.example.com/mcp', headers: { Authorization: 'Bearer remote-key' } },
    broken: { type: 'stdio' },
  },
});

/** An element with stored MCP servers, its harness, and its import / export panel. */
async function stored() {
  return harnessed(await mount((e) => (e.settings = structuredClone(STORED))));
}

function harnessed(el: OpenHandsProviderSettings) {
  const ui = harness(el);
  return { el, ui, tools: ui.importExport };
}

/** Opens the panel with its button and waits until it has focus. */
async function open(el: OpenHandsProviderSettings): Promise<HTMLElement> {
  const ui = harness(el);
  // The panel comes with the on-demand module: the first opening in a page fetches it.
  const panel = await ui.importExport.open();
  await waitUntil(() => ui.focused() === panel, 'the panel did not take focus', { timeout: 5000 });
  return panel;
}

/** What the preview lists: each entry's label, whether it is checked, its clash. */
const entries = (el: OpenHandsProviderSettings) =>
  harness(el)
    .importExport.entries()
    .map(({ label, checked, clash }) => ({ label, checked, clash }));

describe('MCP import and export', () => {
  it('previews a Claude Desktop config: conversions, skipped entries with reasons, clashes unchecked; adds the selected servers', async () => {
    const { el, ui, tools } = await stored();
    await open(el);
    // What the preview finds is announced: its status region is there, empty, before it speaks.
    const found = tools.found;
    expect([found.getAttribute('role'), found.textContent]).to.deep.equal(['status', '']);
    await tools.preview(CLAUDE);
    expect(tools.found).to.equal(found);
    expect(found.textContent).to.equal('3 servers found (Claude Desktop / Cursor)');
    expect(entries(el)).to.deep.equal([
      { label: 'stdio server “filesystem”', checked: true, clash: null },
      { label: 'stdio server “fetch”', checked: false, clash: 'A stdio server named “fetch” is already in the form.' },
      { label: 'streamable HTTP server “https://remote.example.com/mcp”', checked: true, clash: null },
    ]);
    expect(tools.notes()).to.include('The Authorization: Bearer header became the API key.');
    expect(tools.skipped()).to.deep.equal(['“broken”: A stdio server without a command.']);
    expect(tools.button('add').textContent!.trim()).to.equal('Add 2 selected');

    const changed = new Promise((resolve) => el.addEventListener('provider-settings-change', resolve, { once: true }));
    await tools.use('add');
    await changed;
    await el.updateComplete;
    expect(tools.shown).to.equal(false);
    const mcp = el.value.mcp_config!;
    expect(mcp.stdio_servers!.map((s) => s.name)).to.deep.equal(['fetch', 'filesystem']);
    expect(mcp.stdio_servers![1]).to.deep.equal({
      name: 'filesystem',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'],
      env: { DEBUG: '1' },
    });
    expect(mcp.shttp_servers).to.deep.equal([{ url: 'https://remote.example.com/mcp', api_key: 'remote-key' }]);
    expect(ui.server('stdio', 1).name.value).to.equal('filesystem');
    expect(ui.focused()).to.equal(ui.server('stdio', 1).name);
    expect(el.dirty).to.equal(true);
  });

  it('words every note, reason and clash through strings.mcpTools, so a page can translate them', async () => {
    const { el, tools } = await stored();
    el.strings = {
      mcpTools: {
        note: (n) => `Hinweis: ${n.code}`,
        skipReason: (r) => `Grund: ${r.code}`,
        clash: (c) => `Doppelt: ${c.code}`,
        nothingFound: 'Keine MCP-Server gefunden.',
      },
    };
    await open(el);
    await tools.preview(CLAUDE);
    expect(entries(el)[1]!.clash).to.equal('Doppelt: same_name');
    expect(tools.notes()).to.deep.equal(['Hinweis: type_became_shttp', 'Hinweis: bearer_became_api_key']);
    expect(tools.skipped()).to.deep.equal(['“broken”: Grund: no_command']);
    await tools.preview('{"other": 1}');
    expect(tools.importError.textContent!.trim()).to.equal('Keine MCP-Server gefunden.');
  });

  it('a clash can still be checked and added', async () => {
    const { el, tools } = await stored();
    await open(el);
    await tools.preview(CLAUDE);
    tools.entryCheckbox(1).click();
    await el.updateComplete;
    expect(tools.button('add').textContent!.trim()).to.equal('Add 3 selected');
    await tools.use('add');
    expect(el.value.mcp_config!.stdio_servers!.map((s) => s.name)).to.deep.equal(['fetch', 'filesystem', 'fetch']);
  });

  it('a malformed import shows the line and column of the syntax error and adds nothing', async () => {
    const { el, tools } = await stored();
    const before = el.value;
    await open(el);
    await tools.preview('{\n  "mcpServers": {\n    "a": { "command": "npx", }\n  }\n}');
    const error = tools.importError;
    expect(error.getAttribute('role')).to.equal('alert');
    // Exactly the sentence: `.error` keeps white space, so any around it would show as blank lines.
    expect(error.textContent).to.match(/^Not valid JSON at line 3, column 30: [^\n]*$/);
    expect(tools.importText.getAttribute('aria-invalid')).to.equal('true');
    expect(tools.importText.getAttribute('aria-describedby')).to.contain('mcp-import-error');
    expect(tools.hasPreview).to.equal(false);
    expect(el.value).to.deep.equal(before);

    await tools.preview('{"tools": []}');
    expect(tools.importError.textContent).to.contain('No MCP servers found');
    expect(el.value).to.deep.equal(before);
    expect(el.dirty).to.equal(false);
  });

  it('reads a dropped or chosen .json file into the preview', async () => {
    const { el, tools } = harnessed(await mount());
    await open(el);
    const file = new File([CLAUDE], 'claude_desktop_config.json', { type: 'application/json' });
    const transfer = new DataTransfer();
    transfer.items.add(file);
    tools.importText.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    await waitUntil(() => tools.found.textContent !== '', 'no preview after the drop');
    expect(tools.importText.value).to.equal(CLAUDE);
    expect(entries(el).every((e) => e.checked)).to.equal(true);
    expect(tools.fileInput.getAttribute('accept')).to.contain('.json');
  });

  it('exports both formats with secrets masked by default, and as they are when asked', async () => {
    const { el, tools } = await stored();
    await open(el);
    expect(tools.includeSecrets.checked).to.equal(false);
    const masked = JSON.parse(await tools.export('openhands', false));
    expect(masked.sse_servers).to.deep.equal([{ url: 'https://mcp.example.com/sse', api_key: '••••••' }]);
    expect(masked.stdio_servers[0].env).to.deep.equal({ GITHUB_TOKEN: '••••••', LOG_LEVEL: 'info' });
    const open2 = JSON.parse(await tools.export('openhands', true));
    expect(open2.sse_servers[0].api_key).to.equal('sse-secret-key');
    expect(open2.stdio_servers[0].env.GITHUB_TOKEN).to.equal('ghp_envSecret');

    const servers = JSON.parse(await tools.export('mcpServers', false)).mcpServers;
    expect(servers.fetch).to.deep.equal({
      command: 'uvx',
      args: ['mcp-server-fetch'],
      env: { GITHUB_TOKEN: '••••••', LOG_LEVEL: 'info' },
    });
    expect(servers['mcp-example-com']).to.deep.equal({
      type: 'sse',
      url: 'https://mcp.example.com/sse',
      headers: { Authorization: 'Bearer ••••••' },
    });
    const unmasked = await tools.export('mcpServers', true);
    expect(unmasked).to.contain('Bearer sse-secret-key').and.to.contain('ghp_envSecret');
  });

  it('copies the export to the clipboard with a status, and says so when copying fails', async () => {
    const { el, tools } = await stored();
    await open(el);
    const clipboard = navigator.clipboard;
    const original = clipboard.writeText;
    const written: string[] = [];
    try {
      clipboard.writeText = async (text: string) => {
        written.push(text);
      };
      await tools.use('copy');
      await waitUntil(() => tools.toolStatus.textContent === 'Copied.', 'no Copied status');
      expect(written).to.deep.equal([tools.exportText.value]);
      expect(written[0]).to.not.contain('sse-secret-key');
      clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      await tools.use('copy');
      await waitUntil(() => tools.toolStatus.textContent!.startsWith('Could not copy'), 'no failure status');
    } finally {
      clipboard.writeText = original;
    }
  });

  it('downloads the export as a file through an object URL, revoked afterwards', async () => {
    const { el, tools } = await stored();
    await open(el);
    const { createObjectURL, revokeObjectURL } = URL;
    const anchorClick = HTMLAnchorElement.prototype.click;
    const made: Blob[] = [];
    const revoked: string[] = [];
    let clicked: { href: string; download: string } | null = null;
    try {
      URL.createObjectURL = (blob: Blob) => (made.push(blob), 'blob:test-export');
      URL.revokeObjectURL = (url: string) => void revoked.push(url);
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked = { href: this.href, download: this.download };
      };
      await tools.export('mcpServers', false);
      await tools.use('download');
      expect(clicked).to.deep.equal({ href: 'blob:test-export', download: 'mcp-servers.json' });
      expect(await made[0]!.text()).to.equal(tools.exportText.value);
      await waitUntil(() => revoked.length === 1, 'the URL was not revoked');
      expect(revoked).to.deep.equal(['blob:test-export']);
    } finally {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      HTMLAnchorElement.prototype.click = anchorClick;
    }
  });

  it('raw JSON shows the real values, applies valid JSON to the form, and keeps typed tokens', async () => {
    const { el, ui, tools } = await stored();
    await open(el);
    const raw = tools.rawText;
    expect(raw.value).to.contain('sse-secret-key');
    expect(tools.rawWarning.textContent).to.contain('Contains secrets');
    expect(raw.getAttribute('spellcheck')).to.equal('false');
    expect(raw.getAttribute('autocomplete')).to.equal('off');
    const before = el.value;

    const config = JSON.parse(raw.value);
    config.shttp_servers.push({ url: 'https://new.example.com/mcp', api_key: null });
    config.stdio_servers[0].args.push('--verbose');
    await tools.applyRaw(JSON.stringify(config));
    expect(tools.toolStatus.textContent).to.equal('Applied to the form.');
    expect(el.value.mcp_config!.shttp_servers).to.deep.equal([{ url: 'https://new.example.com/mcp', api_key: null }]);
    expect(el.value.mcp_config!.stdio_servers![0]!.args).to.deep.equal(['mcp-server-fetch', '--verbose']);
    expect(el.value.provider_tokens).to.deep.equal(before.provider_tokens);
    expect(ui.server('shttp', 0).url.value).to.equal('https://new.example.com/mcp');
  });

  it('the raw view and the export follow a field of the form once it is left, unless the raw text was edited', async () => {
    const { el, ui, tools } = await stored();
    await open(el);
    const raw = () => tools.rawText.value;
    const url = ui.server('sse', 0).url;
    const edit = async (input: HTMLInputElement, text: string) => {
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
    };
    // The first edit makes the form dirty, which redraws it anyway; the second redraws nothing by itself.
    await edit(url, 'https://first.example.com/sse');
    await edit(url, 'https://edited.example.com/sse');
    expect(raw()).to.contain('https://edited.example.com/sse');
    expect(tools.exportText.value).to.contain('https://edited.example.com/sse');

    // Raw text the person typed is theirs: a later form edit does not replace it.
    await ui.fill(tools.rawText, '{"sse_servers": []}');
    await edit(url, 'https://again.example.com/sse');
    expect(raw()).to.equal('{"sse_servers": []}');
  });

  it('raw JSON with a syntax error says where and changes nothing', async () => {
    const { el, tools } = await stored();
    await open(el);
    const before = el.value;
    await tools.applyRaw('{\n  "sse_servers": [\n    { "url": "https://x.example.com" \n  ]\n}');
    const error = tools.rawError;
    expect(error.textContent).to.match(/^Not valid JSON at line 4, column 3: /);
    expect(tools.rawText.getAttribute('aria-invalid')).to.equal('true');
    expect(el.value).to.deep.equal(before);
    expect(el.dirty).to.equal(false);
    await tools.applyRaw('[1, 2]');
    expect(tools.rawError.textContent).to.contain('Expected a JSON object');
    expect(el.value).to.deep.equal(before);
  });

  it('raw JSON with schema errors is applied, then the errors land on their fields and the summary takes focus', async () => {
    const { el, ui, tools } = await stored();
    await open(el);
    await tools.applyRaw(
      JSON.stringify({
        sse_servers: [{ url: '', api_key: null }],
        shttp_servers: [],
        stdio_servers: [{ name: 'x', command: '', args: [], env: {} }],
      }),
    );
    await waitUntil(() => ui.summary.shown && ui.focused() === ui.summary.element, 'the summary did not take focus');
    expect(tools.shown).to.equal(false);
    const url = ui.server('sse', 0).url;
    expect(url.getAttribute('aria-invalid')).to.equal('true');
    expect(ui.errorOf(url)).to.equal('URL cannot be empty');
    expect(ui.errorOf(ui.server('stdio', 0).command)).to.equal('Command cannot be empty');
  });

  it('round trip through the UI: an export with secrets, imported into an empty form, gives back the same servers', async () => {
    const { el: source, tools: sourceTools } = await stored();
    await open(source);
    for (const format of ['openhands', 'mcpServers'] as const) {
      const text = await sourceTools.export(format, true);
      const { el: target, tools: targetTools } = harnessed(await mount());
      await open(target);
      await targetTools.preview(text);
      await targetTools.use('add');
      const got = target.value.mcp_config!;
      const want = source.value.mcp_config!;
      expect(got.stdio_servers, format).to.deep.equal(want.stdio_servers);
      // mcpServers names URL servers by kind ("sse" / "http"): the lists come back the same.
      expect(got.sse_servers, format).to.deep.equal(want.sse_servers);
      expect(got.shttp_servers ?? [], format).to.deep.equal(want.shttp_servers ?? []);
    }
  });

  it('the open panel passes axe; keyboard: open, tab through, Escape closes and focus returns to the button', async () => {
    const { el, ui, tools } = await stored();
    const button = tools.openButton;
    button.focus();
    await ui.pressKey('Enter');
    // The first opening in a page loads the panel.
    await waitUntil(() => tools.shown && ui.focused() === tools.element, 'Enter did not open the panel', {
      timeout: 5000,
    });
    const panel = tools.element;
    expect(panel.getAttribute('role')).to.equal('group');
    expect(el.shadowRoot!.getElementById(panel.getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'Import and export MCP servers',
    );
    await tools.preview(CLAUDE);
    await expect(el).to.be.accessible();

    panel.focus();
    const visited: string[] = [];
    for (let i = 0; i < 4; i++) {
      await ui.pressKey('Tab');
      const active = ui.focused()!;
      expect(panel.contains(active), `tab ${i + 1} stays in the panel`).to.equal(true);
      visited.push(active.id || active.dataset.tool || active.tagName);
    }
    expect(visited.slice(0, 2)).to.deep.equal(['mcp-import-text', 'mcp-import-file']);
    await ui.pressKey('Escape');
    await waitUntil(() => ui.focused() === button, 'focus did not return to the button');
    expect(tools.shown).to.equal(false);

    await open(el);
    await tools.use('close');
    await waitUntil(() => ui.focused() === button, 'Close did not return focus');
  });
});
