// @ts-check
/**
 * Screenshots of every catalogue scenario, for docs/screenshots/<scenario>.png.
 *
 *   node scripts/screenshots.js            # the ones the README shows (committed)
 *   node scripts/screenshots.js --all      # every scenario
 *   node scripts/screenshots.js saved dark # only these
 *
 * Starts the demo with vite (on a free loopback port, the reference server mounted as in
 * `npm start`), opens it in headless Chromium (/usr/bin/chromium, or CHROME_PATH) and waits for
 * each scenario to say it is shown (`.stage[data-state="ready"]`). Light colour scheme and a fixed
 * viewport, so the pictures only change when the demo does.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';

const OUT_DIR = join('docs', 'screenshots');
const VIEWPORT = { width: 1360, height: 1000, deviceScaleFactor: 1 };
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
// The README's pictures: committed, so kept to a few (each is ~200 KB).
const README_SCENARIOS = ['stored', '422-several', 'token-rejected', 'dark', 'openhands-theme', 'german'];
const args = process.argv.slice(2);
const all = args.includes('--all');
const named = args.filter((a) => a !== '--all');
const only = all ? [] : named.length ? named : README_SCENARIOS;

const server = await createServer({
  configFile: 'vite.config.ts',
  logLevel: 'warn',
  server: { host: '127.0.0.1', port: 0, strictPort: false },
});
await server.listen();
const address = server.httpServer?.address();
if (!address || typeof address === 'string') throw new Error('vite did not report its port');
const base = `http://127.0.0.1:${address.port}/`;

const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

let failed = 0;
try {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForFunction(() => Array.isArray(/** @type {any} */ (window).catalogueScenarios));
  /** @type {string[]} */
  const ids = await page.evaluate(() => /** @type {any} */ (window).catalogueScenarios);
  const unknown = only.filter((id) => !ids.includes(id));
  if (unknown.length) throw new Error(`no such scenario: ${unknown.join(', ')} (known: ${ids.join(', ')})`);
  await mkdir(OUT_DIR, { recursive: true });

  for (const id of only.length ? only : ids) {
    try {
      await page.evaluate((scenario) => {
        location.hash = scenario;
      }, id);
      await page.waitForSelector(`.stage[data-scenario="${id}"][data-state="ready"]`, { timeout: 20_000 });
      // Scroll to the top and hide the text caret, so pictures do not depend on timing.
      await page.evaluate(() => {
        window.scrollTo(0, 0);
        document.querySelector('.sidebar')?.scrollTo(0, 0);
        document.documentElement.style.caretColor = 'transparent';
      });
      await new Promise((resolve) => setTimeout(resolve, 150));
      const file = join(OUT_DIR, `${id}.png`);
      await page.screenshot({ path: /** @type {`${string}.png`} */ (file) });
      console.log(`wrote ${file}`);
    } catch (error) {
      failed++;
      console.error(`${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
