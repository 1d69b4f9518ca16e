/**
 * The element on a narrow screen and with large text, and the size of what a person clicks:
 *
 * - WCAG 1.4.10 Reflow: at 320 CSS px wide, with every panel open, nothing is wider than the
 *   element, nothing is cut off, nothing scrolls sideways;
 * - WCAG 1.4.4 Resize text: the same with text at 200 % (the browser's default font size doubled,
 *   as its font size setting does) in a 640 px viewport, where it is about as wide as at 320 px;
 * - WCAG 2.5.8 Target Size (Minimum): every button, field and link is 24 × 24 CSS px at least, or
 *   has the spacing the criterion accepts instead, in the same states, the error summary included.
 *
 * The checks themselves (test/helpers/a11y.ts) are tested first, on the element with something
 * wrong put into it, so that a pass below means something.
 */
import { expect } from '@open-wc/testing';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { expectNone, reflowProblems, resetViewport, targetSizeProblems, textSize, viewport } from '../helpers/a11y.js';
import { harness, mount } from '../helpers/element.js';
import { setup } from '../helpers/scenario.js';
import {
  everyPanelWithErrors,
  everyPanelWithReview,
  failedAutoload,
  pressSave,
  storedSettings,
  typeToken,
} from '../helpers/states.js';

/** The states with every panel open, and the two simpler ones a person sees most. */
const STATES: Record<string, () => Promise<OpenHandsProviderSettings>> = {
  'stored settings': () => mount((e) => (e.settings = storedSettings())),
  'every panel open, with the review': async () => {
    const el = await mount();
    await everyPanelWithReview(el);
    return el;
  },
  'every panel open, with many errors': async () => {
    const el = await mount();
    await everyPanelWithErrors(el);
    return el;
  },
  'tokens that cannot be seen: Save asks before replacing them': async () => {
    const { el } = await setup({
      settings: null,
      provider_tokens: { github: { token: 'ghp_storedUnseen', host: null } },
    });
    await typeToken(el);
    await pressSave(el, 'replace confirmation');
    return el;
  },
  'autoload failed': failedAutoload,
  'a long server list: the filter box, compact cards, one opened, one with an error': async () => {
    const sse = Array.from({ length: 30 }, (_, i) => ({
      url: `https://mcp-${i}.a-long-host-name.example.com/sse`,
      api_key: null,
    }));
    sse[7]!.url = '';
    const stdio = [
      {
        name: 'a-stdio-server-with-a-long-name',
        command: 'uvx',
        args: ['mcp-server-fetch'],
        env: { LOG_LEVEL: 'info' },
      },
    ];
    const el = await mount(
      (e) =>
        (e.value = { provider_tokens: {}, mcp_config: { sse_servers: sse, shttp_servers: [], stdio_servers: stdio } }),
    );
    await el.validate();
    const ui = harness(el);
    await ui.server('stdio', 0).expand();
    expect(ui.servers().filter((s) => s.collapsible).length).to.equal(30);
    return el;
  },
};

afterEach(async () => {
  await textSize(100);
  await resetViewport();
});

/** Puts a foreign element into the element's shadow root for one check, as a known wrong. */
function insert(el: OpenHandsProviderSettings, markup: string): HTMLElement {
  const holder = document.createElement('div');
  holder.setAttribute('data-test-insert', '');
  holder.innerHTML = markup;
  harness(el).form.append(holder);
  return holder;
}

describe('the reflow and target size checks themselves', () => {
  it('find a box wider than the element, text cut off, and content wider than its card; not what is hidden on purpose', async () => {
    await viewport(320);
    const el = await mount();
    expect(await reflowProblems(el), 'the empty form at 320 px').to.deep.equal([]);
    const cases: [string, RegExp][] = [
      ['<div style="width: 500px">wide</div>', /^div “wide” sticks out of the element by 196 px/],
      [
        '<p style="overflow: hidden; white-space: nowrap; width: 100px">a line too long for it</p>',
        /^the text “a line too long for it” of p .* is cut off by \d+(\.\d)? px: p .* hides what does not fit/,
      ],
      [
        '<div style="border: 1px solid; width: 200px"><div style="width: 250px">wider than its card</div></div>',
        /^div “wider than its card” sticks out of div .* by 52 px/,
      ],
      [
        '<div style="overflow-x: auto; width: 200px"><div style="width: 250px">scrolls</div></div>',
        /^div “scrolls” needs sideways scrolling/,
      ],
    ];
    for (const [markup, expected] of cases) {
      const holder = insert(el, markup);
      const problems = await reflowProblems(el);
      holder.remove();
      expect(
        problems.filter((p) => !p.startsWith('the page scrolls sideways')),
        markup,
      ).to.have.length(1);
      expect(
        problems.find((p) => !p.startsWith('the page scrolls sideways')),
        markup,
      ).to.match(expected);
    }
    const hidden = insert(
      el,
      '<span class="visually-hidden">hidden on purpose, and long enough to overflow anything at all here</span>',
    );
    expect(await reflowProblems(el), 'visually hidden text').to.deep.equal([]);
    hidden.remove();
  });

  it('find small targets too close together, and accept small ones with room around them', async () => {
    const el = await mount();
    const holder = insert(
      el,
      `<p><button style="all: unset; display: inline-block; width: 16px; height: 16px">a</button><button style="all: unset; display: inline-block; width: 16px; height: 16px">b</button></p>
       <p style="margin-top: 40px"><button style="all: unset; display: inline-block; width: 16px; height: 16px">alone</button></p>`,
    );
    const problems = await targetSizeProblems(el);
    expect(problems.some((p) => p.startsWith('button “a” is 16 px × 16 px'))).to.equal(true);
    expect(problems.some((p) => p.startsWith('button “b” is 16 px × 16 px'))).to.equal(true);
    expect(problems.join('\n')).not.to.contain('“alone”');
    holder.remove();
  });
});

describe('reflow (WCAG 1.4.10, 1.4.4): nothing wider than the element, nothing cut off', () => {
  for (const [name, make] of Object.entries(STATES)) {
    it(`at 320 px: ${name}`, async () => {
      const el = await make();
      await viewport(320);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expectNone(await reflowProblems(el), `at 320 px, ${name}`);
    });
  }

  for (const [name, make] of Object.entries(STATES)) {
    it(`at 200 % text in a 640 px viewport: ${name}`, async () => {
      const el = await make();
      await viewport(640);
      await textSize(200);
      // The text really is twice its size.
      expect(getComputedStyle(el).fontSize).to.equal('30px');
      expectNone(await reflowProblems(el), `at 200 % text, ${name}`);
    });
  }
});

describe('target size (WCAG 2.5.8): 24 × 24 px, or room around', () => {
  for (const [name, make] of Object.entries(STATES)) {
    it(name, async () => {
      const el = await make();
      await viewport(800);
      expectNone(await targetSizeProblems(el), `targets, ${name}`);
    });
  }

  it('at 320 px: every panel open, with many errors', async () => {
    const el = await STATES['every panel open, with many errors']!();
    await viewport(320);
    expectNone(await targetSizeProblems(el), 'targets at 320 px');
  });
});
