import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.js';
import { a11yCommandsPlugin } from './scripts/wtr-a11y-commands.js';
import { esmPackagesPlugin } from './scripts/wtr-esm-packages.js';
import { summaryReporter, withoutExpected404s } from './scripts/wtr-summary-reporter.js';
import { referenceServerMiddleware } from './server/koa.js';

/**
 * The strict Content Security Policy test/security/strict-csp.test.ts loads the element under, in
 * an iframe of this page (served here so that the policy is a real response header). `lit-html` is
 * the one Trusted Types policy Lit creates.
 */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
const strictCspPage = async (ctx, next) => {
  if (ctx.path !== '/__strict-csp/') return next();
  ctx.set('Content-Security-Policy', STRICT_CSP);
  ctx.type = 'html';
  ctx.body =
    '<!doctype html><meta charset="utf-8"><title>strict CSP</title><script type="module" src="/test/security/strict-csp-page.ts"></script>';
};

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // Lit's dev-mode warnings stay on (they catch mistakes); only its one-line banner is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    a11ySnapshotPlugin(),
    // Forced colours and the browser's default font size, for test/element/accessibility*.test.ts.
    a11yCommandsPlugin(),
    // React is CommonJS only, so test/react/ gets it as ES modules (and test/contract/ json-merge-patch, also
    // CommonJS); test/vue/ gets Vue's browser build (with its template compiler).
    esmPackagesPlugin({
      bundle: ['react', 'react-dom/client', 'json-merge-patch'],
      alias: { vue: 'vue/dist/vue.esm-browser.js' },
    }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  // The reference server answers /api/* and /__control/* on the same origin as the tests.
  middleware: [referenceServerMiddleware(), strictCspPage],
  // The reference server's tenants (/t/<id>/api/...) and the contract tests' nowhere path 404 on purpose.
  reporters: [
    withoutExpected404s(defaultReporter(), /^(t\/[^/]+\/api\/|__contract-test-nowhere\/)/),
    summaryReporter(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
};
