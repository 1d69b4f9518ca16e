/**
 * The element's whole shadow content: the form (what the load and the last save say, the two
 * sections, the review or confirmation, Save and Discard with the status) and, after it, the
 * forms that own the secret fields.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { act } from '../actions.js';
import type { AutoloadController } from '../controllers/autoload.js';
import type { SaveFlowController } from '../controllers/save-flow.js';
import type { RenderContext } from './context.js';
import { mcpSection } from './mcp.js';
import { providersSection } from './providers.js';
import { secretFormElements } from './secret-forms.js';

export interface FormParts {
  disabled: boolean;
  saves: SaveFlowController;
  autoloads: AutoloadController;
  /** The MCP import and export panel, when open. */
  tools: TemplateResult | string | undefined;
  /** The form's listeners (one each, for every control inside). */
  events: {
    submit(event: SubmitEvent): void;
    input(event: Event): void;
    change(event: Event): void;
    focusout(event: FocusEvent): void;
    click(event: MouseEvent): void;
  };
}

export function formTemplate(ctx: RenderContext, { disabled, saves, autoloads, tools, events }: FormParts) {
  const t = ctx.t;
  const saving = saves.saving;
  // The live regions are always rendered, so what is written into them is announced. The form is
  // not aria-busy while it loads or saves: it stays editable.
  const status = saving ? t.saving : autoloads.saysLoading ? t.loading : saves.status;
  // The form listens for its buttons' clicks (one listener, not one per button); a button the
  // keyboard presses fires click too, so there is no key listener to add.
  // eslint-disable-next-line lit-a11y/click-events-have-key-events
  return html`<form
      part="form"
      novalidate
      @submit=${events.submit}
      @input=${events.input}
      @change=${events.change}
      @focusout=${events.focusout}
      @click=${events.click}
    >
      <fieldset role="none" ?disabled=${disabled}>
        ${autoloads.render(t)} ${saves.renderSummary(ctx)} ${providersSection(ctx)}
        ${mcpSection(
          ctx,
          html`<div class="actions">
              <button type="button" data-action=${act('mcp-tools')}>${t.importExport}</button>
            </div>
            ${tools}`,
        )}
        ${saves.renderPanels(t)}
        <div class="actions" part="actions">
          <button
            type="submit"
            class=${saves.asking ? '' : 'primary'}
            part="save-button"
            ?disabled=${autoloads.unloaded}
            aria-disabled=${saving ? 'true' : nothing}
          >
            ${saving ? t.saving : t.save}
          </button>
          <button type="button" data-action=${act('reset')} aria-disabled=${ctx.model.dirty ? nothing : 'true'}>${t.reset}</button>
          <p class="status" part="status" role="status">${status}</p>
          ${
            saves.status
              ? html`<button type="button" class="icon" data-action=${act('dismiss-status')} aria-label=${t.dismissStatus}>✕</button>`
              : nothing
          }
        </div>
        <p class="visually-hidden" id="announcer" role="status"></p>
      </fieldset>
    </form>${secretFormElements(ctx.secretForms.size, events.submit)}`;
}
