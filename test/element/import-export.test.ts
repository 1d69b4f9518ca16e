import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { $, $$, control, errorOf, mount } from '../helpers/element.js';

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

async function stored(): Promise<OpenHandsProviderSettings> {
  return mount((e) => {
    e.settings = structuredClone(STORED);
  });
}

const root = (el: OpenHandsProviderSettings) => el.shadowRoot!;

/** Opens the panel with its button and waits until it has focus. */
async function open(el: OpenHandsProviderSettings): Promise<HTMLElement> {
  $(el, 'button[data-action="mcp-tools"]').click();
  // The panel comes with the on-demand module: the first opening in a page fetches it.
  await waitUntil(
    () =>
      root(el).querySelector('[part="mcp-tools"]') !== null && root(el).activeElement === $(el, '[part="mcp-tools"]'),
    'the panel did not open',
    { timeout: 5000 },
  );
  return $(el, '[part="mcp-tools"]');
}

async function tool(el: OpenHandsProviderSettings, name: string): Promise<void> {
  $(el, `[part="mcp-tools"] button[data-tool="${name}"]`).click();
  await el.updateComplete;
}

function setText(el: OpenHandsProviderSettings, id: string, text: string): void {
  const area = $(el, `#${id}`) as HTMLTextAreaElement;
  area.value = text;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function previewImport(el: OpenHandsProviderSettings, text: string): Promise<void> {
  setText(el, 'mcp-import-text', text);
  await tool(el, 'preview');
}

const entries = (el: OpenHandsProviderSettings) =>
  $$(el, '[part="mcp-tools"] .entries > li').map((li) => ({
    label: li.querySelector('label')!.textContent!.trim(),
    checked: (li.querySelector('input[type="checkbox"]') as HTMLInputElement).checked,
    clash: li.querySelector('.clash')?.textContent ?? null,
  }));

async function exportText(
  el: OpenHandsProviderSettings,
  format: 'openhands' | 'mcpServers',
  secrets: boolean,
): Promise<string> {
  const select = $(el, '#mcp-export-format') as HTMLSelectElement;
  select.value = format;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  const box = $(el, '#mcp-export-secrets') as HTMLInputElement;
  if (box.checked !== secrets) box.click();
  await el.updateComplete;
  return ($(el, '#mcp-export-text') as HTMLTextAreaElement).value;
}

describe('MCP import and export', () => {
  it('previews a Claude Desktop config: conversions, skipped entries with reasons, clashes unchecked; adds the selected servers', async () => {
    const el = await stored();
    await open(el);
    // What the preview finds is announced: its status region is there, empty, before it speaks.
    const found = $(el, '#mcp-import-found');
    expect([found.getAttribute('role'), found.textContent]).to.deep.equal(['status', '']);
    await previewImport(el, CLAUDE);
    expect($(el, '#mcp-import-found')).to.equal(found);
    expect(found.textContent).to.equal('3 servers found (Claude Desktop / Cursor)');
    expect(entries(el)).to.deep.equal([
      { label: 'stdio server “filesystem”', checked: true, clash: null },
      { label: 'stdio server “fetch”', checked: false, clash: 'A stdio server named “fetch” is already in the form.' },
      { label: 'streamable HTTP server “https://remote.example.com/mcp”', checked: true, clash: null },
    ]);
    expect($$(el, '[part="mcp-tools"] .note').map((n) => n.textContent)).to.include(
      'The Authorization: Bearer header became the API key.',
    );
    expect($$(el, '[part="mcp-tools"] .skipped li').map((n) => n.textContent)).to.deep.equal([
      '“broken”: A stdio server without a command.',
    ]);
    expect($(el, '[data-tool="add"]').textContent!.trim()).to.equal('Add 2 selected');

    const changed = new Promise((resolve) => el.addEventListener('provider-settings-change', resolve, { once: true }));
    await tool(el, 'add');
    await changed;
    await el.updateComplete;
    expect(root(el).querySelector('[part="mcp-tools"]')).to.equal(null);
    const mcp = el.value.mcp_config!;
    expect(mcp.stdio_servers!.map((s) => s.name)).to.deep.equal(['fetch', 'filesystem']);
    expect(mcp.stdio_servers![1]).to.deep.equal({
      name: 'filesystem',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'],
      env: { DEBUG: '1' },
    });
    expect(mcp.shttp_servers).to.deep.equal([{ url: 'https://remote.example.com/mcp', api_key: 'remote-key' }]);
    expect(control(el, '/mcp_config/stdio_servers/1/name').value).to.equal('filesystem');
    expect(root(el).activeElement).to.equal(control(el, '/mcp_config/stdio_servers/1/name'));
    expect(el.dirty).to.equal(true);
  });

  it('words every note, reason and clash through strings.mcpTools, so a page can translate them', async () => {
    const el = await stored();
    el.strings = {
      mcpTools: {
        note: (n) => `Hinweis: ${n.code}`,
        skipReason: (r) => `Grund: ${r.code}`,
        clash: (c) => `Doppelt: ${c.code}`,
        nothingFound: 'Keine MCP-Server gefunden.',
      },
    };
    await open(el);
    await previewImport(el, CLAUDE);
    expect(entries(el)[1]!.clash).to.equal('Doppelt: same_name');
    expect($$(el, '[part="mcp-tools"] .note').map((n) => n.textContent)).to.deep.equal([
      'Hinweis: type_became_shttp',
      'Hinweis: bearer_became_api_key',
    ]);
    expect($$(el, '[part="mcp-tools"] .skipped li').map((n) => n.textContent)).to.deep.equal([
      '“broken”: Grund: no_command',
    ]);
    await previewImport(el, '{"other": 1}');
    expect($(el, '#mcp-import-error').textContent!.trim()).to.equal('Keine MCP-Server gefunden.');
  });

  it('a clash can still be checked and added', async () => {
    const el = await stored();
    await open(el);
    await previewImport(el, CLAUDE);
    ($$(el, '[part="mcp-tools"] .entries input[type="checkbox"]')[1] as HTMLInputElement).click();
    await el.updateComplete;
    expect($(el, '[data-tool="add"]').textContent!.trim()).to.equal('Add 3 selected');
    await tool(el, 'add');
    expect(el.value.mcp_config!.stdio_servers!.map((s) => s.name)).to.deep.equal(['fetch', 'filesystem', 'fetch']);
  });

  it('a malformed import shows the line and column of the syntax error and adds nothing', async () => {
    const el = await stored();
    const before = el.value;
    await open(el);
    await previewImport(el, '{\n  "mcpServers": {\n    "a": { "command": "npx", }\n  }\n}');
    const error = $(el, '#mcp-import-error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.match(/^\s*Not valid JSON at line 3, column 30: /);
    expect($(el, '#mcp-import-text').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#mcp-import-text').getAttribute('aria-describedby')).to.contain('mcp-import-error');
    expect(root(el).querySelector('[data-tool="add"]')).to.equal(null);
    expect(el.value).to.deep.equal(before);

    await previewImport(el, '{"tools": []}');
    expect($(el, '#mcp-import-error').textContent).to.contain('No MCP servers found');
    expect(el.value).to.deep.equal(before);
    expect(el.dirty).to.equal(false);
  });

  it('reads a dropped or chosen .json file into the preview', async () => {
    const el = await mount();
    await open(el);
    const file = new File([CLAUDE], 'claude_desktop_config.json', { type: 'application/json' });
    const transfer = new DataTransfer();
    transfer.items.add(file);
    $(el, '#mcp-import-text').dispatchEvent(
      new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }),
    );
    await waitUntil(() => root(el).querySelector('#mcp-import-found')!.textContent !== '', 'no preview after the drop');
    expect(($(el, '#mcp-import-text') as HTMLTextAreaElement).value).to.equal(CLAUDE);
    expect(entries(el).every((e) => e.checked)).to.equal(true);
    expect($(el, '#mcp-import-file').getAttribute('accept')).to.contain('.json');
  });

  it('exports both formats with secrets masked by default, and as they are when asked', async () => {
    const el = await stored();
    await open(el);
    expect(($(el, '#mcp-export-secrets') as HTMLInputElement).checked).to.equal(false);
    const masked = JSON.parse(await exportText(el, 'openhands', false));
    expect(masked.sse_servers).to.deep.equal([{ url: 'https://mcp.example.com/sse', api_key: '••••••' }]);
    expect(masked.stdio_servers[0].env).to.deep.equal({ GITHUB_TOKEN: '••••••', LOG_LEVEL: 'info' });
    const open2 = JSON.parse(await exportText(el, 'openhands', true));
    expect(open2.sse_servers[0].api_key).to.equal('sse-secret-key');
    expect(open2.stdio_servers[0].env.GITHUB_TOKEN).to.equal('ghp_envSecret');

    const servers = JSON.parse(await exportText(el, 'mcpServers', false)).mcpServers;
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
    const unmasked = await exportText(el, 'mcpServers', true);
    expect(unmasked).to.contain('Bearer sse-secret-key').and.to.contain('ghp_envSecret');
  });

  it('copies the export to the clipboard with a status, and says so when copying fails', async () => {
    const el = await stored();
    await open(el);
    const clipboard = navigator.clipboard;
    const original = clipboard.writeText;
    const written: string[] = [];
    try {
      clipboard.writeText = async (text: string) => {
        written.push(text);
      };
      await tool(el, 'copy');
      await waitUntil(() => $(el, '#mcp-tools-status').textContent === 'Copied.', 'no Copied status');
      expect(written).to.deep.equal([($(el, '#mcp-export-text') as HTMLTextAreaElement).value]);
      expect(written[0]).to.not.contain('sse-secret-key');
      clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      await tool(el, 'copy');
      await waitUntil(() => $(el, '#mcp-tools-status').textContent!.startsWith('Could not copy'), 'no failure status');
    } finally {
      clipboard.writeText = original;
    }
  });

  it('downloads the export as a file through an object URL, revoked afterwards', async () => {
    const el = await stored();
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
      await exportText(el, 'mcpServers', false);
      await tool(el, 'download');
      expect(clicked).to.deep.equal({ href: 'blob:test-export', download: 'mcp-servers.json' });
      expect(await made[0]!.text()).to.equal(($(el, '#mcp-export-text') as HTMLTextAreaElement).value);
      await waitUntil(() => revoked.length === 1, 'the URL was not revoked');
      expect(revoked).to.deep.equal(['blob:test-export']);
    } finally {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      HTMLAnchorElement.prototype.click = anchorClick;
    }
  });

  it('raw JSON shows the real values, applies valid JSON to the form, and keeps typed tokens', async () => {
    const el = await stored();
    await open(el);
    const raw = $(el, '#mcp-raw-text') as HTMLTextAreaElement;
    expect(raw.value).to.contain('sse-secret-key');
    expect($(el, '#mcp-raw-warning').textContent).to.contain('Contains secrets');
    expect(raw.getAttribute('spellcheck')).to.equal('false');
    expect(raw.getAttribute('autocomplete')).to.equal('off');
    const before = el.value;

    const config = JSON.parse(raw.value);
    config.shttp_servers.push({ url: 'https://new.example.com/mcp', api_key: null });
    config.stdio_servers[0].args.push('--verbose');
    setText(el, 'mcp-raw-text', JSON.stringify(config));
    await tool(el, 'apply');
    expect($(el, '#mcp-tools-status').textContent).to.equal('Applied to the form.');
    expect(el.value.mcp_config!.shttp_servers).to.deep.equal([{ url: 'https://new.example.com/mcp', api_key: null }]);
    expect(el.value.mcp_config!.stdio_servers![0]!.args).to.deep.equal(['mcp-server-fetch', '--verbose']);
    expect(el.value.provider_tokens).to.deep.equal(before.provider_tokens);
    expect(control(el, '/mcp_config/shttp_servers/0/url').value).to.equal('https://new.example.com/mcp');
  });

  it('the raw view and the export follow a field of the form once it is left, unless the raw text was edited', async () => {
    const el = await stored();
    await open(el);
    const raw = () => ($(el, '#mcp-raw-text') as HTMLTextAreaElement).value;
    const url = control(el, '/mcp_config/sse_servers/0/url');
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
    expect(($(el, '#mcp-export-text') as HTMLTextAreaElement).value).to.contain('https://edited.example.com/sse');

    // Raw text the person typed is theirs: a later form edit does not replace it.
    setText(el, 'mcp-raw-text', '{"sse_servers": []}');
    await edit(url, 'https://again.example.com/sse');
    expect(raw()).to.equal('{"sse_servers": []}');
  });

  it('raw JSON with a syntax error says where and changes nothing', async () => {
    const el = await stored();
    await open(el);
    const before = el.value;
    setText(el, 'mcp-raw-text', '{\n  "sse_servers": [\n    { "url": "https://x.example.com" \n  ]\n}');
    await tool(el, 'apply');
    const error = $(el, '#mcp-raw-error');
    expect(error.textContent).to.match(/^Not valid JSON at line 4, column 3: /);
    expect($(el, '#mcp-raw-text').getAttribute('aria-invalid')).to.equal('true');
    expect(el.value).to.deep.equal(before);
    expect(el.dirty).to.equal(false);
    setText(el, 'mcp-raw-text', '[1, 2]');
    await tool(el, 'apply');
    expect($(el, '#mcp-raw-error').textContent).to.contain('Expected a JSON object');
    expect(el.value).to.deep.equal(before);
  });

  it('raw JSON with schema errors is applied, then the errors land on their fields and the summary takes focus', async () => {
    const el = await stored();
    await open(el);
    setText(
      el,
      'mcp-raw-text',
      JSON.stringify({
        sse_servers: [{ url: '', api_key: null }],
        shttp_servers: [],
        stdio_servers: [{ name: 'x', command: '', args: [], env: {} }],
      }),
    );
    await tool(el, 'apply');
    await waitUntil(
      () => root(el).activeElement === root(el).querySelector('[part="error-summary"]'),
      'the summary did not take focus',
    );
    expect(root(el).querySelector('[part="mcp-tools"]')).to.equal(null);
    const url = control(el, '/mcp_config/sse_servers/0/url');
    expect(url.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, url)).to.equal('URL cannot be empty');
    expect(errorOf(el, control(el, '/mcp_config/stdio_servers/0/command'))).to.equal('Command cannot be empty');
  });

  it('round trip through the UI: an export with secrets, imported into an empty form, gives back the same servers', async () => {
    const source = await stored();
    await open(source);
    for (const format of ['openhands', 'mcpServers'] as const) {
      const text = await exportText(source, format, true);
      const target = await mount();
      await open(target);
      await previewImport(target, text);
      await tool(target, 'add');
      const got = target.value.mcp_config!;
      const want = source.value.mcp_config!;
      expect(got.stdio_servers, format).to.deep.equal(want.stdio_servers);
      // mcpServers names URL servers by kind ("sse" / "http"): the lists come back the same.
      expect(got.sse_servers, format).to.deep.equal(want.sse_servers);
      expect(got.shttp_servers ?? [], format).to.deep.equal(want.shttp_servers ?? []);
    }
  });

  it('the open panel passes axe; keyboard: open, tab through, Escape closes and focus returns to the button', async () => {
    const el = await stored();
    const button = $(el, 'button[data-action="mcp-tools"]');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => root(el).activeElement === root(el).querySelector('[part="mcp-tools"]'),
      'Enter did not open the panel',
    );
    const panel = $(el, '[part="mcp-tools"]');
    expect(panel.getAttribute('role')).to.equal('group');
    expect(root(el).getElementById(panel.getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'Import and export MCP servers',
    );
    await previewImport(el, CLAUDE);
    await expect(el).to.be.accessible();

    panel.focus();
    const visited: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      const active = root(el).activeElement as HTMLElement;
      expect(panel.contains(active), `tab ${i + 1} stays in the panel`).to.equal(true);
      visited.push(active.id || active.dataset.tool || active.tagName);
    }
    expect(visited.slice(0, 2)).to.deep.equal(['mcp-import-text', 'mcp-import-file']);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await waitUntil(() => root(el).activeElement === button, 'focus did not return to the button');
    expect(root(el).querySelector('[part="mcp-tools"]')).to.equal(null);

    await open(el);
    await tool(el, 'close');
    await waitUntil(() => root(el).activeElement === button, 'Close did not return focus');
  });
});
