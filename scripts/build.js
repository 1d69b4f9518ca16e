// `npm run build`: the package in dist/.
//   1. ES modules for apps with a bundler (vite.lib.config.ts, mode "modules")
//   2. the self-contained, minified file for a plain <script type="module"> (mode "bundle"), and
//      the save path it loads on demand, next to it (mode "bundle-save")
//   3. type declarations (tsc -p tsconfig.build.json)
// then prints the self-contained file's size, raw and gzipped (and that of the save path).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const BUNDLE = 'dist/openhands-provider-settings.bundle.js';
const SAVE_CHUNK = 'dist/openhands-provider-settings.bundle-save.js';

rmSync('dist', { recursive: true, force: true });

for (const mode of ['modules', 'bundle', 'bundle-save']) {
  await build({ configFile: 'vite.lib.config.ts', mode, logLevel: 'warn' });
}

// TypeScript 7's compiler (`typescript` is TypeScript 6's API, for typescript-eslint: see eslint.config.js).
execFileSync(process.execPath, ['node_modules/typescript-7/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
for (const [file, note] of [
  [BUNDLE, ''],
  [SAVE_CHUNK, ' (loaded on the first edit or save)'],
]) {
  const code = readFileSync(file);
  console.log(`${file}: ${kb(code.length)} raw, ${kb(gzipSync(code, { level: 9 }).length)} gzip${note}`);
}
