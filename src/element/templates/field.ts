import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { fieldPointer } from '../../model/paths.js';
import type { RenderContext } from './context.js';
import { domId } from './context.js';
import { errorMessage } from '../texts.js';
import { act } from '../actions.js';

export interface FieldOptions {
  rowId: string;
  field: string;
  /**
   * The JSON Pointer of the control's row in the request body, at its current position; the
   * control's own is that and its field (model/paths.ts, `fieldPointer`).
   */
  rowPath: string;
  label: string;
  value: string;
  /** Visually hidden label, for inputs whose row already says what they are. */
  hideLabel?: boolean;
  secret?: boolean;
  placeholder?: string;
  /** Visible text under the field, which describes it. */
  hint?: string | null;
}

/** Error text for a row field (or group), or nothing. Messages are text, never HTML. */
export function errorText(ctx: RenderContext, rowId: string, fields: readonly string[]): string {
  let text = '';
  for (const field of fields) {
    for (const error of ctx.model.errorsFor(rowId, field)) text += (text ? '\n' : '') + errorMessage(ctx.t, error);
  }
  return text;
}

/** The message element of a group; the group points at it with `aria-describedby`. */
export function groupError(id: string, text: string): TemplateResult | typeof nothing {
  return text ? html`<p class="error" id=${id}>${text}</p>` : nothing;
}

/** A labelled input with its hint and error, wired per the DOM contract (data-path, aria-invalid, aria-describedby). */
export function field(ctx: RenderContext, o: FieldOptions): TemplateResult {
  const id = domId(o.rowId, o.field);
  const error = errorText(ctx, o.rowId, [o.field]);
  const hintId = o.hint ? `${id}-hint` : '';
  const errorId = error ? `${id}-error` : '';
  const describedBy = [errorId, hintId].filter(Boolean).join(' ');
  const revealed = o.secret && ctx.revealed.has(o.rowId);
  const toggle = revealed ? ctx.t.hideSecret : ctx.t.showSecret;
  return html`<div class="field">
    <label for=${id} class=${o.hideLabel ? 'visually-hidden' : ''}>${o.label}</label>
    <div class="control">
      <input
        id=${id}
        type=${o.secret && !revealed ? 'password' : 'text'}
        form=${(o.secret && ctx.secretForms.get(o.rowId)) || nothing}
        data-path=${fieldPointer(o.rowPath, o.field)}
        data-row=${o.rowId}
        data-field=${o.field}
        .value=${live(o.value)}
        placeholder=${o.placeholder || nothing}
        autocomplete="off"
        autocapitalize="off"
        spellcheck="false"
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describedBy || nothing}
      />${
        o.secret
          ? html`<button
            type="button"
            class="icon"
            data-action=${act('toggle-reveal')}
            data-row=${o.rowId}
            aria-controls=${id}
            aria-label=${ctx.t.secretToggleLabel(toggle, o.label)}
            ?disabled=${!o.value && !revealed}
          >
            ${toggle}
          </button>`
          : nothing
      }
    </div>
    ${o.hint ? html`<p class="hint" id=${hintId}>${o.hint}</p>` : nothing}
    ${error ? html`<p class="error" id=${errorId}>${error}</p>` : nothing}
  </div>`;
}

/** Up / down / remove buttons of a row in an ordered list. */
export function rowActions(
  ctx: RenderContext,
  rowId: string,
  what: string,
  index: number,
  count: number,
  kind: 'server' | 'arg' | 'env',
): TemplateResult {
  // A newer API stores servers by name, in no order: moving one there would change nothing stored.
  const move =
    kind === 'env' || (kind === 'server' && ctx.named)
      ? nothing
      : html`<button
        type="button"
        class="icon"
        data-action=${act(`move-${kind}`)}
        data-row=${rowId}
        data-delta="-1"
        aria-label=${ctx.t.moveUp(what)}
        ?disabled=${index === 0}
      >
        ↑</button
      ><button
        type="button"
        class="icon"
        data-action=${act(`move-${kind}`)}
        data-row=${rowId}
        data-delta="1"
        aria-label=${ctx.t.moveDown(what)}
        ?disabled=${index === count - 1}
      >
        ↓
      </button>`;
  return html`<div class="row-actions">
    ${move}<button type="button" class="icon" data-action=${act(`remove-${kind}`)} data-row=${rowId} aria-label=${ctx.t.remove(what)}>
      ✕
    </button>
  </div>`;
}
