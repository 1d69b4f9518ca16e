/**
 * The checks arrive with the on-demand module, which the first edit starts loading. Each test
 * file runs in a page of its own, so here the module is not loaded until a test makes it: what
 * happens before it arrives is what these tests are about. Their order matters (the first one
 * runs with nothing loaded). A save before it arrives is in lazy-save.test.ts, in a page of its own.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { $, control, errorOf, leave, mount } from '../helpers/element.js';
import { schemelessSseUrl } from '../helpers/bodies.js';

describe('<openhands-provider-settings> before the checks have loaded', () => {
  it('a field left at once after the first edit is checked when the checks arrive', async () => {
    const el = await mount((e) => (e.providers = ['github']));
    $(el, 'button[data-action="add-server"][data-kind="sse"]').click();
    await el.updateComplete;
    const url = control(el, '/mcp_config/sse_servers/0/url');
    url.focus();
    url.value = 'mcp.example.com';
    url.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    leave(url);
    await waitUntil(() => url.getAttribute('aria-invalid') === 'true', 'the field was never checked', {
      timeout: 5000,
    });
    expect(errorOf(el, url)).to.equal('URL must include a scheme (http:// or https://)');
  });

  it('validate() on a form nobody edited resolves to the verdict and shows it', async () => {
    const el = await mount((e) => {
      e.providers = ['github'];
      e.value = schemelessSseUrl();
    });
    expect(await el.validate()).to.equal(false);
    await el.updateComplete;
    expect($(el, '[part="error-summary"]')).to.exist;
    expect(control(el, '/mcp_config/sse_servers/0/url').getAttribute('aria-invalid')).to.equal('true');
  });
});
