/**
 * Visual checks the general ones (reflow.test.ts: reflow and target size in every state;
 * accessibility.test.ts: axe and placeholder contrast in each look) cannot make, measured in the
 * browser: unbreakable text (long URLs, long names) in the import / export panel at 320 CSS px and
 * 200 % text (1.4.10, 1.4.4); the error summary's entries 24 px tall yet still links (2.5.8); the
 * placeholder's contrast under the system's dark scheme (1.4.3); forced colours (an invalid field
 * and its error must not rely on colour); and the review's place and weight next to the actions.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import {
  expectNone,
  forcedColors,
  placeholderContrastProblems,
  reflowProblems,
  resetViewport,
  textSize,
  viewport,
} from '../helpers/a11y.js';
import { harness, mount } from '../helpers/element.js';
import { setup } from '../helpers/scenario.js';

const LONG_URL = 'https://a-rather-long-host-name-for-an-mcp-server.example.com/a/path/without/any/break/sse';

const STORED = {
  provider_tokens_set: { github: null },
  mcp_config: {
    sse_servers: [{ url: LONG_URL, api_key: 'sse-secret-key' }],
    shttp_servers: [],
    stdio_servers: [
      {
        name: 'fetch',
        command: 'uvx',
        args: ['mcp-server-fetch'],
        env: { A_RATHER_LONG_VARIABLE_NAME_TOKEN: 'ghp_envSecret', LOG_LEVEL: 'info' },
      },
    ],
  },
};

/** Two servers with unbreakable names, one of which clashes with the stored SSE server. */
const IMPORT = JSON.stringify({
  mcpServers: {
    remote: { type: 'sse', url: LONG_URL },
    'a-server-name-without-any-space-in-it-at-all-whatsoever': { command: 'npx', args: ['-y'] },
  },
});

async function openTools(el: OpenHandsProviderSettings): Promise<HTMLElement> {
  const tools = harness(el).importExport;
  const panel = await tools.open();
  await tools.preview(IMPORT);
  return panel;
}

/** 320 px (1.4.10); 200 % text (1.4.4) on a narrow window, and on the narrowest. */
const LAYOUTS = [
  { width: 320, text: 100 },
  { width: 640, text: 200 },
  { width: 320, text: 200 },
] as const;

describe('reflow (1.4.10, 1.4.4)', () => {
  afterEach(async () => {
    await textSize(100);
    await resetViewport();
  });

  for (const { width, text } of LAYOUTS) {
    it(`the import / export panel, its preview of long URLs included, fits the element at ${width} px and ${text} % text`, async () => {
      await viewport(width, 800);
      await textSize(text);
      const el = await mount((e) => (e.settings = structuredClone(STORED)));
      const panel = await openTools(el);
      expect(panel.scrollWidth, 'the panel scrolls sideways').to.be.at.most(panel.clientWidth);
      expectNone(await reflowProblems(el), `the panel at ${width} px and ${text} % text`);
    });
  }

  it('a checkbox keeps its own size, its label right after it', async () => {
    const el = await mount((e) => (e.settings = structuredClone(STORED)));
    await openTools(el);
    const boxes = harness(el).importExport.checkboxes();
    expect(boxes.map((b) => b.id || 'entry')).to.deep.equal(['entry', 'entry', 'mcp-export-secrets']);
    for (const box of boxes) {
      const { width, right } = box.getBoundingClientRect();
      expect(width, 'the checkbox is stretched').to.be.below(24);
      const range = document.createRange();
      range.selectNodeContents(box.parentElement!);
      range.setStartAfter(box);
      expect(range.getClientRects()[0]!.left - right, 'the label is pushed away from its box').to.be.below(16);
    }
  });

  for (const { width, text } of LAYOUTS) {
    it(`the provider and server cards, env rows and error summary fit the element at ${width} px and ${text} % text`, async () => {
      await viewport(width, 800);
      await textSize(text);
      const el = await mount((e) => {
        e.settings = structuredClone(STORED);
        e.value = {
          provider_tokens: { github: { token: '', host: 'a-rather-long-enterprise-host-name.example.com' } },
          mcp_config: { ...structuredClone(STORED.mcp_config), shttp_servers: [{ url: 'ftp://x', api_key: null }] },
        };
      });
      await el.validate();
      await el.updateComplete;
      expect(harness(el).summary.items().length).to.be.at.least(1);
      expectNone(await reflowProblems(el), `the cards at ${width} px and ${text} % text`);
    });
  }
});

describe('review', () => {
  const REVIEW_STORED = {
    provider_tokens: {
      github: { token: 'ghp_storedReview', host: null },
      gitlab: { token: 'glpat_storedReview', host: 'gitlab.example.com' },
    },
    mcp_config: { sse_servers: [], stdio_servers: [], shttp_servers: [] },
  };

  async function reviewing(): Promise<OpenHandsProviderSettings> {
    const { el, ui } = await setup({ settings: REVIEW_STORED }, (e) => {
      e.review = true;
      e.settings = {
        provider_tokens_set: { github: null, gitlab: 'gitlab.example.com' },
        mcp_config: REVIEW_STORED.mcp_config,
      };
    });
    await ui.typeToken('github', 'ghp_replacementSecret');
    await ui.provider('gitlab').remove();
    await ui.save();
    await waitUntil(() => ui.review.shown, 'no review after Save', { timeout: 5000 });
    await el.updateComplete;
    return el;
  }

  afterEach(resetViewport);

  it('stands apart from Save / Discard, and only its own Save is the primary button', async () => {
    const ui = harness(await reviewing());
    const review = ui.review.element.getBoundingClientRect();
    const actions = ui.actions.getBoundingClientRect();
    expect(actions.top - review.bottom, 'space between the review and the actions').to.be.at.least(12);
    const look = (button: HTMLElement) => getComputedStyle(button).backgroundColor;
    expect(look(ui.saveButton)).to.not.equal(look(ui.review.saveButton));
    expect(look(ui.saveButton)).to.equal(look(ui.discardButton));
    await ui.review.back();
    expect(ui.review.shown).to.equal(false);
    expect(look(ui.saveButton)).to.equal('rgb(11, 92, 173)');
  });

  it('its token deletion is as large as its other lines, and marked by more than colour', async () => {
    const review = harness(await reviewing()).review;
    expect(review.lines()).to.deep.equal(['replace the stored GitHub token', 'delete the stored GitLab token']);
    expect(review.removals()).to.deep.equal(['delete the stored GitLab token']);
    const [replaced, deleted] = review.lineElements();
    const a = getComputedStyle(replaced!);
    const b = getComputedStyle(deleted!);
    expect(b.fontSize).to.equal(a.fontSize);
    expect(b.color).to.not.equal(a.color);
    expect([b.fontWeight, b.textDecorationLine, b.borderInlineStartWidth]).to.not.deep.equal([
      a.fontWeight,
      a.textDecorationLine,
      a.borderInlineStartWidth,
    ]);
  });
});

describe('target size (2.5.8)', () => {
  it('every entry of the error summary is at least 24 px tall, entries not overlapping', async () => {
    const el = await mount((e) => {
      e.value = {
        provider_tokens: {},
        mcp_config: {
          sse_servers: [
            { url: '', api_key: null },
            { url: 'ftp://x', api_key: null },
          ],
          shttp_servers: [],
          stdio_servers: [],
        },
      };
    });
    await el.validate();
    await el.updateComplete;
    const buttons = harness(el).summary.entries;
    const entries = buttons.map((b) => b.getBoundingClientRect());
    expect(entries.length).to.be.at.least(2);
    for (const box of entries) expect(box.height).to.be.at.least(24);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.top).to.be.at.least(entries[i - 1]!.bottom);
    // Still a link: no box around it.
    const style = getComputedStyle(buttons[0]!);
    expect([style.borderTopStyle, style.backgroundColor, style.textDecorationLine]).to.deep.equal([
      'none',
      'rgba(0, 0, 0, 0)',
      'underline',
    ]);
  });
});

describe('placeholder contrast (1.4.3)', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  // The themes themselves: test/element/accessibility.test.ts.
  it('follows prefers-color-scheme: dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await mount();
    expect(
      harness(el)
        .inputs()
        .filter((input) => input.placeholder).length,
    ).to.be.at.least(1);
    expectNone(placeholderContrastProblems(el), 'placeholders under prefers-color-scheme: dark');
  });
});

describe('forced colours', () => {
  afterEach(() => forcedColors(false));

  /** What forced colours leave of a box's look: everything but its colours. */
  const shape = (e: Element) => {
    const s = getComputedStyle(e);
    return {
      border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderInlineStartWidth} ${s.borderInlineStartStyle}`,
      outline: `${s.outlineStyle} ${s.outlineWidth}`,
      boxShadow: s.boxShadow,
      text: `${s.fontWeight} ${s.fontStyle} ${s.textDecorationLine}`,
    };
  };

  it('an invalid field looks unlike a valid one, and its error unlike a hint', async () => {
    const el = await mount((e) => {
      e.value = { provider_tokens: { github: { token: '', host: 'https://github.example.com' } }, mcp_config: null };
    });
    await el.validate();
    await el.updateComplete;
    await forcedColors(true);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const ui = harness(el);
    const invalid = ui.provider('github').host;
    expect(invalid.getAttribute('aria-invalid')).to.equal('true');
    const valid = ui.provider('gitlab').host;
    expect(shape(invalid)).to.not.deep.equal(shape(valid));
    const error = ui.errorElement(invalid);
    const hint = ui.hintElement(invalid);
    expect(error, 'the host’s error').to.exist;
    expect(hint, 'the host’s hint').to.exist;
    expect(shape(error!)).to.not.deep.equal(shape(hint!));
  });

  it('so does an invalid text area of the import / export panel', async () => {
    const el = await mount();
    const tools = harness(el).importExport;
    await tools.open();
    await tools.preview('{');
    await forcedColors(true);
    const text = tools.importText;
    expect(text.getAttribute('aria-invalid')).to.equal('true');
    expect(shape(text)).to.not.deep.equal(shape(tools.rawText));
  });
});
