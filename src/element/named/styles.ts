/**
 * The look of what the newer APIs add to a server card (extras.ts): those fields take the card's
 * whole width, a checkbox sits before its label, the connection test's result beside its button.
 */
import { sheetAdopter } from '../adopt-sheet.js';

const STYLE = `[part=server] .wide,[part=server] .check,[part=server] .test{grid-column:1/-1}
[part=server] .check{display:flex;gap:.5rem;align-items:center}
[part=server] .check input{flex:none;width:auto;min-width:24px;min-height:24px}
[part=server] fieldset.auth{display:grid;gap:.5rem;grid-template-columns:minmax(0,1fr);border:1px solid var(--_border);border-radius:var(--_radius);padding:.5rem .75rem}
[part=server] select{font:inherit;color:inherit;background:var(--_input-bg);border:1px solid var(--_border);border-radius:var(--_radius);padding:.375rem .5rem;width:100%}
[part=server] .test{display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
[part=server] .test p{margin:0;overflow-wrap:anywhere}`;

export const adoptNamedStyles = sheetAdopter(STYLE);
