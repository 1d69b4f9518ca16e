/**
 * The checks arrive with the on-demand module. `validate()` works whether they are here or not:
 * it waits for them. A field left before they arrive is in lazy-blur.test.ts and a save before
 * they arrive in lazy-save.test.ts, each in a page of its own (each test file runs in its own
 * page, so there nothing has loaded the module yet).
 */
import { expect } from '@open-wc/testing';
import { harness, mount } from '../helpers/element.js';
import { schemelessSseUrl } from '../helpers/bodies.js';

describe('<openhands-provider-settings> before the checks have loaded', () => {
  it('validate() on a form nobody edited resolves to the verdict and shows it', async () => {
    const el = await mount((e) => {
      e.providers = ['github'];
      e.value = schemelessSseUrl();
    });
    expect(await el.validate()).to.equal(false);
    await el.updateComplete;
    expect(harness(el).summary.shown).to.equal(true);
    expect(harness(el).server('sse', 0).url.getAttribute('aria-invalid')).to.equal('true');
  });
});
