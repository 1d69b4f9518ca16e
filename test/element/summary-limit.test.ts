import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { countRenders, errorOf, harness, mount } from '../helpers/element.js';

/** `n` SSE servers with an empty URL: one problem each. */
function emptyUrls(n: number) {
  return {
    provider_tokens: {},
    mcp_config: {
      sse_servers: Array.from({ length: n }, () => ({ url: '', api_key: null })),
      shttp_servers: [],
      stdio_servers: [],
    },
  };
}

const entries = (el: OpenHandsProviderSettings) => harness(el).summary.entries;

describe('<openhands-provider-settings> error summary with many problems', () => {
  it('lists the first 100 problems, counts them all, and every field still shows its own', async () => {
    const el = await mount((e) => {
      e.value = emptyUrls(150);
    });
    const outcome = await el.submit();
    await el.updateComplete;
    expect(outcome.kind).to.equal('invalid');
    const summary = harness(el).summary;
    expect(harness(el).focused()).to.equal(summary.element);
    expect(summary.heading).to.equal('There are 150 problems');
    const listed = entries(el);
    expect(listed.length).to.equal(100);
    // In form order: the first 100 servers.
    expect(listed[0]!.textContent).to.contain('SSE server 1');
    expect(listed[99]!.textContent).to.contain('SSE server 100');
    expect(summary.showAllButton.textContent!.trim()).to.equal('Show all 150 problems');
    for (let i = 0; i < 150; i++) {
      const input = harness(el).server('sse', i).url;
      expect(input.getAttribute('aria-invalid'), `server ${i}`).to.equal('true');
      expect(errorOf(el, input), `server ${i}`).to.equal('URL cannot be empty');
    }
    await expect(el).to.be.accessible();
  });

  it('“Show all” is reached with Tab after the last entry; it lists the rest and focus moves to the first new entry', async () => {
    const el = await mount((e) => {
      e.value = emptyUrls(120);
    });
    const ui = harness(el);
    await el.submit();
    await el.updateComplete;
    entries(el)[99]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(ui.focused()).to.equal(ui.summary.showAllButton);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(ui.summary.canShowAll).to.equal(false);
    const listed = entries(el);
    expect(listed.length).to.equal(120);
    expect(ui.focused()).to.equal(listed[100]);
    expect(ui.summary.heading).to.equal('There are 120 problems');
    // The new entries work like the others: Enter moves focus to the field.
    await sendKeys({ press: 'Enter' });
    expect(ui.focused()).to.equal(ui.server('sse', 100).url);
    await expect(el).to.be.accessible();
  });

  it('lists only the first 100 again after the next failed save', async () => {
    const el = await mount((e) => {
      e.value = emptyUrls(101);
    });
    const summary = harness(el).summary;
    await el.submit();
    await el.updateComplete;
    await summary.showAll();
    expect(entries(el).length).to.equal(101);
    await el.submit();
    await el.updateComplete;
    expect(entries(el).length).to.equal(100);
    expect(summary.showAllButton.textContent!.trim()).to.equal('Show all 101 problems');
  });

  it('up to 100 problems are all listed, with no “Show all”', async () => {
    const el = await mount((e) => {
      e.value = emptyUrls(100);
    });
    expect(await el.validate()).to.equal(false);
    await el.updateComplete;
    expect(entries(el).length).to.equal(100);
    expect(harness(el).summary.canShowAll).to.equal(false);
  });

  it('the button’s text comes from strings.showAllErrors', async () => {
    const el = await mount((e) => {
      e.value = emptyUrls(105);
      e.strings = { showAllErrors: (n) => `Alle ${n} zeigen` };
    });
    await el.validate();
    await el.updateComplete;
    expect(harness(el).summary.showAllButton.textContent!.trim()).to.equal('Alle 105 zeigen');
  });
});

describe('<openhands-provider-settings> validate() renders only what changed', () => {
  it('a valid form is not re-rendered; the same problems found again are not either; new ones are', async () => {
    const el = await mount((e) => {
      e.value = emptyUrls(0);
    });
    const renders = countRenders(el);
    expect(await el.validate()).to.equal(true);
    await el.updateComplete;
    expect(renders.count).to.equal(0);

    el.value = emptyUrls(2);
    await el.updateComplete;
    renders.count = 0;
    expect(await el.validate()).to.equal(false);
    await el.updateComplete;
    expect(renders.count).to.equal(1);
    expect(entries(el).length).to.equal(2);
    expect(await el.validate()).to.equal(false);
    await el.updateComplete;
    expect(renders.count).to.equal(1);

    // A different problem on a field: the check renders it.
    const input = harness(el).server('sse', 1).url;
    input.value = 'mcp.example.com';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    renders.count = 0;
    expect(await el.validate()).to.equal(false);
    await el.updateComplete;
    expect(renders.count).to.equal(1);
    expect(errorOf(el, input)).to.equal('URL must include a scheme (http:// or https://)');
    expect(entries(el).length).to.equal(2);
  });
});
