// The Custom Elements Manifest analyzer: `npm run manifest` writes custom-elements.json from the JSDoc in src/.

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

export default {
  // The public surface: the element, its events and strings, and the registration module.
  globs: ['src/element/*.ts', 'src/index.ts', 'src/openhands-provider-settings.ts'],
  // Internals of the save, loaded on demand: not part of the public surface.
  exclude: ['src/element/save-controller.ts'],
  // scripts/check-manifest.js writes a fresh copy elsewhere to compare with the committed one.
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  // package.json's customElements field is ours; the analyzer would point it at its outdir.
  packagejson: false,
  plugins: [documentedEventsOnly()],
};
