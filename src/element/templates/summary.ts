/**
 * The error summary. It shows only after the form was checked or a save answered, both of which
 * need the on-demand module, so it loads with that module (element/on-demand.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { describeLocation } from '../describe-location.js';
import { errorMessage } from '../texts.js';
import type { FormModel } from '../../model/form-model.js';
import type { RenderContext } from './context.js';
import { act } from '../actions.js';
import { SUMMARY_LIMIT } from './summary-limit.js';
import { listErrors, pointerOf } from '../../model/error-list.js';

/**
 * Every current error in one place, each entry a button that moves focus to its field, in form
 * order: the first {@link SUMMARY_LIMIT} until `expanded` (a button shows the rest); the heading
 * counts them all. `failure` is a failure that is about no field (session key, network, server),
 * counted as a problem; `lead` says what was stored before it (no problem, not counted).
 */
export function errorSummary(
  ctx: RenderContext,
  expanded: boolean,
  failure: string,
  lead: string,
): TemplateResult | typeof nothing {
  const t = ctx.t;
  const errors = listErrors(ctx.model);
  const total = errors.length;
  const entries = (expanded ? errors : errors.slice(0, SUMMARY_LIMIT)).map(
    (e) => `${describeLocation(e.location, t)}: ${errorMessage(t, e)}`,
  );
  const count = total + (failure ? 1 : 0);
  const formError = [lead, failure].filter(Boolean).join(' ');
  if (count === 0) return nothing;
  return html`<div class="summary" part="error-summary" role="group" tabindex="-1" aria-labelledby="summary-heading">
    <div class="card-head">
      <h2 id="summary-heading">${t.errorSummaryHeading(count)}</h2>
      <button type="button" class="icon dismiss" data-action=${act('dismiss-summary')} aria-label=${t.dismissSummary}>✕</button>
    </div>
    ${formError ? html`<p class="error" part="form-error">${formError}</p>` : ''}
    ${
      entries.length
        ? html`<ul>
          ${entries.map(
            (entry, index) =>
              html`<li>
                <button type="button" data-action=${act('focus-error')} data-index=${index}>${entry}</button>
              </li>`,
          )}
        </ul>`
        : ''
    }
    ${
      entries.length < total
        ? html`<p class="more">
          <button type="button" data-action=${act('show-all-errors')} data-count=${total}>${t.showAllErrors(total)}</button>
        </p>`
        : ''
    }
  </div>`;
}

/**
 * Focuses what entry `index` of the summary is about: its control, else the nearest rendered part
 * of the form its pointer leads through (a card, a list), else the summary itself.
 */
export function focusErrorEntry(root: ParentNode, model: FormModel, index: number): void {
  const entry = listErrors(model)[index];
  if (!entry) return;
  const { rowId, field } = entry.target;
  let found = root.querySelector(`[data-row="${CSS.escape(rowId)}"][data-field="${CSS.escape(field)}"]`);
  for (
    let path = pointerOf(model, entry.target) ?? entry.pointer;
    !found && path !== '';
    path = path.slice(0, path.lastIndexOf('/'))
  )
    found = root.querySelector(`[data-path="${CSS.escape(path)}"]`);
  found ??= root.querySelector('[part="error-summary"]');
  if (found instanceof HTMLElement) found.focus();
}
