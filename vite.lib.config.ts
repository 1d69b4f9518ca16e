// The package's build (`npm run build`, through scripts/build.js). Two outputs from one source:
//
// - `--mode modules`: ES modules, one per source file, for apps with a bundler. lit, zod and
//   @lit/task (dependencies), @lit/react and react (optional peer dependencies) stay imports, so an
//   app carries one copy of each.
// - `--mode bundle`: one minified, self-contained file for a plain `<script type="module">`. It
//   registers the element and carries lit, zod and @lit/task inside.
// - `--mode bundle-save`: the save path that file loads on demand (`import()`), next to it.
//
// vite.config.ts is the demo's dev server; this file is only for the package.
import { defineConfig, parseAst, type Plugin, type UserConfig } from 'vite';

/**
 * Lit keeps the text of a `css` template as written. For the self-contained file, the text of every
 * `css\`...\`` template in src/ is squeezed: comments and indentation out, no spaces around
 * punctuation. `${...}` parts are left as they are. Only whitespace the CSS does not need goes (a
 * space before `:` stays: `a :hover` is not `a:hover`).
 */
export function minifyCssTemplates(): Plugin {
  const squeeze = (text: string): string =>
    text
      .replace(/\/\*[^]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'minify-css-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      return code.replace(/\bcss`([^`]*)`/g, (_, body: string) => {
        const parts = body.split(/(\$\{[^}]*\})/);
        return 'css`' + parts.map((part, i) => (i % 2 ? part : squeeze(part))).join('') + '`';
      });
    },
  };
}

/**
 * The same for Lit's `html\`...\`` templates of src/: a run of whitespace that holds a line break
 * (the source's indentation) becomes one space. HTML treats the two alike wherever `white-space`
 * collapses, which is everywhere in the element's markup (`.error` is `pre-wrap`, and no template
 * breaks a line inside one). Only the templates' own text changes, found through the syntax tree:
 * `${...}` parts and every other string are left as they are.
 */
export function minifyHtmlTemplates(): Plugin {
  interface Node {
    type?: string;
    start: number;
    end: number;
    [key: string]: unknown;
  }
  const ranges = (node: unknown, out: [number, number][]): void => {
    if (Array.isArray(node)) return node.forEach((child) => ranges(child, out));
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'TaggedTemplateExpression') {
      const tag = n.tag as Node & { name?: string };
      if (tag.type === 'Identifier' && tag.name === 'html')
        for (const q of (n.quasi as { quasis: Node[] }).quasis) out.push([q.start, q.end]);
    }
    for (const key of Object.keys(n)) if (key !== 'type' && key !== 'start' && key !== 'end') ranges(n[key], out);
  };
  return {
    name: 'minify-html-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('html`')) return null;
      const found: [number, number][] = [];
      ranges(parseAst(code, { lang: 'ts' }), found);
      let out = code;
      for (const [start, end] of found.sort((a, b) => b[0] - a[0]))
        out = out.slice(0, start) + out.slice(start, end).replace(/[ \t]*\n\s*/g, ' ') + out.slice(end);
      return { code: out, map: null };
    },
  };
}

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

/** The file the self-contained entry loads on demand for a save (src/element/on-demand.ts), next to it. */
export const SAVE_CHUNK = 'openhands-provider-settings.bundle-save';

/**
 * In the self-contained entry, `import('./on-demand.js')` stays a dynamic import of the save file,
 * which is built on its own (mode `bundle-save`): the entry shares no chunk with it, so it is one
 * file that needs nothing else to render. The few small helpers both use (JSON Pointer, own-key
 * reads) are in each.
 */
function saveChunkExternal(): Plugin {
  return {
    name: 'save-chunk-external',
    enforce: 'pre',
    resolveId(source, importer) {
      if (
        source === './on-demand.js' &&
        importer !== undefined &&
        /[\\/]src[\\/]element[\\/]provider-settings\.ts$/.test(importer)
      )
        return { id: `./${SAVE_CHUNK}.js`, external: true };
      return null;
    },
  };
}

const minified: UserConfig['build'] = {
  outDir: 'dist',
  emptyOutDir: false,
  target: 'es2022',
  minify: true,
  // No source map: it would carry lit's and zod's sources too (~650 KB). Debug with the modules.
  sourcemap: false,
  reportCompressedSize: false,
};
// Vite minifies an ES library without removing whitespace (`codegen: false`); this file is for
// browsers as it is, so it gets the whole minifier, and no comments.
const minifiedOutput = {
  entryFileNames: '[name].js',
  minify: { compress: true, mangle: true, codegen: true },
  comments: false,
} as const;

const bundle: UserConfig = {
  plugins: [minifyCssTemplates(), minifyHtmlTemplates(), saveChunkExternal()],
  publicDir: false,
  envDir: false,
  build: {
    ...minified,
    lib: {
      entry: { 'openhands-provider-settings.bundle': 'src/openhands-provider-settings.ts' },
      formats: ['es'],
    },
    rolldownOptions: { output: minifiedOutput },
  },
};

/**
 * @lit/task imports one function, `notEqual`, from @lit/reactive-element. In the save file that
 * import would copy all of ReactiveElement (its module has side effects, so it cannot be shaken
 * out: ~2 KB gzip) next to the entry's own copy; the save file gets Lit's one-line definition
 * instead. Should @lit/task ever import more from there, this build fails on the missing export.
 */
function litTaskNotEqual(): Plugin {
  const id = '\0lit-task-not-equal';
  return {
    name: 'lit-task-not-equal',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === '@lit/reactive-element' && importer !== undefined && /[\\/]@lit[\\/]task[\\/]/.test(importer)
        ? id
        : null;
    },
    load(loaded) {
      return loaded === id ? 'export const notEqual = (value, old) => !Object.is(value, old);' : null;
    },
  };
}

const bundleSave: UserConfig = {
  plugins: [litTaskNotEqual()],
  publicDir: false,
  envDir: false,
  build: {
    ...minified,
    lib: { entry: { [SAVE_CHUNK]: 'src/element/on-demand.ts' }, formats: ['es'] },
    rolldownOptions: { output: minifiedOutput },
  },
};

export default defineConfig(({ mode }) => {
  if (mode === 'modules') return modules;
  if (mode === 'bundle') return bundle;
  if (mode === 'bundle-save') return bundleSave;
  throw new Error(`vite.lib.config.ts: --mode must be "modules", "bundle" or "bundle-save", not "${mode}"`);
});
