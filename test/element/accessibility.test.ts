/**
 * WCAG 2.2 A/AA in every state a person can bring the element to: axe on the element (its shadow
 * root included, nothing of the test page), in the light and dark themes, the demo's OpenHands
 * look and forced colours; the contrast of placeholder text, which axe cannot see; and the
 * landmarks and groups the element adds to its host page. The catalogue's scenarios get the same
 * axe run in test/catalogue/accessibility.test.ts; reflow and target sizes are in reflow.test.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { STORED } from '../../demo/scenarios.js';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import {
  axeProblems,
  expectNone,
  forcedColors,
  landmarkProblems,
  placeholderContrastProblems,
  resetViewport,
  viewport,
} from '../helpers/a11y.js';
import { harness, mount } from '../helpers/element.js';
import { scriptResponses } from '../helpers/reference-server.js';
import { NOTHING_STORED, setup } from '../helpers/scenario.js';
import {
  applyLook,
  askToRemove,
  everyPanelWithErrors,
  everyPanelWithReview,
  failedAutoload,
  manyProblems,
  openImportExport,
  pressSave,
  previewImport,
  storedSettings,
  typeToken,
  type Look,
} from '../helpers/states.js';

const expectAxeClean = async (el: OpenHandsProviderSettings, what = 'axe, WCAG 2.2 A/AA') =>
  expectNone(await axeProblems(el), what);

/** The stored settings are still loading: the status says so (the form stays editable, so it is not aria-busy). */
const busy = (el: OpenHandsProviderSettings) => harness(el).status.text === 'Loading stored settings…';

/** The stored state of the demo (three tokens, four MCP servers), on a tenant of the reference server, loaded by the element itself. */
const AUTOLOAD_TENANT = { settings: STORED.settings };

/** Two states that between them show every panel: checked in each look and in forced colours. */
const EVERY_PANEL: Record<string, (el: OpenHandsProviderSettings) => Promise<void>> = {
  'every panel open, with the review': everyPanelWithReview,
  'every panel open, with many errors': everyPanelWithErrors,
};

// A viewport tall enough for every state to be on screen, as it is for a person who scrolls to it.
before(() => viewport(800));
after(() => resetViewport());

describe('accessibility: axe (WCAG 2.2 A/AA) on the element in every state', () => {
  it('the empty form, before anything is loaded', async () => {
    const el = await mount();
    expect(harness(el).tokensUnknown.shown).to.equal(true);
    await expectAxeClean(el);
  });

  it('nothing stored', async () => {
    const el = await mount((e) => (e.settings = NOTHING_STORED));
    await expectAxeClean(el);
  });

  it('stored providers, with hosts, and four MCP servers', async () => {
    const el = await mount((e) => (e.settings = storedSettings()));
    expect(harness(el).storedProviders()).to.have.length(3);
    await expectAxeClean(el);
  });

  it('the import / export panel, open and then with a preview', async () => {
    const el = await mount((e) => (e.settings = storedSettings()));
    await openImportExport(el);
    await expectAxeClean(el, 'axe, the panel open');
    await previewImport(el);
    await expectAxeClean(el, 'axe, with a preview');
  });

  it('a provider asking to confirm its removal', async () => {
    const el = await mount((e) => (e.settings = storedSettings()));
    await askToRemove(el, 'github');
    await expectAxeClean(el);
  });

  it('the review (review attribute, a token typed, Save pressed)', async () => {
    const el = await mount((e) => {
      e.review = true;
      e.settings = storedSettings();
    });
    await typeToken(el);
    await pressSave(el, 'review');
    await expectAxeClean(el);
  });

  it('autoload, while loading (the server answers after 5 s)', async () => {
    const { el } = await setup({ ...AUTOLOAD_TENANT, delayMs: 5000 }, (e) => (e.autoload = true));
    await waitUntil(() => busy(el), 'the status never said it was loading', { timeout: 5000 });
    expect(harness(el).form.hasAttribute('aria-busy')).to.equal(false);
    await expectAxeClean(el);
    expect(busy(el), 'still loading after the check').to.equal(true);
  });

  it('autoload, failed: the load error with its Retry button', async () => {
    await expectAxeClean(await failedAutoload());
  });

  it('the error summary after Save, with the form’s own checks failing', async () => {
    const el = await mount((e) => {
      e.settings = storedSettings();
      e.value = manyProblems();
    });
    await pressSave(el, 'error summary');
    await expectAxeClean(el);
  });

  it('the error summary after the server’s 422s, and after a 500 about no field', async () => {
    const { tenant, el, ui } = await setup({ providerTypes: ['github', 'gitlab'] }, (e) => {
      e.noValidate = true;
      e.value = {
        provider_tokens: { bitbucket: { token: 'someone:app-password', host: null } },
        mcp_config: manyProblems().mcp_config,
      };
    });
    expect((await el.submit()).kind).to.equal('validation');
    await ui.waitFor(() => ui.summary.shown, 'the error summary');
    await expectAxeClean(el, 'axe, after the 422s');

    await scriptResponses(tenant.id, [{ status: 500, body: { error: 'Something went wrong storing git providers' } }]);
    el.value = { provider_tokens: { github: { token: 'ghp_a11yToken', host: null } }, mcp_config: null };
    expect((await el.submit()).kind).to.equal('server');
    await ui.waitFor(() => ui.formError.shown, 'the form error');
    await expectAxeClean(el, 'axe, after the 500');
  });

  for (const look of ['light', 'dark', 'openhands'] as const satisfies readonly Look[]) {
    for (const [name, open] of Object.entries(EVERY_PANEL)) {
      it(`${name}, ${look === 'openhands' ? 'the demo’s OpenHands look' : `theme="${look}"`}`, async () => {
        const el = await mount();
        await applyLook(el, look);
        await open(el);
        await expectAxeClean(el);
      });
    }
  }

  describe('in forced colours (Windows High Contrast)', () => {
    before(() => forcedColors(true));
    after(() => forcedColors(false));

    it('is in forced colours', async () => {
      const el = await mount();
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      // The author's colours give way to the system's: the dark theme's background is gone.
      await applyLook(el, 'dark');
      expect(getComputedStyle(el).backgroundColor).not.to.equal('rgb(13, 17, 23)');
    });

    for (const [name, open] of Object.entries(EVERY_PANEL)) {
      it(name, async () => {
        const el = await mount();
        await open(el);
        await expectAxeClean(el);
      });
    }

    it('autoload, failed', async () => {
      await expectAxeClean(await failedAutoload());
    });
  });
});

describe('accessibility: placeholder text has 4.5:1 contrast with its input (WCAG 1.4.3)', () => {
  for (const look of ['light', 'dark', 'openhands'] as const satisfies readonly Look[]) {
    it(look === 'openhands' ? 'the demo’s OpenHands look' : `theme="${look}"`, async () => {
      const el = await mount((e) => (e.settings = storedSettings()));
      await applyLook(el, look);
      // Every kind of field with a placeholder: hosts and server fields (token fields have none).
      expect(
        harness(el)
          .inputs()
          .filter((input) => input.placeholder).length,
      ).to.be.at.least(5);
      expectNone(placeholderContrastProblems(el), `placeholders, ${look}`);
    });
  }

  it('the check itself: it finds a placeholder that is too faint', async () => {
    const el = await mount();
    el.style.setProperty('--ohps-input-background', '#777777');
    await el.updateComplete;
    expect(placeholderContrastProblems(el)).not.to.deep.equal([]);
  });
});

describe('accessibility: landmarks and groups', () => {
  it('adds at most one region per part, none nested, and names every group; with every panel open', async () => {
    const el = await mount();
    await everyPanelWithReview(el);
    expectNone(await landmarkProblems(el), 'landmarks and groups');
  });

  it('the same with the error summary', async () => {
    const el = await mount();
    await everyPanelWithErrors(el);
    expectNone(await landmarkProblems(el), 'landmarks and groups');
  });
});
