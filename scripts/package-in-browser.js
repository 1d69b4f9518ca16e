// The packed tarball in headless Chromium, as two kinds of host use it (scripts/lint-package.js
// runs this after its static checks, on the tarball it packed):
//   - a plain HTML page: the self-contained file (package.json's `unpkg`) in a
//     <script type="module">, the unpacked package served whole (the late chunks sit next to it in
//     dist/, under names the test does not know);
//   - a Vue 3 app that installed the tarball, written as the README says (the registration module
//     imported, `isCustomElement`, `.sessionKey`), its template compiled at run time (Vue's
//     esm-bundler build: @vitejs/plugin-vue is not installed), built with vite's JS API.
// Each site is served on 127.0.0.1 (a free port) with the reference server of this process on the
// same origin. The test types a GitHub token into the element's field (through its shadow root),
// clicks Save, waits for the host to show the saved event, and reads through the reference
// server's controls what it stored. The token and the session key are random and never printed:
// every detail shown on failure has them replaced.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { createReferenceServer } from '../server/app.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NAME = 'openhands-provider-settings';
const TIMEOUT_MS = 15_000;
const TOKEN_FIELD = `${NAME} >>> input[data-path="/provider_tokens/github/token"]`;
const SAVE_BUTTON = `${NAME} >>> [part="save-button"]`;

/**
 * Unpacks `tarball` into `app`/node_modules/openhands-provider-settings and links `deps` (what
 * exists of them) from this repository's node_modules: an app that installed the package, offline.
 */
export function installTarball(tarball, app, deps) {
  const installed = join(app, 'node_modules', NAME);
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  for (const dep of deps.filter((d) => existsSync(join(ROOT, 'node_modules', d)))) {
    mkdirSync(dirname(join(app, 'node_modules', dep)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), join(app, 'node_modules', dep));
  }
  return installed;
}

// What the element imports (lit, zod, @lit/task): dependencies an app installs with it.
const ELEMENT_DEPS = ['lit', '@lit', 'lit-html', 'lit-element', 'zod'];

/**
 * Runs both hosts. `pass(line)` once per check that passed; `fail(message, details)` for one
 * that did not (details: lines, secrets already replaced).
 */
export async function checkInBrowser({ tarball, dir, pass, fail }) {
  const plain = preparePlainPage(tarball, join(dir, 'plain-page'));
  // Built before the browser starts: on two cores, vite and Chromium starting together slow both.
  const vue = await buildVueApp(tarball, join(dir, 'vue-app'), join(dir, 'vue-site')).catch((error) => ({ error }));
  let browser;
  try {
    browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    fail(`headless Chromium (${CHROMIUM_PATH}) did not start`, [error.message]);
    return;
  }
  try {
    const page = await saveFromHost(browser, plain.root);
    if (page.problems.length) fail(`a plain page with ${plain.entry} did not work`, page.details);
    else
      pass(
        `a plain page with <script type="module" src=".../${plain.entry}"> saved a GitHub token; the server stored it; the session key is in no attribute`,
      );

    if (vue.error) fail('a Vue 3 app with the tarball installed did not build with vite', [String(vue.error)]);
    else {
      const app = await saveFromHost(browser, vue.root);
      if (app.problems.length) fail('a Vue 3 app with the tarball installed did not work', app.details);
      else
        pass(
          'a Vue 3 app (vite build, isCustomElement, .sessionKey) saved a GitHub token; the server stored it; the app got the saved event; the session key is in no attribute',
        );
    }
  } finally {
    await browser.close();
  }
}

// ------------------------------------------------------------------ the two hosts

/** The unpacked package under vendor/ (as a CDN serves it), and a page that loads its `unpkg` file. */
function preparePlainPage(tarball, root) {
  const pkgDir = join(root, 'vendor', NAME);
  mkdirSync(pkgDir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
  const entry = String(JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).unpkg ?? '').replace(/^\.\//, '');
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>A plain page</title>
    <script type="module" src="./vendor/${NAME}/${entry}?v=1"></script>
  </head>
  <body>
    <${NAME}></${NAME}>
    <p id="log"></p>
    <script type="module">
      // The entry under a query string, as pages version it: the chunks it loads late must not
      // load a second copy of it (their saved event would not be the page's class).
      import { ProviderSettingsSavedEvent } from './vendor/${NAME}/${entry}?v=1';
      const el = document.querySelector('${NAME}');
      const log = document.querySelector('#log');
      el.baseUrl = location.origin;
      el.sessionKey = window.hostConfig.sessionKey;
      el.addEventListener('provider-settings-saved', (e) =>
        (log.textContent = (e instanceof ProviderSettingsSavedEvent ? 'saved: ' : 'saved by a second copy: ') + e.storedProviders.join(',')));
      el.addEventListener('provider-settings-failed', (e) => (log.textContent = 'failed: ' + e.kind));
    </script>
  </body>
</html>
`,
  );
  return { root, entry };
}

/** A Vue 3 app with the tarball installed, built by vite into `outDir`. */
async function buildVueApp(tarball, app, outDir) {
  installTarball(tarball, app, [...ELEMENT_DEPS, 'vue', '@vue']);
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>A Vue 3 app</title>
  </head>
  <body>
    <div id="app"></div>
    <script type="module" src="./main.js"></script>
  </body>
</html>
`,
  );
  writeFileSync(
    join(app, 'main.js'),
    `import { createApp, ref } from 'vue';
import '${NAME}/${NAME}.js';

const app = createApp({
  setup() {
    const log = ref('');
    return {
      baseUrl: location.origin,
      sessionKey: window.hostConfig.sessionKey,
      log,
      onSaved: (e) => (log.value = 'saved: ' + e.storedProviders.join(',')),
      onFailed: (e) => (log.value = 'failed: ' + e.kind),
    };
  },
  template: \`
    <${NAME} :base-url="baseUrl" .sessionKey="sessionKey"
      @provider-settings-saved="onSaved" @provider-settings-failed="onFailed" />
    <p id="log">{{ log }}</p>\`,
});
app.config.compilerOptions.isCustomElement = (tag) => tag === '${NAME}';
app.mount('#app');
`,
  );
  await build({
    root: app,
    configFile: false,
    envDir: false,
    publicDir: false,
    logLevel: 'error',
    // Templates compiled in the browser need Vue's build with the compiler.
    resolve: { alias: [{ find: /^vue$/, replacement: 'vue/dist/vue.esm-bundler.js' }] },
    define: {
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
  return { root: outDir };
}

// ------------------------------------------------------------------ one save, from a host page

/**
 * Serves `root` with a fresh reference server, opens it, types a token, saves, and checks what the
 * server stored. Returns the problems found and the (redacted) details to print with them.
 */
async function saveFromHost(browser, root) {
  const sessionKey = `session-${randomBytes(12).toString('hex')}`;
  const token = `ghp_${randomBytes(16).toString('hex')}`;
  const redact = (text) => String(text).replaceAll(sessionKey, '<session key>').replaceAll(token, '<token>');
  const site = await serve(root, { sessionKey });
  const problems = [];
  const messages = [];
  let context;
  try {
    context = await browser.createBrowserContext();
    const page = await context.newPage();
    // A script that throws fails the check at once, instead of at the next wait's timeout.
    let thrown;
    const pageThrew = new Promise((_, reject) => (thrown = reject));
    pageThrew.catch(() => {});
    page.on('pageerror', (error) => {
      messages.push(`page error: ${error.message}`);
      thrown(new Error('the page threw'));
    });
    page.on('console', (message) => {
      // `api="auto"` (the default) asks `GET api/v1/settings` first: a V0 server's 404 there is how it
      // finds out it is not the V1 app server, and Chromium logs every 404 it fetches.
      const probe = message.location()?.url?.endsWith('/api/v1/settings') && /status of 404/.test(message.text());
      if (['error', 'warn'].includes(message.type()) && !probe)
        messages.push(`console.${message.type()}: ${message.text()}`);
    });
    const step = (what, promise) =>
      Promise.race([promise, pageThrew]).catch((error) => {
        throw new Error(`${what}: ${error.message}`);
      });
    await page.evaluateOnNewDocument((key) => (window.hostConfig = { sessionKey: key }), sessionKey);
    await step('opening the page', page.goto(`${site.origin}/`, { waitUntil: 'load' }));

    const field = await step('the GitHub token field', page.waitForSelector(TOKEN_FIELD, { timeout: TIMEOUT_MS }));
    await step('typing the token', field.type(token));
    const save = await step('the Save button', page.waitForSelector(SAVE_BUTTON, { timeout: TIMEOUT_MS }));
    await step('clicking Save', save.click());
    const log = await step(
      'waiting for the host to show the saved (or failed) event',
      page
        .waitForFunction(() => document.querySelector('#log')?.textContent.trim() || false, { timeout: TIMEOUT_MS })
        .then((handle) => handle.jsonValue()),
    );
    if (log !== 'saved: github') problems.push(`the host page shows ${JSON.stringify(log)}, not "saved: github"`);

    const state = await (await fetch(`${site.origin}/__control/tenants/default`)).json();
    const stored = state.provider_tokens ?? {};
    if (Object.keys(stored).join() !== 'github')
      problems.push(`the server stores tokens for [${Object.keys(stored).join(', ')}], not [github]`);
    else if (stored.github.token !== token) problems.push('the server stores a GitHub token other than the one typed');
    else if (stored.github.host !== null) problems.push(`the server stores the GitHub host ${stored.github.host}`);

    const inAttributes = await page.evaluate(
      (key, name) => {
        const found = [];
        const visit = (root) => {
          for (const el of root.querySelectorAll('*')) {
            for (const { name: attr, value } of el.attributes)
              if (attr.includes(key) || value.includes(key) || (el.localName === name && attr.includes('session')))
                found.push(`<${el.localName} ${attr}>`);
            if (el.shadowRoot) visit(el.shadowRoot);
          }
        };
        visit(document);
        return found;
      },
      sessionKey,
      NAME,
    );
    if (inAttributes.length) problems.push(`the session key is in attributes: ${inAttributes.join(' ')}`);
    if (messages.length) problems.push('the page logged errors or warnings');
  } catch (error) {
    problems.push(error.message);
  } finally {
    await context?.close();
    await site.close();
  }
  const details = problems.length
    ? [...problems, ...messages, 'requests:', ...site.requests.map((r) => `  ${r}`)].map(redact)
    : [];
  return { problems, details };
}

// ------------------------------------------------------------------ a static site with the reference server

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** `root`'s files and the reference server (default tenant: `options`) on 127.0.0.1, a free port. */
async function serve(root, options) {
  const reference = createReferenceServer(options);
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.on('finish', () => requests.push(`${req.method} ${url.pathname} ${res.statusCode}`));
    reference.handle(req, res).then(
      (handled) => {
        if (handled) return;
        let file;
        try {
          file = resolve(root, '.' + decodeURIComponent(url.pathname));
        } catch {
          file = '';
        }
        if (file === root || url.pathname.endsWith('/')) file = join(file, 'index.html');
        if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
      },
      () => res.destroy(),
    );
  });
  await new Promise((ok, ko) => {
    server.once('error', ko);
    server.listen(0, '127.0.0.1', ok);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () =>
      new Promise((ok) => {
        reference.close();
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}
