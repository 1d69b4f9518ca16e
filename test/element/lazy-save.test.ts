/**
 * The first save of a form nobody edited, in a page where the on-demand module (the checks, the
 * request) has not loaded yet: see lazy-checks.test.ts.
 */
import { expect } from '@open-wc/testing';
import { harness, mount } from '../helpers/element.js';
import { schemelessSseUrl } from '../helpers/bodies.js';

describe('<openhands-provider-settings> saving before the checks have loaded', () => {
  it('is busy from the call while the checks load, then reports what they find', async () => {
    const el = await mount((e) => {
      e.providers = ['github'];
      e.value = schemelessSseUrl();
    });
    const ui = harness(el);
    const pending = el.submit();
    expect(el.saving).to.equal(true);
    await el.updateComplete;
    expect(ui.showsSaving).to.equal(true);
    const outcome = await pending;
    expect(outcome.kind).to.equal('invalid');
    expect(el.saving).to.equal(false);
    await el.updateComplete;
    expect(ui.showsSaving).to.equal(false);
  });
});
