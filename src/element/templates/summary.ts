import { html, nothing, type TemplateResult } from 'lit';
import type { RenderContext } from './context.js';

export interface SummaryEntry {
  location: string;
  message: string;
}

/**
 * Every current error in one place, each entry a button that moves focus to its field.
 * `formError` is a failure that is about no field (session key, network, server).
 */
export function errorSummary(
  ctx: RenderContext,
  entries: readonly SummaryEntry[],
  formError: string,
): TemplateResult | typeof nothing {
  const count = entries.length + (formError ? 1 : 0);
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
  </div>`;
}
