// `npm run lint:package`: checks the package as it would be published, from the packed tarball.
//   - the tarball holds only what a user needs (dist/, custom-elements.json, README, package.json)
//     and everything package.json and the manifest point at;
//   - a React 19 + TypeScript app with the tarball installed type-checks its use of the raw tag;
//   - publint: package.json's fields against the files;
//   - @arethetypeswrong/cli: every entry point's types resolve, as ESM (profile esm-only: the
//     package has no CommonJS build; Node 20.19+ can still `require()` it);
//   - in headless Chromium (scripts/package-in-browser.js): a plain page loading the self-contained
//     file, and a Vue 3 app built with vite, each save a token to the reference server, which
//     stores it.
// It builds dist/ first (as `prepack` does on `npm pack` and `npm publish`), unless `--no-build`.
// One line per check that passed; details only for one that did not.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkInBrowser, installTarball } from './package-in-browser.js';

const dir = mkdtempSync(join(tmpdir(), 'ohps-pack-'));
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { encoding: 'utf8', ...options });

let failed = false;
const fail = (message, details = []) => {
  for (const line of details) console.error(line);
  console.error(`lint:package: ${message}`);
  failed = true;
};
const pass = (message) => console.log(`lint:package: ${message}`);

try {
  // `--no-build`: dist/ is current (npm test builds once for every check that needs it).
  if (!process.argv.includes('--no-build')) run('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  const [packed] = JSON.parse(
    run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const tarball = join(dir, packed.filename);
  const files = packed.files.map((f) => f.path).sort();

  // Only what a user needs.
  const allowed = [
    /^dist\/.+\.(js|js\.map|d\.ts)$/,
    /^custom-elements\.json$/,
    /^vscode\.(html|css)-custom-data\.json$/,
    /^web-types\.json$/,
    /^README\.md$/,
    /^LICENSE$/,
    /^package\.json$/,
  ];
  for (const file of files) {
    if (!allowed.some((re) => re.test(file))) fail(`unexpected file in the package: ${file}`);
  }
  // Everything package.json points at is there.
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const targets = new Set();
  const collect = (value) => {
    if (typeof value === 'string') targets.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(pkg.exports);
  for (const field of ['main', 'types', 'unpkg', 'jsdelivr', 'customElements', 'web-types']) collect(pkg[field]);
  for (const target of targets)
    if (!files.includes(target)) fail(`package.json points at ${target}, which is not in the package`);
  // Every module the manifest names is in the package (tools follow those paths).
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  for (const { path } of manifest.modules)
    if (!files.includes(path)) fail(`custom-elements.json names ${path}, which is not in the package`);
  // The registration modules are the only side effects, and they are shipped.
  for (const entry of pkg.sideEffects) {
    if (!entry.startsWith('./src/') && !files.includes(entry.replace(/^\.\//, '')))
      fail(`sideEffects names ${entry}, which is not in the package`);
  }

  console.log(
    `${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(1)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KiB unpacked`,
  );

  // A React 19 + TypeScript app that installed the tarball uses the raw tag: it type-checks, and a
  // wrong prop does not. The app's other packages are this repository's (nothing is downloaded).
  const app = join(dir, 'react-app');
  installTarball(tarball, app, ['lit', '@lit', 'lit-html', 'lit-element', 'zod', 'react', '@types']);
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        types: [],
      },
      include: ['app.tsx'],
    }),
  );
  writeFileSync(
    join(app, 'app.tsx'),
    `import 'openhands-provider-settings/openhands-provider-settings.js';
import type {} from 'openhands-provider-settings/jsx';
import type { OpenHandsProviderSettings } from 'openhands-provider-settings';

export const App = ({ sessionKey }: { sessionKey: string }) => (
  <>
    <openhands-provider-settings
      sessionKey={sessionKey}
      settings={{ provider_tokens_set: {}, mcp_config: null }}
      onprovider-settings-saved={(e) => e.storedProviders}
      ref={(el: OpenHandsProviderSettings | null) => void el?.submit()}
    />
    {/* @ts-expect-error timeout is a number */}
    <openhands-provider-settings timeout="5" />
  </>
);
`,
  );
  try {
    run(process.execPath, [resolve('node_modules/typescript-7/bin/tsc'), '-p', join(app, 'tsconfig.json')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    pass('a React 19 + TypeScript app type-checks its use of the raw tag');
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    fail('a React 19 + TypeScript app does not type-check with the raw tag');
  }

  // Each tool's report is printed when it finds something; a pass says so in one line.
  const check = (what, cmd, args) => {
    try {
      run(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      pass(`${what}: no problems`);
    } catch (error) {
      process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
      fail(`${what} found problems`);
    }
  };
  check('publint', 'npx', ['publint', 'run', tarball, '--strict']);
  check('@arethetypeswrong/cli', 'npx', [
    'attw',
    tarball,
    '--profile',
    'esm-only',
    '--no-definitely-typed',
    '--format',
    'table-flipped',
  ]);

  // The tarball at work in headless Chromium: a plain page and a Vue 3 app each save a token.
  await checkInBrowser({ tarball, dir, pass, fail });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (failed) process.exit(1);
console.log('lint:package: the package is fine.');
