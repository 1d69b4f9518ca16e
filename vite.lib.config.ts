// The package's build (`npm run build`, through scripts/build.js). Two outputs from one source:
//
// - `--mode modules`: ES modules, one per source file, for apps with a bundler. lit, zod and
//   @lit/task (dependencies), @lit/react and react (optional peer dependencies) stay imports, so an
//   app carries one copy of each.
// - `--mode bundle`: minified and self-contained, for a plain `<script type="module">`: the entry
//   is a facade over one shared chunk (Lit, the element, the model) that registers the element;
//   what loads late (`import()`: the checks and the save, the import / export panel) are chunks
//   next to it that import the shared chunk too.
//
// vite.config.ts is the demo's dev server; this file is only for the package.
import { literalsHtmlCssMinifier } from '@literals/rollup-plugin-html-css-minifier';
import { resolve } from 'node:path';
import type { ChunkingContext } from 'rolldown';
import { defineConfig, type UserConfig } from 'vite';

const external = [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/, /^react(\/|$)/, /^react-dom(\/|$)/];

const modules: UserConfig = {
  // No public/ folder, no .env files: the package is built from src/ alone.
  publicDir: false,
  envDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        'openhands-provider-settings': 'src/openhands-provider-settings.ts',
        react: 'src/react.ts',
        messages: 'src/messages.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        // dist/ mirrors src/. Helpers the compiler adds (the decorator helper) would otherwise be
        // named after their versioned package path: give them a short, stable one.
        entryFileNames: (chunk) =>
          chunk.name.startsWith('_virtual/') ? `_virtual/${chunk.name.split('/').pop()}.js` : '[name].js',
      },
    },
  },
};

const BUNDLE_ENTRY = resolve('src/openhands-provider-settings.ts');
let fromEntry: Set<string> | undefined;

/** Whether the module is in the entry's static import graph (worked out once per build). */
function staticallyFromEntry(id: string, ctx: ChunkingContext): boolean {
  if (!fromEntry) {
    fromEntry = new Set();
    const queue = [BUNDLE_ENTRY];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      if (fromEntry.has(next)) continue;
      fromEntry.add(next);
      queue.push(...(ctx.getModuleInfo(next)?.importedIds ?? []));
    }
  }
  return fromEntry.has(id);
}

const bundle: UserConfig = {
  // Lit keeps the text of its `html` and `css` templates as written: this minifies it (markup by
  // html-minifier-next, styles by lightningcss). Before TypeScript is compiled, so it sees the
  // templates; a template it cannot read fails the build. Only what parses to the same DOM: spaces
  // between tags collapse to one (not away), empty attributes stay, and quotes go only where the
  // value parses the same without them (`class=field`; Lit reads unquoted bindings too).
  plugins: [
    {
      ...literalsHtmlCssMinifier({
        include: ['src/**/*.ts'],
        failOnError: true,
        options: {
          minifyOptions: { conservativeCollapse: true, removeEmptyAttributes: false, removeAttributeQuotes: true },
        },
      }),
      enforce: 'pre',
    },
  ],
  publicDir: false,
  envDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    // Two minifiers, each for what it does best: terser's compressor first (it inlines functions
    // and constants used once, which Lit's and the element's code have many of), without renaming;
    // then oxc (`output.minify` below) compresses again, renames and prints. ~180 bytes gzip less
    // than oxc alone to show the form, ~300 in the late chunks. terser is a devDependency.
    minify: 'terser',
    terserOptions: { compress: { passes: 2 }, mangle: false },
    // No source map: it would carry lit's and zod's sources too (~650 KB). Debug with the modules.
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: { 'openhands-provider-settings.bundle': 'src/openhands-provider-settings.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      // Imported constants (`KEY_SEGMENT`, `SUMMARY_LIMIT`...) written where they are used, everywhere
      // (rolldown's default only inlines them in conditions).
      optimization: { inlineConst: true },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'ohps-[name]-[hash].js',
        // Everything the entry imports statically goes into one shared chunk, which the late
        // chunks import too: each file then reaches it at the same address, however the page
        // addressed the entry (a query string, a CDN's redirect), so Lit and the element run once.
        // The entry is left a facade that imports it and exports the public names.
        codeSplitting: {
          groups: [{ debugName: 'core', name: (id, ctx) => (staticallyFromEntry(id, ctx) ? 'core' : null) }],
        },
        // Vite minifies an ES library without removing whitespace (`codegen: false`); these files
        // are for browsers as they are, so they get the whole minifier, and no comments.
        minify: { compress: true, mangle: true, codegen: true },
        comments: false,
      },
    },
  },
};

export default defineConfig(({ mode }) => {
  if (mode === 'modules') return modules;
  if (mode === 'bundle') return bundle;
  throw new Error(`vite.lib.config.ts: --mode must be "modules" or "bundle", not "${mode}"`);
});
