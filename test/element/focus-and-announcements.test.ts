import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { axNodes } from '../helpers/a11y.js';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { createTenant, requestsOf, scriptResponses, SESSION_KEY, tenantState } from '../helpers/reference-server.js';
import { harness, mount } from '../helpers/element.js';
import { setup } from '../helpers/scenario.js';

const STORED = { provider_tokens: { github: { token: 'ghp_storedFocus', host: null } } };

/** Where focus is inside the element, or `body` when it fell out of it. */
const focused = (el: OpenHandsProviderSettings) => el.shadowRoot!.activeElement ?? document.activeElement;

const autoload = (e: OpenHandsProviderSettings) => (e.autoload = true);

/** Records every text a live region shows, from now on, as a screen reader would hear it. */
function listen(region: Element): string[] {
  const heard: string[] = [];
  new MutationObserver(() => {
    const text = region.textContent!.trim();
    if (text) heard.push(text);
  }).observe(region, { childList: true, subtree: true, characterData: true });
  return heard;
}

describe('<openhands-provider-settings> focus stays in the element', () => {
  it('Enter on Save: Save keeps focus while it saves and after “Saved.”', async () => {
    const { tenant, el, ui } = await setup({ delayMs: 150 });
    await ui.typeToken('github', 'ghp_focusStays');
    const save = ui.saveButton;
    save.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.saving).to.equal(true);
    expect(focused(el)).to.equal(save);
    await waitUntil(() => !el.saving, 'the save never ended', { timeout: 5000 });
    await el.updateComplete;
    expect(ui.status.text).to.equal('Saved.');
    expect(focused(el)).to.equal(save);
    expect((await tenantState(tenant.id)).provider_tokens.github!.token).to.equal('ghp_focusStays');
  });

  it('with autoload, Save keeps focus after “Saved.”: the load after the save neither turns it off nor says “Loading…”', async () => {
    const { tenant, el, ui } = await setup({ settings: STORED, delayMs: 200 }, autoload);
    await waitUntil(() => el.settings !== null && !el.saving && ui.status.text === '', 'not loaded', {
      timeout: 5000,
    });
    const heard = listen(ui.status.element);
    await ui.typeToken('gitlab', 'glpat-focusAfterReload');
    const save = ui.saveButton;
    save.focus();
    await sendKeys({ press: 'Enter' });
    // From the press to the end of the load after the save (200 ms each way): Save is never turned
    // off (it would lose focus) and keeps focus throughout.
    const seen = new Set<string>();
    await waitUntil(
      async () => {
        seen.add(`${save.disabled ? 'disabled' : 'enabled'}, focus ${focused(el) === save ? 'on Save' : 'elsewhere'}`);
        return (
          (await requestsOf(tenant.id, 'GET')).length === 2 && el.settings?.provider_tokens_set?.gitlab !== undefined
        );
      },
      'no load after the save',
      { timeout: 5000, interval: 10 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await el.updateComplete;
    expect([...seen]).to.deep.equal(['enabled, focus on Save']);
    // And after the render that took the load's answer.
    expect(focused(el)).to.equal(save);
    expect(heard).to.deep.equal(['Saving…', 'Saved.']);
    expect(ui.status.text).to.equal('Saved.');
    expect((await tenantState(tenant.id)).provider_tokens.gitlab!.token).to.equal('glpat-focusAfterReload');
    expect(ui.provider('gitlab').stored).to.equal(true);
  });

  it('“Save these changes” in the review: focus goes to Save and stays there through the save', async () => {
    const { tenant, el, ui } = await setup({}, (e) => (e.review = true));
    await ui.typeToken('github', 'ghp_reviewFocus');
    await ui.save();
    await waitUntil(() => ui.review.shown, 'no review');
    await ui.review.save();
    expect(focused(el)).to.equal(ui.saveButton);
    await waitUntil(() => ui.status.text === 'Saved.', 'not saved');
    expect(focused(el)).to.equal(ui.saveButton);
    expect(await requestsOf(tenant.id, 'POST')).to.have.length(1);
  });

  it('Retry on a failed load: focus moves to the providers, which the load fills in', async () => {
    const tenant = await createTenant({ settings: STORED });
    await scriptResponses(tenant.id, [{ status: 500, body: { error: 'down' } }]);
    const el = await mount((e) => {
      e.baseUrl = tenant.baseUrl;
      e.sessionKey = SESSION_KEY;
      e.autoload = true;
    });
    const ui = harness(el);
    await waitUntil(() => ui.loadError.shown, 'no Retry');
    ui.loadError.retryButton.focus();
    await ui.pressKey('Enter');
    expect(focused(el)).to.equal(ui.providersSection);
    await waitUntil(() => ui.provider('github').stored, 'not loaded');
    expect(focused(el)).to.equal(ui.providersSection);
  });

  it('Discard on a clean form says it is unavailable and keeps focus when pressed after discarding', async () => {
    const el = await mount();
    const ui = harness(el);
    const discard = ui.discardButton;
    expect(discard.getAttribute('aria-disabled')).to.equal('true');
    await ui.typeToken('github', 'ghp_toDiscard');
    expect(discard.hasAttribute('aria-disabled')).to.equal(false);
    discard.focus();
    await ui.pressKey('Enter');
    expect(ui.provider('github').token.value).to.equal('');
    expect(discard.getAttribute('aria-disabled')).to.equal('true');
    expect(focused(el)).to.equal(discard);
    // Pressed again: nothing happens.
    await ui.pressKey('Enter');
    expect(el.dirty).to.equal(false);
  });
});

describe('<openhands-provider-settings> live regions', () => {
  it('the status region is in the page before it speaks: “Saving…”, then “Saved.”', async () => {
    const { el, ui } = await setup();
    const region = ui.status.element;
    expect(region.getAttribute('role')).to.equal('status');
    expect(getComputedStyle(region).display).not.to.equal('none');
    const heard = listen(region);
    await ui.typeToken('github', 'ghp_announce');
    await el.submit();
    await el.updateComplete;
    // The same node spoke both: it was there, empty, before the save.
    expect(ui.status.element).to.equal(region);
    expect(heard).to.deep.equal(['Saving…', 'Saved.']);
  });

  it('“Loading stored settings…” is written into a region that was already there', async () => {
    // The on-demand module (which makes the request) already here, as on a page that used it before:
    // the load starts with the element's first render.
    expect(await (await mount()).validate()).to.equal(true);
    const tenant = await createTenant({ settings: STORED, delayMs: 300 });
    const el = document.createElement('openhands-provider-settings');
    el.baseUrl = tenant.baseUrl;
    el.sessionKey = SESSION_KEY;
    el.autoload = true;
    document.body.append(el);
    try {
      // Text written into a region as it enters the page is often not heard: the region stays
      // empty through the renders that follow its first, then speaks.
      await el.updateComplete;
      const ui = harness(el);
      const region = ui.status.element;
      const heard = listen(region);
      const early: string[] = [region.textContent!.trim()];
      for (let turn = 0; turn < 2; turn++) {
        await new Promise((resolve) => setTimeout(resolve));
        await el.updateComplete;
        early.push(region.textContent!.trim());
      }
      expect(early).to.deep.equal(['', '', '']);
      await waitUntil(() => heard.includes('Loading stored settings…'), 'the loading status was not heard', {
        timeout: 5000,
      });
      expect(ui.status.element).to.equal(region);
      await waitUntil(() => el.settings !== null, 'not loaded');
    } finally {
      el.remove();
    }
  });

  it('after a slow load, turning autoload off says nothing', async () => {
    const { el, ui } = await setup({ settings: STORED, delayMs: 300 }, autoload);
    await waitUntil(() => ui.status.text === 'Loading stored settings…', 'never said it was loading', {
      timeout: 5000,
    });
    await waitUntil(() => el.settings !== null && ui.status.text === '', 'not loaded', { timeout: 5000 });
    const heard = listen(ui.status.element);
    el.autoload = false;
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).to.deep.equal([]);
  });

  it('“Nothing to save.” is announced in the status region', async () => {
    const el = await mount((e) => {
      e.review = true;
      e.settings = { provider_tokens_set: {}, mcp_config: null };
    });
    const ui = harness(el);
    const heard = listen(ui.status.element);
    await ui.save();
    await waitUntil(() => heard.includes('Nothing to save.'), 'not announced');
  });
});

describe('<openhands-provider-settings> names and hints', () => {
  it('a stored token’s field says, in a visible hint it is described by, that the token is kept', async () => {
    const el = await mount((e) => (e.settings = { provider_tokens_set: { github: null }, mcp_config: null }));
    const ui = harness(el);
    const token = ui.provider('github').token;
    expect(token.placeholder).to.equal('');
    expect(ui.description(token)).to.equal('The stored token is kept; type a new one to replace it.');
    // A new provider's field has no such hint.
    expect(ui.description(ui.provider('gitlab').token)).to.equal('');
  });

  it('a variable row has visible column heads and names that say which variable; remove says which', async () => {
    const el = await mount(
      (e) =>
        (e.value = {
          provider_tokens: {},
          mcp_config: {
            sse_servers: [],
            shttp_servers: [],
            stdio_servers: [{ name: 'fs', command: 'npx', args: [], env: { A: '1', B: '2' } }],
          },
        }),
    );
    const server = harness(el).server('stdio', 0);
    const head = server.envHead;
    expect([...head.children].map((c) => c.textContent!.trim())).to.deep.equal(['Name', 'Value']);
    expect(getComputedStyle(head).display).not.to.equal('none');
    // Each head stands over its column.
    const lefts = (els: Element[]) => els.map((e) => Math.round(e.getBoundingClientRect().left));
    const [a] = server.env;
    expect(a!.key.value).to.equal('A');
    expect(lefts([...head.children])).to.deep.equal(lefts([a!.key, a!.value]));
    const nodes = await axNodes();
    const names = nodes.filter((n) => n.role === 'textbox').map((n) => n.name);
    expect(names).to.include.members([
      'Name of variable 1',
      'Value of variable 1',
      'Name of variable 2',
      'Value of variable 2',
    ]);
    expect(names.filter((n) => n === 'Name')).to.have.length(1);
    expect(nodes.some((n) => n.role === 'button' && n.name === 'Remove Variable 2')).to.equal(true);
  });

  it('names built from parts follow the language’s word order', async () => {
    const el = await mount((e) => {
      e.strings = {
        secretToggleLabel: (action, field) => `${field} ${action.toLowerCase()}`,
        showSecret: 'Zeigen',
        clearProvider: (p) => `${p} leeren`,
      };
    });
    const github = harness(el).provider('github');
    await github.typeToken('ghp_typed');
    expect(github.revealButton.getAttribute('aria-controls')).to.equal(github.token.id);
    expect(github.revealButton.getAttribute('aria-label')).to.equal('Token zeigen');
    expect(github.clearButton.textContent!.trim()).to.equal('GitHub leeren');
  });

  it('“Clear” names its provider; “Show” is off while there is nothing to show', async () => {
    const el = await mount((e) => (e.settings = { provider_tokens_set: { github: null }, mcp_config: null }));
    const ui = harness(el);
    expect(ui.provider('github').revealButton.disabled).to.equal(true);
    await ui.typeToken('gitlab', 'glpat_typed');
    expect(ui.clearButtons().map((b) => b.textContent!.trim())).to.deep.equal(['Clear GitLab']);
  });

  it('a token shown, then cleared: the next one typed there is hidden again', async () => {
    const el = await mount((e) => (e.settings = { provider_tokens_set: {}, mcp_config: null }));
    const github = harness(el).provider('github');
    const token = github.token;
    await github.typeToken('ghp_shownThenCleared');
    const toggle = github.revealButton;
    await github.toggleReveal();
    expect(token.type).to.equal('text');
    await github.clear();
    expect(token.value).to.equal('');
    expect(token.type).to.equal('password');
    expect(toggle.disabled).to.equal(true);
    await github.typeToken('ghp_nextOne');
    expect(token.type).to.equal('password');
    expect(toggle.textContent!.trim()).to.equal('Show');
  });

  it('a token shown, then emptied by hand: “Hide” stays available, so it can be hidden again', async () => {
    const el = await mount();
    const github = harness(el).provider('github');
    const token = github.token;
    await github.typeToken('ghp_shownThenEmptied');
    const toggle = github.revealButton;
    await github.toggleReveal();
    await github.typeToken('');
    expect(token.type).to.equal('text');
    expect(toggle.disabled).to.equal(false);
    await github.toggleReveal();
    expect(token.type).to.equal('password');
  });

  it('the form has no region landmarks, no unnamed group, and is not busy while it stays editable', async () => {
    const { el, ui } = await setup();
    await ui.typeToken('github', 'ghp_busy');
    const pending = el.submit();
    await el.updateComplete;
    expect(ui.form.hasAttribute('aria-busy')).to.equal(false);
    await pending;
    const nodes = await axNodes();
    expect(nodes.filter((n) => n.role === 'region')).to.have.length(0);
    expect(nodes.filter((n) => n.role === 'group' && !n.name)).to.have.length(0);
  });

  it('a provider-key error in the summary moves focus to the provider’s card, which it describes, and reads as words', async () => {
    const { tenant, el, ui } = await setup();
    await scriptResponses(tenant.id, [
      {
        status: 422,
        body: {
          detail: [
            {
              type: 'enum',
              loc: ['body', 'provider_tokens', 'github', '[key]'],
              msg: "Input should be 'gitlab'",
              input: 'github',
            },
          ],
        },
      },
    ]);
    await ui.typeToken('github', 'ghp_keyError');
    await el.submit();
    await el.updateComplete;
    const [entry] = ui.summary.entries;
    expect(entry!.textContent).to.contain('GitHub (the provider itself)');
    await ui.summary.goTo(0);
    const card = ui.provider('github').card;
    expect(focused(el)).to.equal(card);
    expect(ui.description(card)).to.contain("Input should be 'gitlab'");
  });
});
