// Size of the self-contained build, dist/openhands-provider-settings.bundle.js and the chunks it
// loads: raw, minified (the build already minifies them, so the same bytes), gzip (zlib level 9)
// and brotli (quality 11). Two budgets (BENCHMARKS.md, "Size"):
//
// - what a page loads to show the form: the entry file plus every chunk it imports statically
//   (`import … from "./x.js"`, `import "./x.js"`), followed transitively: ≤ 24 KiB gzip;
// - everything the element can load: that, plus every chunk reached through `import("./x.js")`:
//   ≤ 40 KiB gzip. No byte is in two files (scripts/build.js checks that no module is).
//
//   node scripts/bench-size.js           print the figures (Markdown)
//   node scripts/bench-size.js --check   also exit 1 when what shows the form is over its budget (npm test)
//   --build                              run `npm run build` first
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(ROOT, 'dist/openhands-provider-settings.bundle.js');
/** What a page loads to show the form, at most 24 KiB gzip. */
export const GZIP_BUDGET = 24 * 1024;
/** Everything the element can load, at most 40 KiB gzip. */
export const ALL_GZIP_BUDGET = 40 * 1024;

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
    entry: sum([...eager].map((f) => compressed(readFileSync(f)))),
    entryConcatenatedRaw: eagerBytes.length,
    lazy: [...lazy].map((f) => ({ file: relative(ROOT, f), ...compressed(readFileSync(f)) })),
    /** Everything the element can load: the entry's files and every late chunk, each compressed on its own. */
    all: sum([...eager, ...lazy].map((f) => compressed(readFileSync(f)))),
  };
}

function sum(sizes) {
  return sizes.reduce((a, b) => ({
    raw: a.raw + b.raw,
    minified: a.minified + b.minified,
    gzip: a.gzip + b.gzip,
    brotli: a.brotli + b.brotli,
  }));
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

export function sizeTable(sizes) {
  const row = (what, s) =>
    `| ${what} | ${s.raw} (${kib(s.raw)}) | ${s.minified} (${kib(s.minified)}) | ${s.gzip} (${kib(s.gzip)}) | ${s.brotli} (${kib(s.brotli)}) |`;
  const lines = ['| file | raw bytes | minified | gzip -9 | brotli q11 |', '|---|---:|---:|---:|---:|'];
  for (const f of sizes.files) lines.push(row(`\`${f.file}\`${sizes.files.length > 1 ? ' (loaded at start)' : ''}`, f));
  if (sizes.files.length > 1) lines.push(row('**loaded to render** (sum)', sizes.entry));
  for (const f of sizes.lazy) lines.push(row(`\`${f.file}\` (lazy)`, f));
  if (sizes.lazy.length > 0) lines.push(row('**everything** (sum)', sizes.all));
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--build')) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const sizes = bundleSizes();
  console.log(sizeTable(sizes));
  const verdict = (what, size, budget) => {
    const over = size - budget;
    return `${what}: ${size} bytes gzip, ${
      over > 0
        ? `over the budget of ${budget} bytes (${kib(budget)}) by ${over} bytes`
        : `within the budget of ${budget} bytes (${kib(budget)}), ${-over} bytes to spare`
    }.`;
  };
  console.log(`\n${verdict('To show the form', sizes.entry.gzip, GZIP_BUDGET)}`);
  console.log(verdict('Everything the element can load', sizes.all.gzip, ALL_GZIP_BUDGET));
  // The second budget is not met yet (BENCHMARKS.md says what stands in the way): reported, not enforced.
  if (args.includes('--check') && sizes.entry.gzip > GZIP_BUDGET) process.exitCode = 1;
}
