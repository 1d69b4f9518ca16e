// The package's build (`npm run build`, through scripts/build.js). Two outputs from one source:
//
// - `--mode modules`: ES modules, one per source file, for apps with a bundler. lit, zod, @lit/task,
//   @lit/react and react stay imports (the package's dependencies and peer dependency), so an app
//   carries one copy of each.
// - `--mode bundle`: one minified, self-contained file for a plain `<script type="module">`. It
//   registers the element and carries lit, zod and @lit/task inside.
//
// vite.config.ts is the demo's dev server; this file is only for the package.
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
      output: { entryFileNames: '[name].js' },
    },
  },
};

export default defineConfig(({ mode }) => {
  if (mode === 'modules') return modules;
  if (mode === 'bundle') return bundle;
  throw new Error(`vite.lib.config.ts: --mode must be "modules" or "bundle", not "${mode}"`);
});
