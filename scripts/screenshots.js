// @ts-check
/**
 * Screenshots of the catalogue's scenarios, in docs/screenshots/. Three kinds:
 *
 *   node scripts/screenshots.js                  # wide (1360 x 1000, light): the README's pictures, <id>.png
 *   node scripts/screenshots.js --all            # wide, every scenario
 *   node scripts/screenshots.js saved dark       # wide, only these
 *   node scripts/screenshots.js --narrow         # the element 320 CSS px wide, every panel open: 320px/<id>.png
 *   node scripts/screenshots.js --forced-colors  # forced colours, light and dark: forced-colors/<id>.png, <id>-dark.png
 *   node scripts/screenshots.js --wide --narrow --forced-colors   # all three kinds in one run
 *   node scripts/screenshots.js --narrow --out=/tmp/shots         # somewhere else than docs/screenshots
 *
 * A kind's flag picks its own few scenarios; `--all` or scenario ids pick others for every kind
 * asked for. Without a kind's flag, `--wide` is meant.
 *
 * - wide: what `npm start` shows, the first 1000 px of it.
 * - narrow (WCAG's reflow width): the viewport is 320 CSS px and the catalogue around the element
 *   (sidebar, header, controls, event log, the stage's frame) is hidden, so the element itself is
 *   320 px wide; the import/export panel is opened on top of what the scenario shows (its review,
 *   its error summary), and the whole page is taken. A page wider than 320 px is reported: the
 *   element scrolls sideways there.
 * - forced colours: `forced-colors: active` (Windows' contrast themes; Chromium renders with its
 *   forced palette), once with the light and once with the dark colour scheme, the whole page.
 *
 * Starts the demo with vite (on a free loopback port, the reference server mounted as in
 * `npm start`), opens it in headless Chromium (/usr/bin/chromium, or CHROME_PATH) and waits for
 * each scenario to say it is shown (`.stage[data-state="ready"]`). Fixed viewports and colour
 * schemes, so the pictures only change when the demo does. Exits 1 if any shot failed.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

/**
 * @typedef {object} Kind
 * @property {string} dir under the output directory
 * @property {readonly string[]} scenarios the kind's own choice
 * @property {{ width: number, height: number, deviceScaleFactor: number }} viewport
 * @property {readonly { scheme: 'light' | 'dark', suffix: string }[]} schemes one shot each
 * @property {boolean} forcedColors
 * @property {boolean} narrow hide the catalogue around the element, open every panel
 * @property {boolean} fullPage
 */

/** @type {Record<'wide' | 'narrow' | 'forced-colors', Kind>} */
const KINDS = {
  // The README's pictures: committed, so kept to a few (each is ~200 KB).
  wide: {
    dir: '',
    scenarios: ['stored', '422-several', 'token-rejected', 'dark', 'openhands-theme', 'german'],
    viewport: { width: 1360, height: 1000, deviceScaleFactor: 1 },
    schemes: [{ scheme: 'light', suffix: '' }],
    forcedColors: false,
    narrow: false,
    fullPage: false,
  },
  // Each of the panels that are closed at first, open: the error summary, the review, the import/export panel.
  narrow: {
    dir: '320px',
    scenarios: ['422-several', 'review', 'import-export'],
    viewport: { width: 320, height: 640, deviceScaleFactor: 1 },
    schemes: [{ scheme: 'light', suffix: '' }],
    forcedColors: false,
    narrow: true,
    fullPage: true,
  },
  // Stored badges and secret fields, errors and the summary, the review, the import/export panel.
  'forced-colors': {
    dir: 'forced-colors',
    scenarios: ['stored', '422-several', 'review', 'import-export'],
    viewport: { width: 1360, height: 1000, deviceScaleFactor: 1 },
    schemes: [
      { scheme: 'light', suffix: '' },
      { scheme: 'dark', suffix: '-dark' },
    ],
    forcedColors: true,
    narrow: false,
    fullPage: true,
  },
};

/** The catalogue around the element, hidden for the narrow shots (demo/demo.css's classes). */
const NARROW_CSS = `
  .sidebar, .scenario > header, .panel { display: none !important; }
  .catalogue, .workspace { display: block !important; min-height: 0 !important; }
  .scenario { padding: 0 !important; }
  .stage { border: 0 !important; border-radius: 0 !important; padding: 0 !important; box-shadow: none !important; }
`;

const args = process.argv.slice(2);
const outArg = args.find((a) => a.startsWith('--out='));
const OUT_DIR = outArg ? outArg.slice('--out='.length) : join('docs', 'screenshots');
const flags = new Set(args.filter((a) => a.startsWith('--') && a !== outArg));
const named = args.filter((a) => !a.startsWith('--'));
const known = new Set(['--all', '--wide', '--narrow', '--forced-colors']);
const unknownFlags = [...flags].filter((f) => !known.has(f));
if (unknownFlags.length) {
  console.error(`unknown option ${unknownFlags.join(', ')} (known: ${[...known].join(', ')}, --out=DIR)`);
  process.exit(2);
}
/** @type {(keyof typeof KINDS)[]} */
const kinds = /** @type {const} */ (['wide', 'narrow', 'forced-colors']).filter((k) => flags.has(`--${k}`));
if (kinds.length === 0) kinds.push('wide');
const all = flags.has('--all');

const server = await createServer({
  configFile: 'vite.config.ts',
  logLevel: 'warn',
  server: { host: '127.0.0.1', port: 0, strictPort: false },
});
await server.listen();
const address = server.httpServer?.address();
if (!address || typeof address === 'string') throw new Error('vite did not report its port');
const base = `http://127.0.0.1:${address.port}/`;

const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });

/**
 * Opens the MCP import/export panel, unless the scenario already did (it is loaded on demand).
 * @param {import('puppeteer-core').Page} page
 */
async function openToolsPanel(page) {
  await page.evaluate(() => {
    const root = document.querySelector('.stage openhands-provider-settings')?.shadowRoot;
    if (!root) throw new Error('no element on the stage');
    if (root.querySelector('[part="mcp-tools"]')) return;
    const button = root.querySelector('button[data-action="mcp-tools"]');
    if (!(button instanceof HTMLElement)) throw new Error('no import/export button');
    button.click();
  });
  await page.waitForFunction(
    () => document.querySelector('.stage openhands-provider-settings')?.shadowRoot?.querySelector('[part="mcp-tools"]'),
    { timeout: 5000 },
  );
}

let failed = 0;
let written = 0;
try {
  for (const name of kinds) {
    const kind = KINDS[name];
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.setViewport(kind.viewport);
    // Through CDP: puppeteer's emulateMediaFeatures does not know forced-colors.
    const cdp = await page.createCDPSession();
    /** @param {'light' | 'dark'} scheme */
    const emulate = (scheme) =>
      cdp.send('Emulation.setEmulatedMedia', {
        features: [
          { name: 'prefers-color-scheme', value: scheme },
          { name: 'forced-colors', value: kind.forcedColors ? 'active' : 'none' },
        ],
      });
    await emulate(kind.schemes[0]?.scheme ?? 'light');
    await page.goto(base, { waitUntil: 'load' });
    await page.waitForFunction(() => Array.isArray(/** @type {any} */ (window).catalogueScenarios));
    /** @type {string[]} */
    const ids = await page.evaluate(() => /** @type {any} */ (window).catalogueScenarios);
    const chosen = all ? ids : named.length ? named : kind.scenarios;
    const unknown = chosen.filter((id) => !ids.includes(id));
    if (unknown.length) throw new Error(`no such scenario: ${unknown.join(', ')} (known: ${ids.join(', ')})`);
    if (kind.narrow) await page.addStyleTag({ content: NARROW_CSS });
    const dir = join(OUT_DIR, kind.dir);
    await mkdir(dir, { recursive: true });

    for (const id of chosen) {
      try {
        await page.evaluate((scenario) => {
          location.hash = scenario;
        }, id);
        await page.waitForSelector(`.stage[data-scenario="${id}"][data-state="ready"]`, { timeout: 20_000 });
        if (kind.narrow) await openToolsPanel(page);
        for (const { scheme, suffix } of kind.schemes) {
          await emulate(scheme);
          // Scroll to the top and hide the text caret, so pictures do not depend on timing.
          await page.evaluate(() => {
            window.scrollTo(0, 0);
            document.querySelector('.sidebar')?.scrollTo(0, 0);
            document.documentElement.style.caretColor = 'transparent';
          });
          await new Promise((resolve) => setTimeout(resolve, 150));
          if (kind.narrow) {
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            if (width > kind.viewport.width)
              console.warn(`${id}: ${width} px wide at ${kind.viewport.width} px, it scrolls sideways`);
          }
          const file = join(dir, `${id}${suffix}.png`);
          await page.screenshot({ path: /** @type {`${string}.png`} */ (file), fullPage: kind.fullPage });
          written++;
          console.log(`wrote ${file}`);
        }
      } catch (error) {
        failed++;
        console.error(`${name} ${id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${written} written, ${failed} failed`);
process.exit(failed ? 1 : 0);
