// Size of the self-contained file, dist/openhands-provider-settings.bundle.js: raw, minified (the
// build already minifies it, so the same bytes), gzip (zlib level 9) and brotli (quality 11).
//
// "What a page loads to render the element" is the entry file plus every chunk it imports
// statically (`import … from "./x.js"`, `import "./x.js"`), followed transitively. Chunks reached
// only through `import("./x.js")` load on demand and are reported apart, not counted.
//
//   node scripts/bench-size.js           print the figures (Markdown)
//   node scripts/bench-size.js --check   also exit 1 when the entry is over the budget (npm run size:check, in npm test)
//   --build                              run `npm run build` first
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(ROOT, 'dist/openhands-provider-settings.bundle.js');
/** The budget of issue 5: the entry at most 24 KB gzip (KB = 1024 bytes). */
export const GZIP_BUDGET = 24 * 1024;

function compressed(bytes) {
  return {
    raw: bytes.length,
    // The bundle is minified by the build; this is the size of those bytes.
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

// Minifiers write specifiers with any quote, backticks included.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;

function importsOf(file, pattern) {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(pattern)].map((m) => resolve(dirname(file), m[1]));
}

/** The entry, its static import closure, and the lazily loaded chunks, each with its sizes. */
export function bundleSizes(entry = BUNDLE) {
  if (!existsSync(entry)) throw new Error(`${relative(ROOT, entry)} is missing: run npm run build first`);
  const eager = new Set([entry]);
  const queue = [entry];
  while (queue.length) {
    for (const dep of importsOf(queue.shift(), STATIC_IMPORT)) {
      if (!eager.has(dep) && existsSync(dep)) {
        eager.add(dep);
        queue.push(dep);
      }
    }
  }
  const lazy = new Set();
  const lazyQueue = [...eager];
  while (lazyQueue.length) {
    const file = lazyQueue.shift();
    for (const dep of [
      ...importsOf(file, DYNAMIC_IMPORT),
      ...(eager.has(file) ? [] : importsOf(file, STATIC_IMPORT)),
    ]) {
      if (!eager.has(dep) && !lazy.has(dep) && existsSync(dep)) {
        lazy.add(dep);
        lazyQueue.push(dep);
      }
    }
  }
  const eagerBytes = Buffer.concat([...eager].map((f) => readFileSync(f)));
  return {
    files: [...eager].map((f) => ({ file: relative(ROOT, f), ...compressed(readFileSync(f)) })),
    // Several files compressed one by one: the sum of each file's compressed size (what travels).
    entry: [...eager]
      .map((f) => compressed(readFileSync(f)))
      .reduce((a, b) => ({
        raw: a.raw + b.raw,
        minified: a.minified + b.minified,
        gzip: a.gzip + b.gzip,
        brotli: a.brotli + b.brotli,
      })),
    entryConcatenatedRaw: eagerBytes.length,
    lazy: [...lazy].map((f) => ({ file: relative(ROOT, f), ...compressed(readFileSync(f)) })),
  };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

export function sizeTable(sizes) {
  const row = (what, s) =>
    `| ${what} | ${s.raw} (${kib(s.raw)}) | ${s.minified} (${kib(s.minified)}) | ${s.gzip} (${kib(s.gzip)}) | ${s.brotli} (${kib(s.brotli)}) |`;
  const lines = ['| file | raw bytes | minified | gzip -9 | brotli q11 |', '|---|---:|---:|---:|---:|'];
  for (const f of sizes.files) lines.push(row(`\`${f.file}\`${sizes.files.length > 1 ? ' (loaded at start)' : ''}`, f));
  if (sizes.files.length > 1) lines.push(row('**loaded to render** (sum)', sizes.entry));
  for (const f of sizes.lazy) lines.push(row(`\`${f.file}\` (lazy)`, f));
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--build')) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const sizes = bundleSizes();
  console.log(sizeTable(sizes));
  const over = sizes.entry.gzip - GZIP_BUDGET;
  const verdict =
    over > 0
      ? `over the budget of ${GZIP_BUDGET} bytes (24 KiB) gzip by ${over} bytes (${kib(over)})`
      : `within the budget of ${GZIP_BUDGET} bytes (24 KiB) gzip, ${-over} bytes to spare`;
  console.log(`\nSelf-contained entry: ${sizes.entry.gzip} bytes gzip, ${verdict}.`);
  if (args.includes('--check') && over > 0) process.exitCode = 1;
}
