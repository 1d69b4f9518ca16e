/**
 * ESLint: TypeScript (typescript-eslint's recommended rules), Lit templates (eslint-plugin-lit),
 * custom elements (eslint-plugin-wc) and the accessibility of templates (eslint-plugin-lit-a11y).
 * Formatting is Prettier's (`npm run format`), not ESLint's.
 *
 * typescript-eslint reads TypeScript through its JavaScript API, which TypeScript 7 does not have:
 * `typescript` in package.json is TypeScript 6's API (`@typescript/typescript6`), and the compiler
 * the project builds and type-checks with is TypeScript 7 (`typescript-7`).
 */
import js from '@eslint/js';
import { configs as lit } from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import { configs as wc } from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'custom-elements.json', 'docs/screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts', 'bench/**/*.js', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Node scripts that hand functions to a browser page (puppeteer's `evaluate`).
    files: ['scripts/bench.js', 'scripts/screenshots.js', 'scripts/package-in-browser.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Chai's assertions are property reads: `expect(x).to.exist`.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ...lit['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    rules: {
      // `_name` marks what is unused on purpose (a destructured rest, a callback's first argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // The regular expressions that name control characters do so on purpose: they clean the
      // server's text of them, or follow URL rules about them.
      'no-control-regex': 'off',
    },
  },
);
