// `npm run bench`: builds, serves dist/ and bench/ on 127.0.0.1 with the reference server, drives
// headless Chromium through bench/element.html (the self-contained file) and bench/floor.html
// (the same form in plain DOM), interleaved, and prints Markdown tables: sizes, times with
// element/floor ratios, and the budgets of issue 5. Times are never asserted.
//
//   node scripts/bench.js                    N = 10, 100, 1000; 1 warm-up + 7 measured runs
//   node scripts/bench.js --quick            N = 10; 2 runs, no warm-up (CI: proves it works)
//   --runs=K --n=10,1000 --no-build --json=out.json --profile=keystroke|validate|mount|422 --key-delay=80
//
// One run = for each N, the element and the floor, each in a fresh page (alternating which goes
// first): mount, heap and node count, 20 keystrokes, validate, a 422 with 10,000 items.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { make422Detail, makeBody } from '../bench/fixture.js';
import { createReferenceServer } from '../server/app.js';
import { parsePythonJson } from '../server/python-json.js';
import { parseScript } from '../server/script.js';
import { tenantConfig } from '../server/tenant-options.js';
import { bundleSizes, GZIP_BUDGET, sizeTable } from './bench-size.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => {
  const found = argv.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
};

const QUICK = flag('quick');
const SIZES = option('n', QUICK ? '10' : '10,100,1000')
  .split(',')
  .map(Number);
const RUNS = Number(option('runs', QUICK ? '2' : '7'));
const WARMUP = QUICK ? 0 : Number(option('warmup', '1'));
const KEYS = 'abcdefghijklmnopqrst'; // 20 keystrokes
// Keys come this many ms apart, as from a fast typist (~12 keys a second), not in one burst: work
// a page does between keys (the element's background checks) then meets the keys as a person's
// would, and a save or check right after typing comes when it would for a person.
const KEY_DELAY_MS = Number(option('key-delay', '80'));
const ERRORS_422 = 10_000;
const PROFILE = option('profile', '');
const IMPLS = ['element', 'floor'];
const started = Date.now();

// ------------------------------------------------------------------ build and serve

if (!flag('no-build'))
  execFileSync('node', ['scripts/build.js'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const reference = createReferenceServer();
const server = createServer((req, res) => {
  reference.handle(req, res).then(
    (handled) => {
      if (handled) return;
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      const file = resolve(ROOT, '.' + path);
      const allowed = [join(ROOT, 'dist') + sep, join(ROOT, 'bench') + sep].some((dir) => file.startsWith(dir));
      if (!allowed || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      createReadStream(file).pipe(res);
    },
    () => res.destroy(),
  );
});
// Chromium keeps connections open between pages; a POST sent on one the server is closing at that
// moment fails as a network error. Keep them open longer than the whole benchmark.
server.keepAliveTimeout = 10 * 60_000;
server.headersTimeout = 10 * 60_000 + 1000;
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });

// ------------------------------------------------------------------ one page, one implementation

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
}

async function withProfile(cdp, phase, fn) {
  if (PROFILE !== phase) return fn();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const result = await fn();
  const { profile } = await cdp.send('Profiler.stop');
  profiles.push(profile);
  return result;
}
const profiles = [];

async function session(impl, n, profile) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`[${impl}] ${e.message}`));
  await page.goto(`${origin}/bench/${impl}.html`);
  await page.waitForFunction('window.benchReady === true');
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const heapBefore = await heapUsed(cdp);
  const prof = (phase, fn) => (profile ? withProfile(cdp, phase, fn) : fn());
  const mount = await prof('mount', () => page.evaluate((n) => window.bench.mount(n), n));
  const heapAfter = await heapUsed(cdp);
  const count = await page.evaluate(() => window.bench.count());

  await page.evaluate((keys) => window.bench.startTyping(keys), KEYS);
  const keys = await prof('keystroke', async () => {
    await page.keyboard.type(KEYS, { delay: KEY_DELAY_MS });
    return page.evaluate((k) => window.bench.typed(k), KEYS.length);
  });
  if (keys.wrong) throw new Error(`${impl} N=${n}: ${keys.wrong} keystrokes did not show the typed value`);

  const validate = await prof('validate', () => page.evaluate(() => window.bench.validate()));
  if (!validate.valid) throw new Error(`${impl} N=${n}: the fixture did not validate`);
  // What POST /__control/tenants and /__control/tenants/{id}/script do, in-process: the answer
  // (~1.9 MB) is over the control endpoint's 1 MiB limit.
  const tenant = reference.tenants.create(tenantConfig(new Map()));
  const answer = JSON.stringify({ detail: make422Detail(makeBody(n), ERRORS_422) });
  tenant.script.push(
    ...parseScript(
      parsePythonJson(JSON.stringify({ responses: [{ status: 422, body: answer, contentType: 'application/json' }] })),
    ),
  );
  const e422 = await prof('422', () => page.evaluate((url) => window.bench.apply422(url), tenant.baseUrl));
  reference.tenants.delete(tenant.id);
  if (e422.kind !== 'validation' || e422.shown !== ERRORS_422)
    throw new Error(`${impl} N=${n}: the 422 gave ${e422.kind} (${e422.message}) with ${e422.shown} summary entries`);
  await page.close();
  const sorted = [...keys.samples].sort((a, b) => a - b);
  const script = [...keys.script].sort((a, b) => a - b);
  return {
    mountMs: mount.mountMs,
    mountDomMs: mount.domMs,
    heapMB: heapAfter / 1e6,
    heapDeltaMB: (heapAfter - heapBefore) / 1e6,
    nodes: count.nodes,
    elements: count.elements,
    keyMs: sorted[Math.floor(sorted.length / 2)],
    keyMaxMs: sorted[sorted.length - 1],
    keyScriptMs: script[Math.floor(script.length / 2)],
    validateMs: validate.totalMs,
    validateSyncMs: validate.syncMs,
    e422Ms: e422.totalMs,
    e422PlacedMs: e422.placedMs,
  };
}

// ------------------------------------------------------------------ runs, interleaved

/** results[impl][n][metric] = one value per measured run */
const results = Object.fromEntries(IMPLS.map((impl) => [impl, Object.fromEntries(SIZES.map((n) => [n, {}]))]));
for (let run = 0; run < WARMUP + RUNS; run += 1) {
  const measured = run >= WARMUP;
  for (const n of SIZES) {
    const order = run % 2 === 0 ? IMPLS : [...IMPLS].reverse();
    for (const impl of order) {
      const profile = PROFILE !== '' && impl === 'element' && n === Math.max(...SIZES) && run === WARMUP + RUNS - 1;
      const r = await session(impl, n, profile);
      if (!measured) continue;
      for (const [metric, value] of Object.entries(r)) (results[impl][n][metric] ??= []).push(value);
    }
  }
  process.stderr.write(
    `${measured ? 'run' : 'warm-up'} ${measured ? run - WARMUP + 1 : run + 1}/${measured ? RUNS : WARMUP} done\n`,
  );
}
const chromium = await browser.version();
await browser.close();
reference.close();
server.close();

// ------------------------------------------------------------------ report

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const min = (xs) => Math.min(...xs);
const stat = (impl, n, metric) => ({ median: median(results[impl][n][metric]), min: min(results[impl][n][metric]) });
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');

const METRICS = [
  ['mountMs', 'mount + first render (to layout), ms', ms],
  ['mountDomMs', '  of which DOM built (before layout), ms', ms],
  ['keyMs', 'keystroke, median of 20 (to layout), ms', ms],
  ['keyScriptMs', '  of which events + update (before layout), ms', ms],
  ['keyMaxMs', 'keystroke, slowest of 20 (to layout), ms', ms],
  ['validateMs', 'validate everything (to rendered + layout), ms', ms],
  ['validateSyncMs', '  of which the call (model, no render), ms', ms],
  ['e422Ms', `422 with ${ERRORS_422.toLocaleString('en')} items, answer → rendered + layout, ms`, ms],
  ['e422PlacedMs', '  of which parse + place (before render), ms', ms],
  ['heapMB', 'JS heap after mount (after GC), MB', (x) => x.toFixed(2)],
  ['heapDeltaMB', '  growth from the empty page, MB', (x) => x.toFixed(2)],
  ['nodes', 'DOM nodes (incl. shadow, text, comments)', (x) => String(Math.round(x))],
  ['elements', 'DOM elements', (x) => String(Math.round(x))],
];

const lines = [];
const out = (s = '') => lines.push(s);
const sizes = bundleSizes();
out(`## Self-contained file`);
out();
out(sizeTable(sizes));
out();
out(
  `## Times (median and minimum of ${RUNS} runs${WARMUP ? ` after ${WARMUP} warm-up` : ''}; floor = plain DOM, no framework)`,
);
out();
out('| metric | N | element median | element min | floor median | floor min | element / floor (median) |');
out('|---|---:|---:|---:|---:|---:|---:|');
for (const [metric, label, fmt] of METRICS) {
  for (const n of SIZES) {
    const e = stat('element', n, metric);
    const f = stat('floor', n, metric);
    out(
      `| ${label.trim()}${label.startsWith('  ') ? ' ↑' : ''} | ${n} | ${fmt(e.median)} | ${fmt(e.min)} | ${fmt(f.median)} | ${fmt(f.min)} | ${ratio(e.median, f.median)} |`,
    );
  }
}
out();

const big = Math.max(...SIZES);
const small = Math.min(...SIZES);
const e = (n, m) => stat('element', n, m).median;
const f = (n, m) => stat('floor', n, m).median;
const budgets = [
  ['what shows the form ≤ 24 KiB gzip', `${sizes.entry.gzip} B`, sizes.entry.gzip <= GZIP_BUDGET],
  [
    `keystroke at N = ${big} ≤ 2× floor`,
    ratio(e(big, 'keyMs'), f(big, 'keyMs')),
    e(big, 'keyMs') <= 2 * f(big, 'keyMs'),
  ],
  [
    `keystroke at N = ${big} ≤ 1.5× N = ${small} (to layout)`,
    ratio(e(big, 'keyMs'), e(small, 'keyMs')),
    e(big, 'keyMs') <= 1.5 * e(small, 'keyMs'),
  ],
  [
    `keystroke at N = ${big} ≤ 1.5× N = ${small} (events + update, before layout)`,
    ratio(e(big, 'keyScriptMs'), e(small, 'keyScriptMs')),
    e(big, 'keyScriptMs') <= 1.5 * e(small, 'keyScriptMs'),
  ],
  [
    `  the floor, for comparison: N = ${big} / N = ${small} to layout`,
    ratio(f(big, 'keyMs'), f(small, 'keyMs')),
    f(big, 'keyMs') <= 1.5 * f(small, 'keyMs'),
  ],
  [
    `mount at N = ${big} ≤ 2× floor`,
    ratio(e(big, 'mountMs'), f(big, 'mountMs')),
    e(big, 'mountMs') <= 2 * f(big, 'mountMs'),
  ],
  [`validate at N = ${big} < 5 ms (to rendered)`, `${ms(e(big, 'validateMs'))} ms`, e(big, 'validateMs') < 5],
  [
    `validate at N = ${big} < 5 ms (model: the call alone)`,
    `${ms(e(big, 'validateSyncMs'))} ms`,
    e(big, 'validateSyncMs') < 5,
  ],
  [`422 with 10,000 items at N = ${big} < 50 ms (to rendered)`, `${ms(e(big, 'e422Ms'))} ms`, e(big, 'e422Ms') < 50],
];
out(`## Budgets (medians; reported, not asserted)`);
out();
if (QUICK)
  out(
    `Quick mode: a smoke run (N = ${SIZES.join(', ')}, ${RUNS} runs). The issue's budgets are about N = 1000; run \`npm run bench\`.\n`,
  );
out('| budget | measured | met |');
out('|---|---:|:---:|');
for (const [what, value, met] of budgets) out(`| ${what} | ${value} | ${met ? 'yes' : '**no**'} |`);
out();
const mem = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`;
out(
  `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${mem} RAM, ${os.type()} ${os.release()}; ${chromium} (headless); Node ${process.version}. ${((Date.now() - started) / 1000).toFixed(0)} s.`,
);
console.log(lines.join('\n'));

if (profiles.length) {
  // Self time per function over the profiled phase, top 25.
  const self = new Map();
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const dt = profile.timeDeltas;
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      const key = `${functionName || '(anonymous)'} ${url ? url.split('/').pop() : ''}:${lineNumber + 1}:${columnNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    });
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\n## Profile of "${PROFILE}" (element, N = ${big}, last run): self time, top 25 of ${total.toFixed(1)} ms\n`,
  );
  console.log('| ms | % | function |');
  console.log('|---:|---:|---|');
  for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`| ${t.toFixed(1)} | ${((100 * t) / total).toFixed(1)} | \`${key}\` |`);
}
const json = option('json', '');
if (json) writeFileSync(json, JSON.stringify({ sizes, results, chromium, node: process.version }, null, 2));
