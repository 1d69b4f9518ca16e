import { expect } from '@open-wc/testing';
import type { OpenHandsProviderSettings, ProviderSettingsDirtyEvent } from '../../src/index.js';
import { harness, mount, type } from '../helpers/element.js';
import { setup } from '../helpers/scenario.js';

function recordDirty(el: OpenHandsProviderSettings): boolean[] {
  const seen: boolean[] = [];
  el.addEventListener('provider-settings-dirty', (e: ProviderSettingsDirtyEvent) => seen.push(e.dirty));
  return seen;
}

/** Dispatches what the browser dispatches before leaving the page; true when a listener asked to stay. */
function leavingIsHeldUp(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('<openhands-provider-settings> unsaved changes', () => {
  it('fires provider-settings-dirty only when dirty flips, and reflects a dirty attribute', async () => {
    const el = await mount();
    const seen = recordDirty(el);
    const token = harness(el).provider('github').token;
    await type(el, token, 'ghp_a');
    await type(el, token, 'ghp_ab');
    await type(el, token, 'ghp_abc');
    expect(seen).to.deep.equal([true]);
    expect(el.dirty).to.equal(true);
    expect(el.hasAttribute('dirty')).to.equal(true);
    await type(el, token, '');
    expect(seen).to.deep.equal([true, false]);
    expect(el.hasAttribute('dirty')).to.equal(false);
  });

  it('the event bubbles out of the shadow root, is a plain Event subclass, and carries no secret', async () => {
    const el = await mount();
    let event: ProviderSettingsDirtyEvent | undefined;
    const listener = (e: ProviderSettingsDirtyEvent) => (event ??= e);
    document.addEventListener('provider-settings-dirty', listener);
    try {
      await harness(el).typeToken('github', 'ghp_secretDirty');
    } finally {
      // Not left on the document for the tests after this one, whether or not the event came.
      document.removeEventListener('provider-settings-dirty', listener);
    }
    expect(event).to.exist;
    expect(event!.bubbles && event!.composed).to.equal(true);
    expect(JSON.stringify({ ...event, dirty: event!.dirty })).not.to.contain('ghp_secretDirty');
  });

  it('flips back on reset(), on a save, on a value set and on a structural edit', async () => {
    const { el, ui } = await setup();
    const seen = recordDirty(el);
    await ui.typeToken('github', 'ghp_good');
    el.reset();
    await el.updateComplete;
    expect(seen).to.deep.equal([true, false]);
    await ui.addServer('stdio');
    expect(seen).to.deep.equal([true, false, true]);
    el.reset();
    await el.updateComplete;
    el.value = { provider_tokens: { github: { token: 'ghp_good', host: null } }, mcp_config: null };
    await el.updateComplete;
    expect(seen).to.deep.equal([true, false, true, false, true]);
    expect((await el.submit()).kind).to.equal('saved');
    await el.updateComplete;
    expect(seen).to.deep.equal([true, false, true, false, true, false]);
    expect(el.hasAttribute('dirty')).to.equal(false);
  });

  it('guard-unsaved: leaving the page is held up while dirty, not when clean or removed', async () => {
    const el = await mount((e) => {
      e.guardUnsaved = true;
    });
    expect(leavingIsHeldUp(), 'clean').to.equal(false);
    const token = harness(el).provider('github').token;
    await type(el, token, 'ghp_unsaved');
    expect(leavingIsHeldUp(), 'dirty').to.equal(true);
    await type(el, token, '');
    expect(leavingIsHeldUp(), 'clean again').to.equal(false);
    await type(el, token, 'ghp_unsaved');
    expect(leavingIsHeldUp()).to.equal(true);
    const parent = el.parentElement!;
    el.remove();
    expect(leavingIsHeldUp(), 'removed').to.equal(false);
    parent.append(el);
    expect(leavingIsHeldUp(), 'back in the page, still dirty').to.equal(true);
    el.guardUnsaved = false;
    await el.updateComplete;
    expect(leavingIsHeldUp(), 'guard off').to.equal(false);
    el.remove();
  });

  it('without guard-unsaved, leaving is never held up', async () => {
    const el = await mount();
    await harness(el).typeToken('github', 'ghp_unsaved');
    expect(el.dirty).to.equal(true);
    expect(leavingIsHeldUp()).to.equal(false);
    expect(el.hasAttribute('guard-unsaved')).to.equal(false);
  });
});
