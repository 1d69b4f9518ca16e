/**
 * A field left before the checks have arrived (they come with the on-demand module, which the
 * first edit starts loading). This file's page has loaded nothing else: keep it the only test here.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { errorOf, harness, leave, mount } from '../helpers/element.js';

describe('<openhands-provider-settings> a field left before the checks have loaded', () => {
  it('a field left at once after the first edit is checked when the checks arrive', async () => {
    const el = await mount((e) => (e.providers = ['github']));
    const server = await harness(el).addServer('sse');
    const url = server.url;
    url.focus();
    url.value = 'mcp.example.com';
    url.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    leave(url);
    await waitUntil(() => url.getAttribute('aria-invalid') === 'true', 'the field was never checked', {
      timeout: 5000,
    });
    expect(errorOf(el, url)).to.equal('URL must include a scheme (http:// or https://)');
  });
});
