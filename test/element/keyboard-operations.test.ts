/**
 * Every operation by keyboard alone: keys activate every button (Enter and Space), focus lands
 * somewhere sensible after each one, and status and errors are announced. Moving between
 * controls with Tab is covered in keyboard.test.ts; here a test puts focus on a control as Tab
 * would, then uses keys only.
 */
import { expect } from '@open-wc/testing';
import { findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import { axTree, type AxNode } from '../helpers/a11y.js';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { createTenant, SESSION_KEY, tenantState } from '../helpers/reference-server.js';
import { $, control, mount } from '../helpers/element.js';
import { schemelessSseUrl } from '../helpers/bodies.js';

const active = (el: OpenHandsProviderSettings): HTMLElement | null =>
  el.shadowRoot!.activeElement as HTMLElement | null;

async function press(el: OpenHandsProviderSettings, key: string): Promise<void> {
  if (key.startsWith('Shift+')) {
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: key.slice('Shift+'.length) });
    await sendKeys({ up: 'Shift' });
  } else {
    await sendKeys({ press: key });
  }
  await el.updateComplete;
  // A submit resolves after a round trip; a second update renders its outcome.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await el.updateComplete;
}

async function typeKeys(el: OpenHandsProviderSettings, text: string): Promise<void> {
  await sendKeys({ type: text });
  await el.updateComplete;
}

function button(el: OpenHandsProviderSettings, selector: string): HTMLElement {
  const found = $(el, selector);
  found.focus();
  expect(active(el), selector).to.equal(found);
  return found;
}

const rowOf = (el: OpenHandsProviderSettings, pointer: string): string =>
  (el.shadowRoot!.querySelector(`[data-path="${CSS.escape(pointer)}"]`) as HTMLElement).dataset.row!;

describe('<openhands-provider-settings> operations by keyboard alone', () => {
  it('adds a server, an argument and a variable, types into them, reorders and removes servers', async () => {
    const el = await mount();
    button(el, 'button[data-action="add-server"][data-kind="stdio"]');
    await press(el, 'Enter');
    expect(active(el)).to.equal(control(el, '/mcp_config/stdio_servers/0/name'));
    await typeKeys(el, 'first');
    await press(el, 'Tab');
    expect(active(el)).to.equal(control(el, '/mcp_config/stdio_servers/0/command'));
    await typeKeys(el, 'npx');

    const first = rowOf(el, '/mcp_config/stdio_servers/0');
    button(el, `button[data-action="add-arg"][data-row="${first}"]`);
    await press(el, ' ');
    expect(active(el)).to.equal(control(el, '/mcp_config/stdio_servers/0/args/0'));
    await typeKeys(el, '-y');

    button(el, `button[data-action="add-env"][data-row="${first}"]`);
    await press(el, 'Enter');
    expect(active(el)?.dataset.field).to.equal('[key]');
    await typeKeys(el, 'LOG_LEVEL');
    await press(el, 'Tab');
    await typeKeys(el, 'debug');

    button(el, 'button[data-action="add-server"][data-kind="stdio"]');
    await press(el, 'Enter');
    expect(active(el)).to.equal(control(el, '/mcp_config/stdio_servers/1/name'));
    await typeKeys(el, 'second');
    expect(el.value.mcp_config!.stdio_servers).to.deep.equal([
      { name: 'first', command: 'npx', args: ['-y'], env: { LOG_LEVEL: 'debug' } },
      { name: 'second', command: '', args: [], env: {} },
    ]);

    // Reorder: move "second" up; focus stays with the moved server.
    const second = rowOf(el, '/mcp_config/stdio_servers/1');
    button(el, `button[data-action="move-server"][data-row="${second}"][data-delta="-1"]`);
    await press(el, 'Enter');
    expect(el.value.mcp_config!.stdio_servers.map((s) => s.name)).to.deep.equal(['second', 'first']);
    expect(active(el)?.dataset.row).to.equal(second);

    // Remove: focus goes to the server that took its place.
    button(el, `button[data-action="remove-server"][data-row="${second}"]`);
    await press(el, 'Enter');
    expect(el.value.mcp_config!.stdio_servers.map((s) => s.name)).to.deep.equal(['first']);
    expect(active(el)).to.equal(control(el, '/mcp_config/stdio_servers/0/name'));

    // Removing the last one: focus goes to its list's add button.
    button(el, `button[data-action="remove-server"][data-row="${first}"]`);
    await press(el, 'Space');
    expect(el.value.mcp_config?.stdio_servers ?? []).to.deep.equal([]);
    expect(active(el)).to.equal($(el, 'button[data-action="add-server"][data-kind="stdio"]'));
  });

  it('removes a stored provider through its confirmation, and undoes it', async () => {
    const el = await mount((e) => (e.settings = { provider_tokens_set: { github: null }, mcp_config: null }));
    const row = rowOf(el, '/provider_tokens/github');
    button(el, `button[data-action="remove-provider"][data-row="${row}"]`);
    await press(el, 'Enter');
    // The safe choice has focus; the other one is a Shift+Tab away.
    expect(active(el)?.dataset.action).to.equal('cancel-remove-provider');
    await press(el, 'Shift+Tab');
    expect(active(el)?.dataset.action).to.equal('confirm-remove-provider');
    await press(el, 'Enter');
    expect(Object.keys(el.value.provider_tokens)).to.deep.equal([]);
    expect(active(el)?.dataset.action).to.equal('restore-provider');
    await press(el, 'Enter');
    expect(Object.keys(el.value.provider_tokens)).to.deep.equal(['github']);
    expect(active(el)).to.equal(control(el, '/provider_tokens/github/token'));
  });

  it('saves with Enter, announces “Saved.” in a status region, and dismisses it', async () => {
    const tenant = await createTenant();
    const el = await mount((e) => {
      e.baseUrl = tenant.baseUrl;
      e.sessionKey = SESSION_KEY;
    });
    control(el, '/provider_tokens/github/token').focus();
    await typeKeys(el, 'ghp_keyboard');
    const saved = new Promise((resolve) => el.addEventListener('provider-settings-saved', resolve, { once: true }));
    await press(el, 'Enter');
    await saved;
    await el.updateComplete;
    expect((await tenantState(tenant.id)).provider_tokens.github!.token).to.equal('ghp_keyboard');
    const status = $(el, '[part="status"]');
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.equal('Saved.');

    button(el, 'button[data-action="dismiss-status"]');
    await press(el, 'Enter');
    expect(status.textContent).to.equal('');
    expect(el.shadowRoot!.querySelector('button[data-action="dismiss-status"]')).to.equal(null);
    expect(active(el)).to.equal($(el, '[part="save-button"]'));
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
    const main = $(el, 'form[part="form"]');
    const secrets = [...el.shadowRoot!.querySelectorAll('input')].filter((i) => i.type === 'password');
    expect(secrets.length).to.equal(4);
    for (const input of secrets) {
      expect(input.form, input.id).to.not.equal(null);
      expect(input.form).to.not.equal(main);
      const fields = [...input.form!.elements].filter((f) => f instanceof HTMLInputElement);
      expect(fields.length).to.be.at.most(3);
      expect(fields.every((f) => (f as HTMLInputElement).type === 'password')).to.equal(true);
    }
    expect(new Set(secrets.map((i) => i.form)).size).to.equal(2);
    expect(control(el, '/provider_tokens/github/host').form).to.equal(main);

    control(el, '/mcp_config/sse_servers/0/api_key').focus();
    await typeKeys(el, 'sk-keyboard');
    const saved = new Promise((resolve) => el.addEventListener('provider-settings-saved', resolve, { once: true }));
    await press(el, 'Enter');
    await saved;
    const stored = (await tenantState(tenant.id)).mcp_config as { sse_servers: unknown[] };
    expect(stored.sse_servers).to.deep.equal([{ url: 'https://mcp.example.com/sse', api_key: 'sk-keyboard' }]);
  });

  it('a failed save focuses the named error summary; its entries and its dismiss button work by keyboard', async () => {
    const el = await mount((e) => {
      e.value = schemelessSseUrl();
    });
    const url = control(el, '/mcp_config/sse_servers/0/url');
    url.focus();
    await press(el, 'Enter');
    const summary = $(el, '[part="error-summary"]');
    expect(active(el)).to.equal(summary);
    const snapshot = await axTree();
    const focused = findAccessibilityNode<AxNode>(snapshot as never, (n) => n.focused === true);
    expect(focused?.name, 'the focused summary is announced by its heading').to.equal('There is a problem');

    await press(el, 'Tab');
    expect(active(el)?.dataset.action).to.equal('dismiss-summary');
    await press(el, 'Tab');
    expect(active(el)?.dataset.action).to.equal('focus-error');
    await press(el, 'Enter');
    expect(active(el)).to.equal(url);

    // Save again, then dismiss the summary: the field keeps its error and takes focus.
    await press(el, 'Enter');
    expect(active(el)).to.equal($(el, '[part="error-summary"]'));
    await press(el, 'Tab');
    await press(el, 'Enter');
    expect(el.shadowRoot!.querySelector('[part="error-summary"]')).to.equal(null);
    expect(active(el)).to.equal(url);
    expect(url.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});
