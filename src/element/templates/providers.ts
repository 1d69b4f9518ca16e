import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { KEY_SEGMENT } from '../../contract/pointer.js';
import { providerPointer, PROVIDERS_POINTER } from '../../model/paths.js';
import type { ProviderRow } from '../../model/draft.js';
import { SECTION_IDS } from '../../model/draft.js';
import { providerMeta } from '../provider-meta.js';
import type { RenderContext } from './context.js';
import { domId } from './context.js';
import { errorText, field, groupError } from './field.js';
import { section } from './section.js';
import { act } from '../actions.js';

export function providersSection(ctx: RenderContext): TemplateResult {
  return section(ctx, {
    id: 'providers',
    part: 'providers',
    path: PROVIDERS_POINTER,
    rowId: SECTION_IDS.providerTokens,
    heading: html`<div>
      <h2 id="providers-heading">${ctx.t.gitProvidersHeading}</h2>
      <p class="intro">${ctx.t.gitProvidersIntro}</p>
      ${
        ctx.model.known.tokens || ctx.loading
          ? nothing
          : html`<p class="intro" part="tokens-unknown">
            ${ctx.model.known.mcp ? ctx.t.tokensUnseen : ctx.t.tokensUnknown}
          </p>`
      }
    </div>`,
    content: repeat(
      ctx.model.draft.providers,
      (row) => row.id,
      (row) => providerCard(ctx, row),
    ),
  });
}

function providerCard(ctx: RenderContext, row: ProviderRow): TemplateResult {
  const meta = providerMeta(row.provider);
  const path = providerPointer(row.provider);
  const groupErrorId = domId(row.id, '') + '-error';
  // An error on the map key itself (e.g. a provider an older server does not know) is about the whole section.
  const error = errorText(ctx, row.id, ['', KEY_SEGMENT]);
  const stored = row.stored && !row.removed;
  return html`<fieldset
    class="card"
    part="provider"
    data-path=${path}
    data-row=${row.id}
    data-field=""
    data-provider=${row.provider}
    tabindex="-1"
    aria-describedby=${error ? groupErrorId : nothing}
  >
    <legend>${meta.label}</legend>
    ${stored ? html`<p><span class="badge" part="stored-badge">${ctx.t.storedBadge}</span></p>` : nothing}
    ${groupError(groupErrorId, error)}
    ${row.removed ? removedNotice(ctx, row, meta.label) : providerFields(ctx, row, path, meta)}
  </fieldset>`;
}

function removedNotice(ctx: RenderContext, row: ProviderRow, label: string): TemplateResult {
  return html`<div class="confirm">
    <p>${ctx.t.willBeRemoved(label)}</p>
    <button type="button" data-action=${act('restore-provider')} data-row=${row.id}>${ctx.t.undoRemove}</button>
  </div>`;
}

function providerFields(
  ctx: RenderContext,
  row: ProviderRow,
  path: string,
  meta: ReturnType<typeof providerMeta>,
): TemplateResult {
  const hint = (key: typeof meta.hostHint) => (key ? (ctx.t[key] as string) : '');
  return html`<div class="grid-2">
      ${field(ctx, {
        rowId: row.id,
        field: 'token',
        rowPath: path,
        label: ctx.t.tokenLabel,
        value: row.token,
        secret: true,
        // The stored token's sentence is a hint, not a placeholder: a placeholder is cut off, goes
        // once typed in, and is not read by every screen reader.
        hint: [row.stored ? ctx.t.storedTokenHint : '', hint(meta.tokenHint)].filter(Boolean).join(' '),
      })}
      ${field(ctx, {
        rowId: row.id,
        field: 'host',
        rowPath: path,
        label: ctx.t.hostLabel,
        value: row.host,
        placeholder: meta.hostPlaceholder,
        hint: hint(meta.hostHint),
      })}
    </div>
    ${providerActions(ctx, row, meta.label)}`;
}

function providerActions(ctx: RenderContext, row: ProviderRow, label: string): TemplateResult | typeof nothing {
  if (ctx.confirming === row.id) {
    return html`<div class="confirm" role="group" aria-labelledby=${domId(row.id, 'confirm')}>
      <p id=${domId(row.id, 'confirm')}>${ctx.t.confirmRemove(label)}</p>
      <button type="button" data-action=${act('confirm-remove-provider')} data-row=${row.id}>${ctx.t.confirmRemoveYes}</button>
      <button type="button" data-action=${act('cancel-remove-provider')} data-row=${row.id}>${ctx.t.confirmRemoveNo}</button>
    </div>`;
  }
  if (row.stored) {
    return html`<div class="actions">
      <button type="button" data-action=${act('remove-provider')} data-row=${row.id}>${ctx.t.removeStored(label)}</button>
    </div>`;
  }
  if (row.token || row.host) {
    const clear = ctx.t.clearProvider;
    return html`<div class="actions">
      <button type="button" data-action=${act('clear-provider')} data-row=${row.id}>${typeof clear === 'string' ? clear : clear(label)}</button>
    </div>`;
  }
  return nothing;
}
