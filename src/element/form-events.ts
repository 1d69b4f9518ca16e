/**
 * The form's listeners: one each for the whole form (typing, leaving a field, a button's press,
 * Enter), not one per control, which on a form of a thousand servers would be thousands.
 */
import { ACTIONS, type Action, type ActionData, type ActionScope } from './actions.js';
import type { ChecksController } from './controllers/checks.js';
import { ProviderSettingsChangeEvent } from './events.js';
import type { McpTools } from './mcp-tools.js';

/** What the listeners work on: what the actions do, and the element itself. */
export interface FormScope extends ActionScope {
  readonly host: HTMLElement & { requestUpdate(): void };
  readonly checks: ChecksController;
  /** Save shows the review first (`review`). */
  review(): boolean;
  tools(): McpTools | undefined;
  /** After each edit of the form's content. */
  edited(): void;
}

export function formListeners(s: FormScope) {
  const { host, model } = s;
  const changed = () => {
    s.edited();
    host.dispatchEvent(new ProviderSettingsChangeEvent(model.dirty));
  };
  return {
    submit(event: SubmitEvent): void {
      event.preventDefault();
      void s.saves.save(s.review());
    },

    input(event: Event): void {
      const input = event.target;
      if (!(input instanceof HTMLInputElement)) return;
      if (input.id === 'server-filter') {
        s.view.filter = input.value;
        return host.requestUpdate();
      }
      const { row, field } = input.dataset;
      if (row === undefined || field === undefined) return;
      const before = model.fieldValue(row, field) ?? '';
      let rerender = model.setField(row, field, input.value);
      s.checks.typedIn(row, field);
      // Emptiness decides which buttons a row offers (shortcuts.test.ts); nothing else needs a
      // render per keystroke.
      if ((before === '') !== (input.value === '')) rerender = true;
      if (s.saves.status || s.saves.asking) {
        s.saves.dismissTransient();
        rerender = true;
      }
      if (rerender) host.requestUpdate();
      changed();
    },

    /** A field was left changed: an open export shows the form's servers (mcp-tools.ts). */
    change(): void {
      s.tools()?.formChanged();
    },

    focusout(event: FocusEvent): void {
      const { row, field } = (event.target as HTMLElement).dataset;
      if (event.target instanceof HTMLInputElement && row !== undefined && field !== undefined)
        s.checks.left(row, field, event.relatedTarget);
    },

    click(event: MouseEvent): void {
      const button = (event.target as Element | null)?.closest?.('button[data-action]');
      if (!(button instanceof HTMLButtonElement) || button.disabled || button.ariaDisabled === 'true') return;
      const data = button.dataset as ActionData;
      const effect = ACTIONS[data.action as Action]?.(s, { ...data, row: data.row ?? '' }, button);
      if (!effect) return;
      s.saves.dismissTransient();
      host.requestUpdate();
      if (effect === 'edit') changed();
    },
  };
}
