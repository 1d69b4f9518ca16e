// `npm run build`: the package in dist/.
//   1. ES modules for apps with a bundler (vite.lib.config.ts, mode "modules")
//   2. the self-contained, minified build for a plain <script type="module"> (mode "bundle"): the
//      entry and the chunks it loads late, next to it
//   3. type declarations (tsc -p tsconfig.build.json)
// then prints the self-contained build's sizes, and fails if a module went into two of its files
// (nothing is shipped twice).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'vite';
import { bundleSizes } from './bench-size.js';

rmSync('dist', { recursive: true, force: true });

await build({ configFile: 'vite.lib.config.ts', mode: 'modules', logLevel: 'warn' });
const bundled = await build({ configFile: 'vite.lib.config.ts', mode: 'bundle', logLevel: 'warn' });

const chunkOf = new Map();
for (const output of [bundled].flat())
  for (const file of 'output' in output ? output.output : [])
    for (const id of file.type === 'chunk' ? file.moduleIds : []) {
      if (chunkOf.has(id)) {
        console.error(`build: ${id} is in both ${chunkOf.get(id)} and ${file.fileName}`);
        process.exitCode = 1;
      }
      chunkOf.set(id, file.fileName);
    }

// TypeScript 7's compiler (`typescript` is TypeScript 6's API, for typescript-eslint: see eslint.config.js).
execFileSync(process.execPath, ['node_modules/typescript-7/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const sizes = bundleSizes();
for (const f of [...sizes.files, ...sizes.lazy])
  console.log(`${f.file}: ${kb(f.raw)} raw, ${kb(f.gzip)} gzip${sizes.lazy.includes(f) ? ' (loaded late)' : ''}`);
