/**
 * Two browser commands the accessibility tests need and @web/test-runner-commands does not give
 * under Puppeteer (test/helpers/a11y.ts calls them):
 *
 * - `emulate-forced-colors` `{ active: boolean }`: Chromium's forced colours mode (Windows High
 *   Contrast), as DevTools' "Emulate CSS media feature forced-colors" does. The runner's own
 *   `emulateMedia({ forcedColors })` passes that option to Playwright only; Puppeteer refuses any
 *   media feature but prefers-color-scheme, prefers-reduced-motion and color-gamut, so this goes
 *   straight to the DevTools protocol (`Emulation.setEmulatedMedia`).
 * - `set-default-font-size` `{ standard: number, fixed: number }`: the browser's default font
 *   sizes, which is what a person changes with Chrome's "Font size" setting (text-only zoom):
 *   `Page.setFontSizes`. `{ standard: 16, fixed: 13 }` are Chromium's defaults.
 *
 * Each command talks to the test's own page through a DevTools session of its own, kept open
 * while the emulation is on (closing it ends the emulation).
 */
export function a11yCommandsPlugin() {
  /** One DevTools session per test page (the runner's session id). */
  const sessions = new Map();

  async function cdp(session) {
    if (session.browser.type !== 'puppeteer') {
      throw new Error(`a11y commands need Chromium through Puppeteer, not ${session.browser.type}`);
    }
    let client = sessions.get(session.id);
    if (!client) {
      const page = session.browser.getPage(session.id);
      client = await page.createCDPSession();
      sessions.set(session.id, client);
    }
    return client;
  }

  return {
    name: 'a11y-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'emulate-forced-colors') {
        if (typeof payload?.active !== 'boolean') throw new Error('emulate-forced-colors takes { active: boolean }');
        const client = await cdp(session);
        await client.send('Emulation.setEmulatedMedia', {
          media: '',
          features: [{ name: 'forced-colors', value: payload.active ? 'active' : 'none' }],
        });
        return true;
      }
      if (command === 'set-default-font-size') {
        const { standard, fixed } = payload ?? {};
        if (!Number.isInteger(standard) || !Number.isInteger(fixed)) {
          throw new Error('set-default-font-size takes { standard: integer, fixed: integer }');
        }
        const client = await cdp(session);
        await client.send('Page.setFontSizes', { fontSizes: { standard, fixed } });
        return true;
      }
      return undefined;
    },
  };
}
