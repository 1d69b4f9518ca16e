/**
 * The steps of a press of Save, once the on-demand module is here (the element's part, what it
 * shows, is controllers/save-flow.ts): the checks, what is stored made known (save-controller.ts),
 * then the review, the confirmation before replacing tokens, or the request; and the answer put
 * in place: "Saved.", or the errors on their fields and the summary.
 */
import type { SaveOutcome } from '../contract/result.js';
import { notSent, type SaveFlowController } from './controllers/save-flow.js';
import { ProviderSettingsSavedEvent, ProviderSettingsSubmitEvent } from './events.js';
import { nothingToSaveText, reviewOf } from './review.js';
import { NOT_SENT, SaveController } from './save-controller.js';
import { errorMessage } from './texts.js';
import { serverApi } from './server-api.js';
import { errorCount, listErrors } from '../model/error-list.js';

export async function runSave(
  flow: SaveFlowController,
  review: boolean,
  replaceConfirmed: boolean,
): Promise<SaveOutcome> {
  const { host, options } = flow;
  const { model } = options;
  const saver = (flow.saver ??= new SaveController(host, {
    model,
    api: serverApi(options.connection, () => model.providers),
    takeStored: options.takeStored,
    // Put in place before the render the task's completion asks for, so one render shows it: on
    // a form with a thousand servers each render costs tens of ms.
    settle: (outcome) => settle(flow, outcome),
  }));
  const passes = () => options.noValidate() || model.validateAll();
  const plan = host.isConnected ? await saver.plan(replaceConfirmed, passes) : null;
  flow.checking = false;
  host.requestUpdate();
  if (!plan || !host.isConnected) return notSent('The element left the page.');
  const t = options.strings();
  const nothingToSave = () => {
    flow.status = nothingToSaveText(t);
    return notSent(flow.status);
  };
  switch (plan.kind) {
    case 'invalid':
      return flow.fail({
        kind: 'invalid',
        errors: listErrors(model).map((e) => ({ pointer: e.pointer, message: errorMessage(t, e) })),
        message: t.errorSummaryHeading(errorCount(model)),
        stored: [],
        notStored: [],
      });
    case 'failed': {
      // A load cancelled by the element leaving the page is no failure to show.
      const { outcome } = plan;
      if (outcome.kind === 'aborted' || outcome.kind === 'saved') return outcome;
      settle(flow, outcome);
      return outcome;
    }
    case 'nothing':
      return nothingToSave();
    case 'confirm-replace':
      flow.confirmingReplace = true;
      options.focus.afterUpdateOn('[part="confirm-replace"]');
      return notSent(NOT_SENT.confirm);
  }
  const { snapshot } = plan;
  if (review && !replaceConfirmed) {
    flow.review = reviewOf(model.storedState(), snapshot.body, saver.meant(snapshot));
    if (!flow.review) return nothingToSave();
    options.focus.afterUpdateOn('[part="review"]');
    return notSent(NOT_SENT.review);
  }
  if (!host.dispatchEvent(new ProviderSettingsSubmitEvent(Object.keys(snapshot.body.provider_tokens))))
    return notSent(NOT_SENT.cancelled);
  return saver.run(snapshot);
}

/** Puts the answer to a save in place: what was stored as stored, the errors on their fields and the summary. */
function settle(flow: SaveFlowController, outcome: SaveOutcome): void {
  const { host, options } = flow;
  const { model } = options;
  if (outcome.kind === 'aborted' || !host.isConnected) return;
  if (outcome.stored.length > 0) options.stored();
  if (outcome.kind === 'saved') {
    flow.showSummary = false;
    // Edits made while the request was out are not in it: the form says so, not only 'Saved.'.
    flow.status = model.dirty ? options.strings().savedChangedSince : options.strings().saved;
    host.requestUpdate();
    const stored = model.draft.providers.filter((p) => p.stored).map((p) => p.provider);
    host.dispatchEvent(new ProviderSettingsSavedEvent(outcome.message, stored, outcome.stored));
    return;
  }
  flow.partial = outcome.stored.length > 0;
  if (outcome.kind === 'validation') model.applyServerErrors(outcome.errors);
  else if (outcome.kind === 'token-rejected' && outcome.pointer !== null)
    model.applyServerErrors([{ pointer: outcome.pointer, message: outcome.message, type: 'token_rejected' }]);
  flow.fail(outcome);
}
