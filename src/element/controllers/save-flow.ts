import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { ApiConnection } from '../../contract/settings-api.js';
import type { SaveOutcome } from '../../contract/result.js';
import type { StoredSettings } from '../../contract/schema.js';
import type { FormModel } from '../../model/form-model.js';
import { type FailedOutcome, ProviderSettingsFailedEvent } from '../events.js';
import type { FormFailure } from '../failure-texts.js';
import type { Review } from '../review.js';
import type { SaveController } from '../save-controller.js';
import type { ProviderSettingsStrings } from '../strings.js';
import type { RenderContext } from '../templates/context.js';
import type { ChecksController } from './checks.js';
import { failureSentence } from '../failure-sentence.js';
import type { FocusController } from './focus.js';
import { NOT_LOADED, onDemand } from './on-demand.js';

/** A save that sent nothing and stored nothing. */
export const notSent = (message: string): SaveOutcome => ({ kind: 'aborted', message, stored: [], notStored: [] });

/** What a press of Save needs of the element. */
export interface SaveFlowOptions {
  model: FormModel;
  checks: ChecksController;
  focus: FocusController;
  strings(): ProviderSettingsStrings;
  connection(signal: AbortSignal): ApiConnection;
  /** The form's own checks are off (`novalidate`). */
  noValidate(): boolean;
  /** The stored settings are unknown (`autoload` loading or failed): nothing may be sent. */
  unloaded(): boolean;
  /** A loaded baseline, taken before a save that needed it (as `autoload` takes one). */
  takeStored(settings: StoredSettings | null): void;
  /**
   * Something was stored: what was typed for it is settled (shown tokens hidden, the stored state
   * reloaded; the answer about a part not stored stays on the servers the person edited).
   */
  stored(): void;
}

/**
 * What a press of Save leaves shown, and the save in flight: "Saved.", the error summary with the
 * failure that is about no field, the review or the confirmation before replacing tokens. The
 * steps of a save (the checks, what is stored made known, the review, the request, the answer put
 * in place) come with the on-demand module (save-run.ts); this part is what the form shows before
 * that module is here. One save at a time.
 */
export class SaveFlowController {
  /** The status line: "Saved.", "Nothing to save.". */
  status = '';
  /** The error summary is shown (after a failed save or `validate()`). */
  showSummary = false;
  /** It lists every problem, not only the first `SUMMARY_LIMIT` (templates/summary-limit.ts). */
  summaryExpanded = false;
  /** The review of what the save will change (`review`), while it is open. */
  review: Review | null = null;
  /** The save waits for the person to confirm replacing a token set the form cannot see. */
  confirmingReplace = false;
  /** A failure that is about no field; its sentence is read from `strings` as it renders. */
  failure: FormFailure | null = null;
  /** The last save stored one part and not the other: its sentence leads the summary. */
  partial = false;
  /** The save waits for the checks to load (the first one, when nothing was edited before). */
  checking = false;
  /** The save's controller (save-controller.ts), made with the first save. */
  saver: SaveController | null = null;
  private inflight: Promise<SaveOutcome> | null = null;

  constructor(
    readonly host: ReactiveControllerHost & HTMLElement,
    readonly options: SaveFlowOptions,
  ) {}

  /** From the call, while the checks load, to the answer. */
  get saving(): boolean {
    return this.checking || (this.saver?.pending ?? false);
  }

  /** A panel asks the person first (the review, the confirmation): Save is not the primary button. */
  get asking(): boolean {
    return this.review !== null || this.confirmingReplace;
  }

  /** `review`: the checks, then the review instead of the request. `replaceConfirmed`: the person confirmed replacing. */
  save(review: boolean, replaceConfirmed = false): Promise<SaveOutcome> {
    this.inflight ??= this.start(review, replaceConfirmed).finally(() => (this.inflight = null));
    return this.inflight;
  }

  private async start(review: boolean, replaceConfirmed: boolean): Promise<SaveOutcome> {
    this.review = null;
    this.confirmingReplace = false;
    if (this.options.unloaded()) return notSent('The stored settings are not loaded.');
    this.status = '';
    this.failure = null;
    this.partial = false;
    this.options.model.clearServerErrors();
    // The checks also place the server's errors, so every save needs them, novalidate or not; and
    // the form is busy while it makes sure it knows what is stored.
    this.checking = true;
    this.host.requestUpdate();
    const m = await this.options.checks.ready();
    if (m) return m.runSave(this, review, replaceConfirmed);
    this.checking = false;
    return this.fail({ ...NOT_LOADED, stored: [], notStored: [] });
  }

  /** Shows what the form's checks found (`validate()`); re-renders only when that changes. */
  showValidity(valid: boolean, errorsChanged: boolean): void {
    if (this.showSummary !== !valid || errorsChanged) this.host.requestUpdate();
    this.showSummary = !valid;
  }

  /** Shows a failed save: the summary, which takes focus, with a failure about no field in it. */
  fail(outcome: FailedOutcome): SaveOutcome {
    const onFields =
      outcome.kind === 'invalid' ||
      outcome.kind === 'validation' ||
      (outcome.kind === 'token-rejected' && outcome.pointer !== null);
    if (!onFields) this.failure = outcome;
    this.showSummary = true;
    this.summaryExpanded = false;
    this.options.focus.afterUpdateOn('[part="error-summary"]');
    // Errors come only from the checks or an answer, both of the on-demand module: none without it.
    const count = onDemand ? onDemand.errorCount(this.options.model) : 0;
    this.host.dispatchEvent(new ProviderSettingsFailedEvent(outcome, count));
    return outcome;
  }

  /** What the person did next makes the last answer, the review and the confirmation stale. */
  dismissTransient(): void {
    this.status = '';
    this.review = null;
    this.confirmingReplace = false;
  }

  /** New content or a new baseline: nothing of the last save is shown. */
  clear(): void {
    this.dismissTransient();
    this.partial = false;
    this.showSummary = false;
    this.failure = null;
  }

  /** The summary closes; the fields keep their errors. */
  dismissSummary(): void {
    this.showSummary = false;
    this.summaryExpanded = false;
    this.failure = null;
  }

  /**
   * The error summary (templates/summary.ts, with the on-demand module: every error comes from its
   * checks or an answer it read). Only a failure to load that module shows without it.
   */
  renderSummary(ctx: RenderContext) {
    if (!this.showSummary) return nothing;
    const t = ctx.t;
    const failure = this.failure ? failureSentence(t, this.failure) : '';
    if (!onDemand) return html`<p class="error" part="form-error" role="alert">${failure}</p>`;
    const lead = this.partial ? onDemand.partialText(t) : '';
    return onDemand.errorSummary(ctx, this.summaryExpanded, failure, lead);
  }

  /** The review or the confirmation before replacing tokens, when one is open. */
  renderPanels(t: ProviderSettingsStrings) {
    if (!onDemand) return nothing;
    if (this.review) return onDemand.reviewPanel(t, this.review);
    return this.confirmingReplace ? onDemand.replacePanel(t) : nothing;
  }
}
