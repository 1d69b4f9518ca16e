// The package's build (`npm run build`, through scripts/build.js). Two outputs from one source:
//
// - `--mode modules`: ES modules, one per source file, for apps with a bundler. lit, zod and
//   @lit/task (dependencies), @lit/react and react (optional peer dependencies) stay imports, so an
//   app carries one copy of each.
// - `--mode bundle`: minified and self-contained, for a plain `<script type="module">`: the entry
//   registers the element and carries Lit; what loads late (`import()`: the checks and the save,
//   the import / export panel) are chunks next to it that import Lit and the rest from it.
//
// vite.config.ts is the demo's dev server; this file is only for the package.
import { literalsHtmlCssMinifier } from '@literals/rollup-plugin-html-css-minifier';
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

const bundle: UserConfig = {
  // Lit keeps the text of its `html` and `css` templates as written: this minifies it (markup by
  // html-minifier-next, styles by lightningcss). Before TypeScript is compiled, so it sees the
  // templates; a template it cannot read fails the build.
  plugins: [
    {
      ...literalsHtmlCssMinifier({
        include: ['src/**/*.ts'],
        failOnError: true,
        options: { minifyOptions: { conservativeCollapse: true, removeEmptyAttributes: false } },
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
    minify: true,
    // No source map: it would carry lit's and zod's sources too (~650 KB). Debug with the modules.
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: { 'openhands-provider-settings.bundle': 'src/openhands-provider-settings.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      // The entry may export more than its module does: what the late chunks import from it (Lit,
      // the model). Without this, what both use would be a third file every page loads.
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'openhands-provider-settings.[name]-[hash].js',
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
