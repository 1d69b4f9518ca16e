/**
 * Every operation by keyboard alone: keys activate every button (Enter and Space), focus lands
 * somewhere sensible after each one, and status and errors are announced. Moving between
 * controls with Tab is covered in keyboard.test.ts; here a test puts focus on a control as Tab
 * would, then uses keys only.
 */
import { expect } from '@open-wc/testing';
import { findAccessibilityNode } from '@web/test-runner-commands';
import { axTree, type AxNode } from '../helpers/a11y.js';
import { createTenant, SESSION_KEY, tenantState } from '../helpers/reference-server.js';
import { harness, mount } from '../helpers/element.js';
import type { ProviderSettingsHarness } from '../helpers/harness.js';
import { schemelessSseUrl } from '../helpers/bodies.js';

/** A key on the real keyboard; a submit resolves after a round trip, so a second update renders its outcome. */
async function press(ui: ProviderSettingsHarness, key: string): Promise<void> {
  await ui.pressKey(key);
  await new Promise((resolve) => setTimeout(resolve, 0));
  await ui.el.updateComplete;
}

/** Puts focus on a button, as Tab would. */
function focus(ui: ProviderSettingsHarness, button: HTMLElement): void {
  button.focus();
  expect(ui.focused()).to.equal(button);
}

describe('<openhands-provider-settings> operations by keyboard alone', () => {
  it('adds a server, an argument and a variable, types into them, reorders and removes servers', async () => {
    const el = await mount();
    const ui = harness(el);
    const stdio = ui.serverList('stdio');
    focus(ui, stdio.addButton);
    await press(ui, 'Enter');
    const first = ui.server('stdio', 0);
    expect(ui.focused()).to.equal(first.name);
    await ui.typeKeys('first');
    await press(ui, 'Tab');
    expect(ui.focused()).to.equal(first.command);
    await ui.typeKeys('npx');

    focus(ui, first.addArgButton);
    await press(ui, ' ');
    expect(ui.focused()).to.equal(first.arg(0));
    await ui.typeKeys('-y');

    focus(ui, first.addEnvButton);
    await press(ui, 'Enter');
    expect(ui.focused()).to.equal(first.env[0]!.key);
    await ui.typeKeys('LOG_LEVEL');
    await press(ui, 'Tab');
    await ui.typeKeys('debug');

    focus(ui, stdio.addButton);
    await press(ui, 'Enter');
    const second = ui.server('stdio', 1);
    expect(ui.focused()).to.equal(second.name);
    await ui.typeKeys('second');
    expect(el.value.mcp_config!.stdio_servers).to.deep.equal([
      { name: 'first', command: 'npx', args: ['-y'], env: { LOG_LEVEL: 'debug' } },
      { name: 'second', command: '', args: [], env: {} },
    ]);

    // Reorder: move "second" up; focus stays with the moved server.
    focus(ui, second.moveUpButton);
    await press(ui, 'Enter');
    expect(el.value.mcp_config!.stdio_servers.map((s) => s.name)).to.deep.equal(['second', 'first']);
    expect(ui.focused()?.dataset.row).to.equal(second.row);

    // Remove: focus goes to the server that took its place.
    focus(ui, second.removeButton);
    await press(ui, 'Enter');
    expect(el.value.mcp_config!.stdio_servers.map((s) => s.name)).to.deep.equal(['first']);
    expect(ui.focused()).to.equal(first.name);
    expect(first.index).to.equal(0);

    // Removing the last one: focus goes to its list's add button.
    focus(ui, first.removeButton);
    await press(ui, 'Space');
    expect(el.value.mcp_config?.stdio_servers ?? []).to.deep.equal([]);
    expect(ui.focused()).to.equal(stdio.addButton);
  });

  it('removes a stored provider through its confirmation, and undoes it', async () => {
    const el = await mount((e) => (e.settings = { provider_tokens_set: { github: null }, mcp_config: null }));
    const ui = harness(el);
    const github = ui.provider('github');
    focus(ui, github.removeButton);
    await press(ui, 'Enter');
    // The safe choice has focus; the other one is a Shift+Tab away.
    expect(ui.focused()).to.equal(github.cancelRemoveButton);
    await press(ui, 'Shift+Tab');
    expect(ui.focused()).to.equal(github.confirmRemoveButton);
    await press(ui, 'Enter');
    expect(Object.keys(el.value.provider_tokens)).to.deep.equal([]);
    expect(ui.focused()).to.equal(github.restoreButton);
    await press(ui, 'Enter');
    expect(Object.keys(el.value.provider_tokens)).to.deep.equal(['github']);
    expect(ui.focused()).to.equal(github.token);
  });

  it('saves with Enter, announces “Saved.” in a status region, and dismisses it', async () => {
    const tenant = await createTenant();
    const el = await mount((e) => {
      e.baseUrl = tenant.baseUrl;
      e.sessionKey = SESSION_KEY;
    });
    const ui = harness(el);
    ui.provider('github').token.focus();
    await ui.typeKeys('ghp_keyboard');
    const saved = new Promise((resolve) => el.addEventListener('provider-settings-saved', resolve, { once: true }));
    await press(ui, 'Enter');
    await saved;
    await el.updateComplete;
    expect((await tenantState(tenant.id)).provider_tokens.github!.token).to.equal('ghp_keyboard');
    const status = ui.status.element;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.equal('Saved.');

    focus(ui, ui.status.dismissButton);
    await press(ui, 'Enter');
    expect(status.textContent).to.equal('');
    expect(ui.status.dismissable).to.equal(false);
    expect(ui.focused()).to.equal(ui.saveButton);
  });

  it('saves with Enter in an MCP API key too: secret fields sit in forms of their own, three at most', async () => {
    const tenant = await createTenant();
    const el = await mount((e) => {
      e.baseUrl = tenant.baseUrl;
      e.sessionKey = SESSION_KEY;
      e.settings = {
        mcp_config: { sse_servers: [{ url: 'https://mcp.example.com/sse' }], shttp_servers: [], stdio_servers: [] },
      };
    });
    // Chromium's password heuristics warn ("[DOM] Multiple forms should be contained in their own
    // form elements") about a form owning more than three password fields, or text and password
    // fields alternating; and about a password field in no form.
    const ui = harness(el);
    const main = ui.form;
    const secrets = ui.inputs().filter((i) => i.type === 'password');
    expect(secrets.length).to.equal(4);
    for (const input of secrets) {
      expect(input.form, input.id).to.not.equal(null);
      expect(input.form).to.not.equal(main);
      const fields = [...input.form!.elements].filter((f) => f instanceof HTMLInputElement);
      expect(fields.length).to.be.at.most(3);
      expect(fields.every((f) => (f as HTMLInputElement).type === 'password')).to.equal(true);
    }
    expect(new Set(secrets.map((i) => i.form)).size).to.equal(2);
    expect(ui.provider('github').host.form).to.equal(main);

    ui.server('sse', 0).apiKey.focus();
    await ui.typeKeys('sk-keyboard');
    const saved = new Promise((resolve) => el.addEventListener('provider-settings-saved', resolve, { once: true }));
    await press(ui, 'Enter');
    await saved;
    const stored = (await tenantState(tenant.id)).mcp_config as { sse_servers: unknown[] };
    expect(stored.sse_servers).to.deep.equal([{ url: 'https://mcp.example.com/sse', api_key: 'sk-keyboard' }]);
  });

  it('a failed save focuses the named error summary; its entries and its dismiss button work by keyboard', async () => {
    const el = await mount((e) => {
      e.value = schemelessSseUrl();
    });
    const ui = harness(el);
    const url = ui.server('sse', 0).url;
    url.focus();
    await press(ui, 'Enter');
    // The first save in a page loads the checks first.
    const summary = await ui.waitFor(() => ui.summary.element, 'the error summary');
    expect(ui.focused()).to.equal(summary);
    const snapshot = await axTree();
    const focused = findAccessibilityNode<AxNode>(snapshot as never, (n) => n.focused === true);
    expect(focused?.name, 'the focused summary is announced by its heading').to.equal('There is a problem');

    await press(ui, 'Tab');
    expect(ui.focused()).to.equal(ui.summary.dismissButton);
    await press(ui, 'Tab');
    expect(ui.focused()).to.equal(ui.summary.entries[0]);
    await press(ui, 'Enter');
    expect(ui.focused()).to.equal(url);

    // Save again, then dismiss the summary: the field keeps its error and takes focus.
    await press(ui, 'Enter');
    expect(ui.focused()).to.equal(ui.summary.element);
    await press(ui, 'Tab');
    await press(ui, 'Enter');
    expect(ui.summary.shown).to.equal(false);
    expect(ui.focused()).to.equal(url);
    expect(url.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});
