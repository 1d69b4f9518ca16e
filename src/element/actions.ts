/**
 * The form's buttons. Each names its action in `data-action`, written by the templates through
 * {@link act}, and the element's one click listener looks the action up in {@link ACTIONS}: a name
 * the templates write without a handler, or a handler no template can reach, does not compile.
 */
import type { ServerKind } from '../model/draft.js';
import type { FormModel } from '../model/form-model.js';
import type { AutoloadController } from './controllers/autoload.js';
import type { FocusController } from './controllers/focus.js';
import type { SaveFlowController } from './controllers/save-flow.js';
import type { ProviderSettingsStrings } from './strings.js';
import { SUMMARY_LIMIT } from './templates/summary-limit.js';

/** What the form shows beyond its content: which secrets are shown, which cards open, what is being confirmed. */
export interface ViewState {
  /** Row ids whose secret field is shown as text. */
  readonly revealed: Set<string>;
  /** Server cards open in a long list: opened by the person, or by an error (templates/mcp.ts). */
  readonly expanded: Set<string>;
  /** The stored provider row whose removal is being confirmed. */
  confirming: string | null;
  /** The text of the server filter of a long list. */
  filter: string;
}

/** What the actions work on. */
export interface ActionScope {
  readonly model: FormModel;
  readonly view: ViewState;
  readonly focus: FocusController;
  readonly saves: SaveFlowController;
  readonly autoload: AutoloadController;
  /** The element's texts, as they are now. */
  t(): ProviderSettingsStrings;
  /** The shadow root's `querySelector`. */
  find(selector: string): Element | null;
  reset(): void;
  openTools(): void;
  /** The focus-error button of the summary's entry `index` was pressed (templates/summary.ts). */
  focusError(index: number): void;
}

/** The pressed button's data: its row, a server kind, a move's step, a summary entry's index. */
export type ActionData = Readonly<DOMStringMap> & { row: string };

/**
 * What an action did, for what follows it: `edit` changed the form's content (the last answer and
 * any open review are stale; a change event follows), `view` changed only what is shown (stale too,
 * no event); nothing: the action did all it had to.
 */
type Effect = 'edit' | 'view' | void;

type Handler = (s: ActionScope, data: ActionData, button: HTMLButtonElement) => Effect;

const removeRow =
  (remove: (model: FormModel, row: string) => void): Handler =>
  (s, { row }, button) => {
    const next = s.focus.neighbourAfterRemoval(button);
    s.focus.announce(s.t().removed(s.focus.rowName(row)));
    remove(s.model, row);
    s.focus.after(next);
    return 'edit';
  };

const moveRow =
  (action: 'move-server' | 'move-arg', move: (model: FormModel, row: string, step: number) => void): Handler =>
  (s, { row, delta }) => {
    move(s.model, row, Number(delta));
    s.focus.announceAfter(() => s.t().moved(s.focus.rowName(row)));
    // Keep focus on the moved row; if it reached an end, on its other move button.
    const button = `button[data-row="${CSS.escape(row)}"][data-action="${action}"]`;
    s.focus.afterUpdateOn(`${button}[data-delta="${delta}"]:not(:disabled)`, `${button}:not(:disabled)`);
    return 'edit';
  };

/** Closes the review or the confirmation; focus goes back to Save. */
const closePanel =
  (then?: (s: ActionScope) => void): Handler =>
  (s) => {
    s.saves.review = null;
    s.saves.confirmingReplace = false;
    s.focus.afterUpdateOn('[part="save-button"]');
    then?.(s);
  };

export const ACTIONS = {
  reset: (s) => s.reset(),
  'toggle-reveal': ({ view }, { row }) => {
    if (!view.revealed.delete(row)) view.revealed.add(row);
    return 'view';
  },
  'toggle-server': (s, { row }) => {
    if (!s.view.expanded.delete(row)) s.view.expanded.add(row);
    // A closed card the filter does not match is no longer shown: focus goes back to the filter.
    s.focus.after(() => s.focus.row(row, '[data-action="toggle-server"]') ?? s.find('#server-filter'));
    return 'view';
  },
  'add-server': (s, { kind }) => {
    const id = s.model.addServer(kind as ServerKind);
    // Open in a long list too: it is there to be filled in.
    s.view.expanded.add(id);
    s.focus.after(() => s.focus.row(id, `[data-field="${kind === 'stdio' ? 'name' : 'url'}"]`));
    return 'edit';
  },
  'remove-server': removeRow((model, row) => model.removeServer(row)),
  'remove-arg': removeRow((model, row) => model.removeArg(row)),
  'remove-env': removeRow((model, row) => model.removeEnv(row)),
  'move-server': moveRow('move-server', (model, row, step) => model.moveServer(row, step)),
  'move-arg': moveRow('move-arg', (model, row, step) => model.moveArg(row, step)),
  'add-arg': (s, { row }) => {
    const id = s.model.addArg(row);
    s.focus.after(() => s.focus.row(id, '[data-field="value"]'));
    return 'edit';
  },
  'add-env': (s, { row }) => {
    const id = s.model.addEnv(row);
    s.focus.after(() => s.focus.row(id, '[data-field="[key]"]'));
    return 'edit';
  },
  'remove-provider': (s, { row }) => {
    s.view.confirming = row;
    s.focus.after(() => s.focus.row(row, '[data-action="cancel-remove-provider"]'));
    return 'view';
  },
  'cancel-remove-provider': (s, { row }) => {
    s.view.confirming = null;
    s.focus.after(() => s.focus.row(row, '[data-action="remove-provider"]'));
    return 'view';
  },
  'confirm-remove-provider': (s, { row }) => {
    s.view.confirming = null;
    s.model.removeProvider(row);
    s.focus.after(() => s.focus.row(row, '[data-action="restore-provider"]'));
    return 'edit';
  },
  'restore-provider': (s, { row }) => {
    s.model.restoreProvider(row);
    s.focus.after(() => s.focus.row(row, '[data-field="token"]'));
    return 'edit';
  },
  'clear-provider': (s, { row }) => {
    s.model.clearProvider(row);
    // The next token typed there is hidden, as a new one is.
    s.view.revealed.delete(row);
    s.focus.after(() => s.focus.row(row, '[data-field="token"]'));
    return 'edit';
  },
  'focus-error': (s, { index }) => s.focusError(Number(index)),
  'show-all-errors': (s) => {
    // The button goes; focus moves to the first entry it brought in, where reading left off.
    s.saves.summaryExpanded = true;
    s.focus.afterUpdateOn(`[part="error-summary"] button[data-index="${SUMMARY_LIMIT}"]`, '[part="error-summary"]');
  },
  'dismiss-summary': (s) => {
    // The fields keep their errors; focus goes to the first of them, else to Save.
    s.saves.dismissSummary();
    s.focus.afterUpdateOn('[aria-invalid="true"]', '[part="save-button"]');
  },
  'retry-load': (s) => {
    // Retry goes while it loads: focus goes to the providers, the first thing the load fills in.
    s.focus.afterUpdateOn('[part="providers"]');
    s.autoload.retry();
  },
  'replace-confirm': closePanel((s) => void s.saves.save(false, true)),
  'replace-back': closePanel(),
  'review-save': closePanel((s) => void s.saves.save(false)),
  'review-back': closePanel(),
  'mcp-tools': (s) => s.openTools(),
  'dismiss-status': (s) => {
    s.saves.status = '';
    s.focus.afterUpdateOn('[part="save-button"]');
  },
} satisfies Record<string, Handler>;

export type Action = keyof typeof ACTIONS;

/** The `data-action` of a button: the name of one of {@link ACTIONS}. */
export const act = (action: Action): Action => action;
