import { html, nothing, type TemplateResult } from 'lit';
import type { RenderContext } from './context.js';
import { errorText, groupError } from './field.js';

export interface SectionOptions {
  /** Prefix of the section's DOM ids: the heading must carry `${id}-heading`. */
  id: string;
  part: string;
  /** The section's JSON Pointer in the request body. */
  path: string;
  /** The model's id for this section's own errors (a SECTION_IDS value). */
  rowId: string;
  heading: TemplateResult;
  content: unknown;
  kind?: string;
}

/** A part of the form that is also an error target: its own errors show inside it and describe it. */
export function section(ctx: RenderContext, o: SectionOptions): TemplateResult {
  const error = errorText(ctx, o.rowId, ['']);
  const errorId = `${o.id}-error`;
  // A group, not a <section>: named sections are region landmarks, and five of them in one form
  // would crowd a screen reader's list of landmarks.
  return html`<div
    role="group"
    class="part"
    part=${o.part}
    data-path=${o.path}
    data-row=${o.rowId}
    data-field=""
    data-kind=${o.kind ?? nothing}
    tabindex="-1"
    aria-labelledby=${`${o.id}-heading`}
    aria-describedby=${error ? errorId : nothing}
  >
    ${o.heading} ${groupError(errorId, error)} ${o.content}
  </div>`;
}
