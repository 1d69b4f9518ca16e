import { unsafeCSS, type CSSResult } from 'lit';

/**
 * The style sheet's tag: its one string as a `CSSResult`. Lit's own `css` takes interpolated
 * results too, which these sheets have none of; this one leaves its code out of the bundle. Its name
 * has "css" in it so the build's minifier still reads the sheet (vite.lib.config.ts).
 */
const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);

/** The dark defaults (written once, used by two rules below). */
const DARK =
  '--_bg:var(--ohps-background,#0d1117);--_fg:var(--ohps-color,#e6edf3);' +
  '--_muted:var(--ohps-muted-color,#9198a1);--_border:var(--ohps-border-color,#7d8590);' +
  '--_surface:var(--ohps-surface,#161b22);--_input-bg:var(--ohps-input-background,var(--_bg));' +
  '--_accent:var(--ohps-accent,#4493f8);--_accent-fg:var(--ohps-accent-color,#0d1117);' +
  '--_danger:var(--ohps-danger,#ff7b72);--_success:var(--ohps-success,#3fb950);' +
  '--_focus:var(--ohps-focus-ring,#58a6ff);color-scheme:dark';

/**
 * Under `prefers-color-scheme: dark` unless `theme="light"`, and always with `theme="dark"`. A
 * string, not a `css` template: the build's minifier reads only whole style sheets, and the
 * declarations are shared by two rules.
 */
const dark: CSSResult = unsafeCSS(
  `@media (prefers-color-scheme:dark){:host(:not([theme=light])){${DARK}}}:host([theme=dark]){${DARK}}`,
);

/**
 * Public custom properties (`--ohps-*`) are read into private ones (`--_*`) on `:host`, so a host
 * page themes the element without reaching into its internals. Light and dark defaults follow the
 * page's `prefers-color-scheme`; the `theme` attribute (`light`, `dark`) forces one. A custom
 * property set by the page wins over both.
 */
export const styles = [
  css`
  :host {
    --_bg: var(--ohps-background, #ffffff);
    --_fg: var(--ohps-color, #1f2328);
    --_muted: var(--ohps-muted-color, #57606a);
    --_border: var(--ohps-border-color, #6e7781);
    --_surface: var(--ohps-surface, #f6f8fa);
    --_input-bg: var(--ohps-input-background, var(--_bg));
    --_accent: var(--ohps-accent, #0b5cad);
    --_accent-fg: var(--ohps-accent-color, #ffffff);
    --_danger: var(--ohps-danger, #b3261e);
    --_success: var(--ohps-success, #1a7f37);
    --_radius: var(--ohps-radius, 6px);
    --_gap: var(--ohps-gap, 0.75rem);
    --_font: var(--ohps-font, system-ui, -apple-system, 'Segoe UI', sans-serif);
    --_focus: var(--ohps-focus-ring, #0969da);
    color-scheme: light;

    display: block;
    color: var(--_fg);
    background: var(--_bg);
    font: 0.9375rem/1.45 var(--_font);
    /* Inherited text properties a host page may have set around the element. */
    text-align: start;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  form > fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  h2 {
    font-size: 1.125rem;
    margin: 0 0 0.25rem;
  }
  h3 {
    font-size: 1rem;
    margin: 0;
  }
  h4 {
    font-size: 0.9375rem;
    margin: 0;
  }
  p {
    margin: 0;
  }
  .intro,
  .hint,
  .empty {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .part {
    display: flow-root;
    margin-block-end: 1.5rem;
  }
  .part > * + * {
    margin-block-start: var(--_gap);
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_gap);
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    min-width: 0;
    contain: layout;
  }
  .cards {
    display: flow-root;
  }
  .cards > * + * {
    margin-block-start: var(--_gap);
  }
  .card > legend {
    padding: 0 0.25rem;
    font-weight: 600;
  }
  /* A card's name that opens and closes it (a long server list). */
  .disclosure {
    font-weight: 600;
    border-color: transparent;
    background: none;
  }
  .disclosure::before {
    content: '▸ ' / '';
  }
  .disclosure[aria-expanded='true']::before {
    content: '▾ ' / '';
  }
  .about {
    overflow-wrap: anywhere;
  }
  .filter {
    display: grid;
    gap: 0.25rem;
  }
  .card-head {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  .card-head > :first-child {
    margin-inline-end: auto;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5rem;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_success);
    border: 1px solid currentColor;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  label,
  .label {
    font-weight: 600;
    font-size: 0.875rem;
  }
  .control {
    display: flex;
    gap: 0.375rem;
    min-width: 0;
  }
  input {
    flex: 1;
    min-width: 0;
    font: inherit;
    color: inherit;
    background: var(--_input-bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.375rem 0.5rem;
  }
  ::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  button {
    font: inherit;
    font-size: 0.875rem;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3125rem 0.75rem;
    cursor: pointer;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
    font-weight: 600;
  }
  button.icon {
    padding-inline: 0.5rem;
    min-width: 2rem;
  }
  :focus-visible,
  [tabindex='-1']:focus {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .error {
    color: var(--_danger);
    font-size: 0.875rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  /* Forced colours drop the red border and inset shadow and the red text: an invalid control gets
     a double border, an error a bar at its start, both in the system's colour. */
  @media (forced-colors: active) {
    [aria-invalid='true'] {
      border: 3px double;
    }
    .error {
      border-inline-start: 3px solid;
      padding-inline-start: 0.25rem;
    }
  }
  .rows {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.375rem;
    align-items: start;
  }
  .env-row {
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.5fr) auto;
  }
  /* The column heads over the rows: the last column as wide as a row's remove button (an icon button's least width). */
  .env-head {
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.5fr) 2rem;
  }
  .row-actions {
    display: flex;
    gap: 0.25rem;
  }
  .grid-2 {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr));
    gap: var(--_gap);
  }
  /* The error summary's and the review's own rules come with them: on-demand.styles.ts. */
  .summary {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_gap);
    margin-block-end: 1rem;
  }
  .status {
    color: var(--_success);
    font-weight: 600;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
  }
  .confirm {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`,
  dark,
];
