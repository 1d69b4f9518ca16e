/**
 * Looks the catalogue puts around the element, in TypeScript rather than a stylesheet so the
 * browser tests (which do not load the demo's CSS) see exactly what the demo shows.
 */

/**
 * OpenHands' own dark settings look, through the element's public custom properties only: the
 * colours of OpenHands' UI palette (its `base`, `base-secondary`, `content`, `tertiary-light`,
 * `primary`, `danger`, `success` and `tertiary` colours), rounder corners. The muted colour (hints
 * and placeholders) is `tertiary-light`, OpenHands' own placeholder colour: 5.05:1 on the
 * `tertiary` input background, where `basic` (#9099ac) was 3.35:1.
 */
export const OPENHANDS_THEME: Readonly<Record<string, string>> = {
  '--ohps-background': '#0d0f11',
  '--ohps-surface': '#24272e',
  '--ohps-color': '#ecedee',
  '--ohps-muted-color': '#b7bdc2',
  '--ohps-border-color': '#717888',
  '--ohps-input-background': '#454545',
  '--ohps-accent': '#c9b974',
  '--ohps-accent-color': '#0d0f11',
  '--ohps-danger': '#e76a5e',
  '--ohps-success': '#a5e75e',
  '--ohps-focus-ring': '#c9b974',
  '--ohps-radius': '10px',
  '--ohps-gap': '1rem',
};

/**
 * A host page that styles its own content loudly: inherited text properties on its container,
 * and element rules (`button`, `input`, `h2`, `p`, `label`) that must not reach into the shadow root.
 */
export const HOST_PAGE_STYLES = `
.host-page {
  font-family: Georgia, 'Times New Roman', serif;
  font-size: 18px;
  line-height: 2;
  letter-spacing: 0.06em;
  word-spacing: 0.2em;
  text-transform: uppercase;
  text-align: center;
  color: #3b2f2f;
  background: #fdf6e3;
  padding: 1rem;
  border: 4px double #8b5a2b;
}
.host-page h2, .host-page h3 { font-size: 2rem; color: #8b0000; margin: 0.5rem 0; }
.host-page p { color: #4a3b2b; margin: 0.25rem 0; }
.host-page button { background: #b00020; color: #ffffff; border: 0; border-radius: 0; padding: 1rem 2rem; font-size: 1.25rem; }
.host-page input { border: 3px dashed #800080; background: #ffff99; }
.host-page label { font-style: italic; }
.host-page .host-card { background: #ffffff; border: 1px solid #8b5a2b; padding: 0.75rem; }
.host-page .host-crumbs { font-size: 0.75rem; }
`;
