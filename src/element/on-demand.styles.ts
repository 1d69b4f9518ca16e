/**
 * The look of what comes late: the error summary and the review (the on-demand module,
 * on-demand.ts) and the MCP import / export panel (mcp-tools.ts, which loads this module too). The element's own styles carry nothing of them, so a page
 * that only shows the form does not load them; the element adds this sheet to its shadow root
 * before it first renders any of them. A constructed style sheet, like Lit's own styles, works
 * under a strict Content Security Policy, where a `<style>` element would not.
 *
 * The panel reflows (WCAG 1.4.10): its columns shrink below their content (a `<select>`'s longest
 * option), long words (URLs, names) break anywhere, and a checkbox keeps its size next to its
 * label. A summary entry is a link at least 24 px tall (2.5.8). A line of a list that is an error
 * (the review's token deletion, an import clash) keeps the list's size, bold, not only red.
 */
import { sheetAdopter } from './adopt-sheet.js';

const STYLE = `[part=error-summary] ul{margin:.5rem 0 0;padding-inline-start:1.25rem}
[part=error-summary] button{border:0;background:none;padding:0;min-height:24px;color:var(--_danger);text-decoration:underline;text-align:start;overflow-wrap:anywhere}
[part=error-summary] li button{vertical-align:top}
[part=error-summary] button.dismiss{margin-inline-start:auto;border:1px solid var(--_border);color:var(--_fg);text-decoration:none;padding:.3125rem .5rem}
[part=error-summary] .card-head h2{margin:0}
.review{margin-block-end:1rem}
li.error{font-size:inherit;font-weight:600}
[part=mcp-tools]{grid-template-columns:minmax(0,1fr);overflow-wrap:anywhere}
[part=mcp-tools] [role=group]{display:grid;gap:.5rem;grid-template-columns:minmax(0,1fr)}
[part=mcp-tools] textarea,[part=mcp-tools] select{font:inherit;color:inherit;background:var(--_input-bg);border:1px solid var(--_border);border-radius:var(--_radius);padding:.375rem .5rem;width:100%}
[part=mcp-tools] textarea{font-family:ui-monospace,monospace;font-size:.8125rem;min-height:8rem;resize:vertical}
[part=mcp-tools] textarea[aria-invalid=true]{border-color:var(--_danger)}
@media (forced-colors:active){[part=mcp-tools] textarea[aria-invalid=true]{border:3px double}}
[part=mcp-tools] ul{margin:0;padding-inline-start:1.25rem}
[part=mcp-tools] .entries{list-style:none;padding:0;display:grid;gap:.375rem}
[part=mcp-tools] .entries ul{font-size:.875rem}
[part=mcp-tools] label.check{display:flex;gap:.5rem;align-items:center}
[part=mcp-tools] .check input{flex:none}
[part=mcp-tools] .warning{color:var(--_danger);font-size:.875rem}`;

/** Adds the sheet to a shadow root (once). */
export const adoptOnDemandStyles = sheetAdopter(STYLE);
