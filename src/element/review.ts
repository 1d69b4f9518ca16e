/**
 * The review before a save (the `review` attribute): what `describeChanges` finds, in the words of
 * `strings.review` (each entry falling back to its English text), as the panel the element shows.
 * Loaded with the save path (`element/on-demand.ts`), not with the element, so a page that never
 * reviews never loads it.
 */
import { html, type TemplateResult } from 'lit';
import type { SavePart } from '../contract/result.js';
import type { ProviderSettingsBody } from '../contract/schema.js';
import { describeChanges, type Change, type StoredState } from '../model/changes.js';
import { providerMeta } from './provider-meta.js';
import { defaultReviewStrings } from './review-strings.js';
import type { ProviderSettingsStrings, ReviewStrings } from './strings.js';
import { act } from './actions.js';

interface ReviewLine {
  text: string;
  /** The line deletes a stored token. */
  removal: boolean;
  /** The request that stores it. */
  part: SavePart;
}

const FIELD_LABELS = { api_key: 'apiKeyLabel', command: 'commandLabel', args: 'argsLabel', env: 'envLabel' } as const;

function line(t: ProviderSettingsStrings, r: ReviewStrings, change: Change): string {
  switch (change.kind) {
    case 'token-added':
      return r.tokenAdded(providerMeta(change.provider).label);
    case 'token-replaced':
      return r.tokenReplaced(providerMeta(change.provider).label);
    case 'token-removed':
      return r.tokenRemoved(providerMeta(change.provider).label);
    case 'host-changed':
      return r.hostChanged(providerMeta(change.provider).label, change.from, change.to);
    case 'host-dropped':
      return r.hostDropped(providerMeta(change.provider).label);
    case 'server-added':
      return r.serverAdded(r.serverKind[change.list], change.label);
    case 'server-removed':
      return r.serverRemoved(r.serverKind[change.list], change.label);
    case 'server-changed':
      return r.serverChanged(
        r.serverKind[change.list],
        change.label,
        change.fields.map((f) => (f in FIELD_LABELS ? t[FIELD_LABELS[f as keyof typeof FIELD_LABELS]] : f)),
      );
  }
}

/** The review's texts: the host's, each left-out entry in English. */
const reviewStrings = (t: ProviderSettingsStrings): ReviewStrings => ({ ...defaultReviewStrings, ...t.review });

/** What a save will change: kept as data while the review is open, and put in words as it renders. */
export interface Review {
  readonly changes: readonly Change[];
  /** The requests the save will make. */
  readonly parts: readonly SavePart[];
}

/** The review of saving `body` over `stored` with the requests `parts`; null when it changes nothing. */
export function reviewOf(stored: StoredState, body: ProviderSettingsBody, parts: readonly SavePart[]): Review | null {
  const changes = describeChanges(stored, body);
  return changes.length === 0 ? null : { changes, parts };
}

/** The lines of a review, in the language of `t`, in form order. */
function reviewLines(t: ProviderSettingsStrings, review: Review): ReviewLine[] {
  const r = reviewStrings(t);
  return review.changes.map((change) => ({
    text: line(t, r, change),
    removal: change.kind === 'token-removed',
    part: change.kind.startsWith('server-') ? 'mcp' : 'tokens',
  }));
}

/** "Nothing to save.", in the language of `t`. */
export const nothingToSaveText = (t: ProviderSettingsStrings): string => reviewStrings(t).nothingToSave;

/**
 * The review panel: a group named by its heading, which takes focus, listing every change under
 * the request that will store it (a deleted token marked as an error), with "Save these changes"
 * and "Back to editing". Its texts are read from `t` at each render.
 */
export function reviewPanel(t: ProviderSettingsStrings, review: Review): TemplateResult {
  const r = reviewStrings(t);
  const lines = reviewLines(t, review);
  const group = (part: SavePart, heading: string) => {
    const own = lines.filter((l) => l.part === part);
    return own.length === 0 || !review.parts.includes(part)
      ? ''
      : html`<h3>${heading}</h3>
          <ul>
            ${own.map((l) => html`<li class=${l.removal ? 'error' : ''}>${l.text}</li>`)}
          </ul>`;
  };
  return html`<div class="card review" part="review" role="group" tabindex="-1" aria-labelledby="review-heading">
    <h2 id="review-heading">${r.heading}</h2>
    ${group('tokens', r.tokensPart)} ${group('mcp', r.mcpPart)}
    <div class="actions">
      <button type="button" class="primary" data-action=${act('review-save')}>${r.save}</button>
      <button type="button" data-action=${act('review-back')}>${r.back}</button>
    </div>
  </div>`;
}

/**
 * The confirmation before a save that replaces a token set the form cannot see (the server has no
 * settings, so `GET /api/settings` cannot say which tokens are stored): a group that takes focus,
 * naming the risk, with "Replace the stored tokens" and "Back to editing".
 */
export function replacePanel(t: ProviderSettingsStrings): TemplateResult {
  const r = reviewStrings(t);
  return html`<div class="card review" part="confirm-replace" role="group" tabindex="-1" aria-labelledby="replace-heading" aria-describedby="replace-text">
    <h2 id="replace-heading">${r.replaceHeading}</h2>
    <p id="replace-text">${r.replaceText}</p>
    <div class="actions">
      <button type="button" class="primary" data-action=${act('replace-confirm')}>${r.replaceConfirm}</button>
      <button type="button" data-action=${act('replace-back')}>${r.back}</button>
    </div>
  </div>`;
}
