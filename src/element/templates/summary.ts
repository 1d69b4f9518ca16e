import { html, nothing, type TemplateResult } from 'lit';
import type { RenderContext } from './context.js';

export interface SummaryEntry {
  location: string;
  message: string;
}

/**
 * How many entries the error summary lists before it offers a button for the rest: a server
 * answer can carry thousands of problems, and rendering (and focusing) a list that long takes
 * seconds. Every problem still shows on its field; the heading counts them all.
 */
export const SUMMARY_LIMIT = 100;

/**
 * Every current error in one place, each entry a button that moves focus to its field.
 * `entries` are the first errors in form order; `total` counts them all (more than `entries`
 * when the list is cut, which adds a button that shows the rest). `formError` is a failure that
 * is about no field (session key, network, server).
 */
export function errorSummary(
  ctx: RenderContext,
  entries: readonly SummaryEntry[],
  total: number,
  formError: string,
): TemplateResult | typeof nothing {
  const count = total + (formError ? 1 : 0);
  if (count === 0) return nothing;
  return html`<div class="summary" part="error-summary" role="group" tabindex="-1" aria-labelledby="summary-heading">
    <div class="card-head">
      <h2 id="summary-heading">${ctx.t.errorSummaryHeading(count)}</h2>
      <button type="button" class="icon dismiss" data-action="dismiss-summary" aria-label=${ctx.t.dismissSummary}>✕</button>
    </div>
    ${formError ? html`<p class="error" part="form-error">${formError}</p>` : nothing}
    ${entries.length
      ? html`<ul>
          ${entries.map(
            (entry, index) =>
              html`<li>
                <button type="button" data-action="focus-error" data-index=${index}>${entry.location}: ${entry.message}</button>
              </li>`,
          )}
        </ul>`
      : nothing}
    ${entries.length < total
      ? html`<p class="more">
          <button type="button" data-action="show-all-errors" data-count=${total}>${ctx.t.showAllErrors(total)}</button>
        </p>`
      : nothing}
  </div>`;
}
