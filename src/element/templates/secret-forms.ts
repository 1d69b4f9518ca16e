/**
 * The forms that own the secret inputs (tokens, API keys), through their `form` attribute.
 * Chromium's password heuristics log "[DOM] Multiple forms should be contained in their own form
 * elements" for a form owning more than three password fields, or text and password fields
 * alternating (every provider card: token, host), and "Password field is not contained in a form"
 * for one owned by none. So the secret fields are taken out of the element's form, three to a
 * form of their own, in form order: as few forms as that allows, since each form costs the
 * browser work on every change of the DOM (a form per field made a 422 that opens a thousand
 * cards ~60 % slower). The forms are rendered after the element's form (a form inside a form is
 * no form); each has a submit button, so Enter in one of its three fields submits it.
 */
import { html, type TemplateResult } from 'lit';
import type { Draft } from '../../model/draft.js';

/** Chromium flags a form with more than three password fields. */
const PER_FORM = 3;

/** Which form each row's secret field belongs to (row id to form id): providers, then SSE and streamable HTTP servers. */
export function secretForms(draft: Draft): Map<string, string> {
  const rows = [...draft.providers, ...draft.sse, ...draft.shttp];
  return new Map(rows.map((row, i) => [row.id, `secrets-${Math.floor(i / PER_FORM)}`]));
}

/** The forms for `rows` secret fields, empty but for a hidden submit button. */
export function secretFormElements(rows: number, onSubmit: (event: SubmitEvent) => void): TemplateResult[] {
  return Array.from(
    { length: Math.ceil(rows / PER_FORM) },
    // eslint-disable-next-line lit-a11y/accessible-name -- hidden, never seen nor announced: it is what Enter in a field of the form presses
    (_, k) => html`<form id=${`secrets-${k}`} hidden @submit=${onSubmit}><button></button></form>`,
  );
}
