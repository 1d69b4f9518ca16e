/**
 * The element skips work where it can (a keystroke renders only when what is shown changes; see
 * `onInput` in src/element/provider-settings.ts). Each shortcut is pinned here by what a person
 * sees when it goes wrong.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { $$, control, mount } from '../helpers/element.js';

const clearButtons = (el: OpenHandsProviderSettings) =>
  $$(el, 'button[data-action="clear-provider"]').map((b) => b.textContent!.trim());

describe('<openhands-provider-settings> keystrokes render what they change', () => {
  it('typing into a second provider offers its Clear button too; emptying a field takes its button away', async () => {
    const el = await mount();
    control(el, '/provider_tokens/github/token').focus();
    await sendKeys({ type: 'ghp_first' });
    await el.updateComplete;
    expect(clearButtons(el)).to.deep.equal(['Clear GitHub']);
    // The form is dirty already: this keystroke changes nothing but the field and its button.
    control(el, '/provider_tokens/gitlab/token').focus();
    await sendKeys({ type: 'g' });
    await el.updateComplete;
    expect(clearButtons(el)).to.deep.equal(['Clear GitHub', 'Clear GitLab']);
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(clearButtons(el)).to.deep.equal(['Clear GitHub']);
  });
});
