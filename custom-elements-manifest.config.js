// The Custom Elements Manifest analyzer: `npm run manifest` writes custom-elements.json from the JSDoc in src/,
// and from it the editors' data (vscode.*-custom-data.json, web-types.json).
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

/**
 * The analyzer also guesses events from `dispatchEvent(new SomeEvent(arg))`, naming them after
 * `arg`. Our events are documented with `@fires` (which carry a description): keep only those.
 */
function documentedEventsOnly() {
  return {
    name: 'documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.name && e.description);
        }
      }
    },
  };
}

/**
 * Only what a module exports is its surface: the analyzer also lists some local variables of
 * methods (`loading`, `t` of `render()`).
 */
function exportedOnly() {
  return {
    name: 'exported-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        const exported = new Set((mod.exports ?? []).map((e) => e.declaration?.name ?? e.name));
        if (mod.declarations) mod.declarations = mod.declarations.filter((d) => exported.has(d.name));
      }
    },
  };
}

/**
 * Paths as the package ships them: `src/element/events.ts` is `dist/element/events.js` (the
 * package has no `src/`), so a tool that follows a path finds the module.
 */
function shippedPaths() {
  const shipped = (value) =>
    typeof value === 'string' && /^src\/.*\.[jt]s$/.test(value)
      ? value.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js')
      : value;
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      node[key] = shipped(node[key]);
      walk(node[key]);
    }
  };
  return { name: 'shipped-paths', packageLinkPhase: ({ customElementsManifest }) => walk(customElementsManifest) };
}

/** Where the analyzer and the editor-data plugins write (scripts/check-manifest.js writes elsewhere to compare). */
const outdir = process.env.CEM_OUTDIR ?? '.';

export default {
  // The public surface: the element, its events and strings, and the registration module.
  globs: [
    'src/element/provider-settings.ts',
    'src/element/events.ts',
    'src/element/strings.ts',
    'src/index.ts',
    'src/openhands-provider-settings.ts',
  ],
  // scripts/check-manifest.js writes a fresh copy elsewhere to compare with the committed one.
  outdir,
  litelement: true,
  // package.json's customElements field is ours; the analyzer would point it at its outdir.
  packagejson: false,
  plugins: [
    documentedEventsOnly(),
    exportedOnly(),
    shippedPaths(),
    // Editor data from the manifest: VS Code's HTML and CSS custom data, JetBrains' web-types.
    customElementVsCodePlugin({
      outdir,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
    }),
    customElementJetBrainsPlugin({ outdir, webTypesFileName: 'web-types.json', packageJson: false, hideLogs: true }),
  ],
};
