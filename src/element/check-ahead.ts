/**
 * Checks a form's servers in the background, in slices of a few milliseconds, each a task of its
 * own so that the page handles input and renders between them (a keystroke waits at most one
 * slice): a later check or save finds their verdicts ready and re-checks only what was edited
 * since. Nothing shown changes. Tasks rather than idle callbacks: those may not come for a long
 * while on a busy or headless page. It comes with the checks (the on-demand module).
 */
import type { FormModel } from '../model/form-model.js';

/** How long one background slice of checking may hold the page. */
const SLICE_MS = 4;

/** Runs `task` as a task of its own, soon (`scheduler.postTask` does not clamp a chain of them as timers are). */
const nextTask = (task: () => void): void => {
  if (typeof scheduler === 'object' && scheduler) scheduler.postTask(task).catch(() => {});
  else setTimeout(task);
};

/** Models being checked: one run at a time, as a run started during another would find the same servers to check. */
const running = new WeakSet<FormModel>();

/** Checks ahead until every server has its verdict, or until `alive` says the form left the page. */
export function checkAheadInSlices(model: FormModel, alive: () => boolean): void {
  if (!model.canValidate || running.has(model)) return;
  running.add(model);
  const slice = (): void => {
    const until = performance.now() + SLICE_MS;
    if (alive() && !model.checkAhead(() => performance.now() < until)) nextTask(slice);
    else running.delete(model);
  };
  nextTask(slice);
}
