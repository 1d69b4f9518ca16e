// A Web Test Runner plugin that serves packages the browser cannot load as they are published.
//
// - `bundle`: CommonJS packages (React publishes only CommonJS). On the first request, vite (the
//   project's bundler, rolldown inside) turns them into ES modules in memory, in development mode,
//   sharing one copy of each dependency (react-dom/client and the test get the same React). Named
//   exports are listed from what Node sees in the package, since a bundler cannot guess the names
//   a CommonJS module exports.
// - `alias`: a bare specifier served from another file of an installed package, e.g. `vue` from
//   Vue's self-contained browser build (with the template compiler, no `process.env`).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PREFIX = '/__esm-packages__/';
const VIRTUAL = '\0esm-packages:';

/**
 * @param {{ bundle?: string[], alias?: Record<string, string>, rootDir?: string }} options
 * @returns {import('@web/dev-server-core').Plugin}
 */
export function esmPackagesPlugin({ bundle = [], alias = {}, rootDir = process.cwd() } = {}) {
  const require = createRequire(join(rootDir, 'package.json'));
  const entryName = (specifier) => specifier.replace(/[^a-z0-9]+/gi, '_');
  /** @type {Promise<Map<string, string>> | undefined} */
  let built;

  // Loaded in a child process: the packages run on import (React patches `console`), and the
  // test runner's own process is no place for that.
  function exportNames() {
    const script = `const out = {};
      for (const [specifier, file] of ${JSON.stringify(bundle.map((s) => [s, pathToFileURL(require.resolve(s)).href]))})
        out[specifier] = Object.keys(await import(file));
      process.stdout.write(JSON.stringify(out));`;
    return JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: rootDir, encoding: 'utf8' }),
    );
  }

  async function buildAll() {
    const { build } = await import('vite');
    const entries = {};
    for (const [specifier, names] of Object.entries(exportNames())) {
      const valid = names.filter((name) => name === 'default' || /^[A-Za-z_$][\w$]*$/.test(name));
      entries[entryName(specifier)] = `export { ${valid.join(', ')} } from ${JSON.stringify(specifier)};`;
    }
    const result = await build({
      configFile: false,
      root: rootDir,
      mode: 'development',
      logLevel: 'silent',
      publicDir: false,
      envDir: false,
      define: { 'process.env.NODE_ENV': '"development"' },
      plugins: [
        {
          name: 'esm-packages-entries',
          resolveId: (id) => (id.startsWith(VIRTUAL) ? id : undefined),
          load: (id) => (id.startsWith(VIRTUAL) ? entries[id.slice(VIRTUAL.length)] : undefined),
        },
      ],
      build: {
        write: false,
        minify: false,
        target: 'es2022',
        reportCompressedSize: false,
        modulePreload: false,
        rolldownOptions: {
          input: Object.fromEntries(Object.keys(entries).map((name) => [name, VIRTUAL + name])),
          preserveEntrySignatures: 'strict',
          output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
        },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
    return new Map(outputs.filter((o) => o.type === 'chunk').map((chunk) => [chunk.fileName, chunk.code]));
  }

  return {
    name: 'esm-packages',
    resolveImport({ source }) {
      if (bundle.includes(source)) return `${PREFIX}${entryName(source)}.js`;
      if (source in alias) return `/${join('node_modules', alias[source]).replaceAll('\\', '/')}`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      built ??= buildAll();
      const code = (await built).get(context.path.slice(PREFIX.length));
      return code === undefined ? undefined : { body: code, type: 'js' };
    },
  };
}
