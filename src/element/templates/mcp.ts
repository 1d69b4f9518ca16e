import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { KEY_SEGMENT } from '../../contract/pointer.js';
import { argPointer, envPointer, fieldPointer, listPointer, MCP_POINTER, serverPointer } from '../../model/paths.js';
import type { ServerKind, StdioServerRow, UrlServerRow } from '../../model/draft.js';
import { SECTION_IDS, SERVER_KINDS } from '../../model/draft.js';
import type { FormModel } from '../../model/form-model.js';
import type { RenderContext } from './context.js';
import { domId } from './context.js';
import { errorText, field, groupError, rowActions } from './field.js';
import { section } from './section.js';
import { act } from '../actions.js';

/**
 * A list longer than this (all kinds together) is shown compact: a filter box, and each card as
 * its name and a line about it, opened to edit. Cards with errors are always open, so an error
 * lands on its field; a card opened by the person or by an error stays open until the person closes it. Nothing is hidden from assistive
 * technology: what is not shown is not rendered.
 */
export const COMPACT_AFTER = 10;

const serverCount = (model: FormModel): number => SERVER_KINDS.reduce((n, kind) => n + model.draft[kind].length, 0);

/**
 * The cards that have an error now. The element keeps them open from then on (in a long list; a
 * short one shows every card open), so that fixing the error does not close the card under the
 * field being edited, also when a server added meanwhile made the list long.
 */
export function errorOpened(model: FormModel): string[] {
  return SERVER_KINDS.flatMap((kind) =>
    model.draft[kind].filter((row) => model.serverHasErrors(row)).map((row) => row.id),
  );
}

/** `tools`: the "Import / export" button and its panel, at the section's end. */
export function mcpSection(ctx: RenderContext, tools?: unknown): TemplateResult {
  const total = serverCount(ctx.model);
  const lists = new ListState(ctx, total > COMPACT_AFTER);
  const content = SERVER_KINDS.map((kind) => serverList(ctx, kind, lists));
  return section(ctx, {
    id: 'mcp',
    part: 'mcp',
    path: MCP_POINTER,
    rowId: SECTION_IDS.mcpConfig,
    heading: html`<div>
      <h2 id="mcp-heading">${ctx.t.mcpHeading}</h2>
      <p class="intro">${ctx.t.mcpIntro}</p>
    </div>`,
    content: [lists.compact ? filterBox(ctx, lists.shown, total) : nothing, content, tools],
  });
}

/** Which cards a render shows, and open: counted as the lists render. */
class ListState {
  shown = 0;
  private readonly needle: string;
  constructor(
    private readonly ctx: RenderContext,
    readonly compact: boolean,
  ) {
    this.needle = compact ? ctx.filter.trim().toLowerCase() : '';
  }

  /**
   * Open: every card of a short list; in a long one, a card with an error, or one in `expanded`:
   * opened by the person, or by an error since fixed (the element adds those: see {@link errorOpened}).
   */
  isOpen(row: UrlServerRow | StdioServerRow, hasErrors: boolean): boolean {
    return !this.compact || hasErrors || this.ctx.expanded.has(row.id);
  }

  /** Shown: a card that matches the filter (name, URL or command), and every open one. */
  isShown(row: UrlServerRow | StdioServerRow, open: boolean): boolean {
    const shown = open || this.needle === '' || about(row).toLowerCase().includes(this.needle);
    if (shown) this.shown++;
    return shown;
  }
}

/** A server in a line: its URL, or its name and command. Never a secret (no key, argument or variable). */
const about = (row: UrlServerRow | StdioServerRow): string =>
  'url' in row ? row.url : [row.name, row.command].filter(Boolean).join(' · ');

/** The filter box belongs to no form (`form=""` names none), so Enter in it submits nothing. */
function filterBox(ctx: RenderContext, shown: number, total: number): TemplateResult {
  return html`<div class="filter">
    <label for="server-filter">${ctx.t.filterServers}</label>
    <input id="server-filter" type="search" form="" .value=${live(ctx.filter)} autocomplete="off" spellcheck="false" />
    <p class="hint" role="status">${ctx.filter.trim() ? ctx.t.filterCount(shown, total) : ''}</p>
  </div>`;
}

function serverList(ctx: RenderContext, kind: ServerKind, lists: ListState): TemplateResult {
  const path = listPointer(kind);
  const rows: readonly (UrlServerRow | StdioServerRow)[] = ctx.model.draft[kind];
  const shown: [UrlServerRow | StdioServerRow, CardPlace][] = [];
  rows.forEach((row, i) => {
    const hasErrors = ctx.model.serverHasErrors(row);
    const open = lists.isOpen(row, hasErrors);
    if (lists.isShown(row, open))
      shown.push([
        row,
        {
          kind,
          path: serverPointer(kind, i),
          index: i,
          count: rows.length,
          open,
          collapsible: lists.compact && !hasErrors,
        },
      ]);
  });
  return section(ctx, {
    id: kind,
    part: 'server-list',
    path,
    rowId: SECTION_IDS[kind],
    kind,
    heading: html`<h3 id=${`${kind}-heading`}>${ctx.t.serverKindHeading[kind]}</h3>`,
    content: html`${rows.length === 0 ? html`<p class="empty">${ctx.t.serverKindEmpty[kind]}</p>` : nothing}
      <div class="cards">
        ${repeat(
          shown,
          ([row]) => row.id,
          ([row, place]) => ('url' in row ? urlCard(ctx, row, place) : stdioCard(ctx, row, place)),
        )}
      </div>
      <div class="actions">
        <button type="button" data-action=${act('add-server')} data-kind=${kind}>${ctx.t.addServer[kind]}</button>
      </div>`,
  });
}

/** Where a card is, and how it shows. */
interface CardPlace {
  kind: ServerKind;
  path: string;
  index: number;
  count: number;
  /** Its fields are shown. */
  open: boolean;
  /** Its name is a button that opens and closes it (a long list, no errors). */
  collapsible: boolean;
}

function card(
  ctx: RenderContext,
  row: UrlServerRow | StdioServerRow,
  place: CardPlace,
  body: () => TemplateResult,
): TemplateResult {
  const label = ctx.t.serverLabel(place.kind, place.index);
  const error = errorText(ctx, row.id, ['']);
  const errorId = domId(row.id, '') + '-error';
  const line = place.open ? '' : about(row);
  return html`<fieldset
    class="card"
    part="server"
    data-path=${place.path}
    data-row=${row.id}
    data-field=""
    tabindex="-1"
    aria-describedby=${error ? errorId : nothing}
  >
    <legend>
      ${
        place.collapsible
          ? html`<button type="button" class="disclosure" data-action=${act('toggle-server')} data-row=${row.id} aria-expanded=${place.open}>
            ${label}
          </button>`
          : label
      }
    </legend>
    ${groupError(errorId, error)} ${place.open ? body() : line ? html`<p class="about">${line}</p>` : nothing}
    <div class="card-head"><span></span>${rowActions(ctx, row.id, label, place.index, place.count, 'server')}</div>
  </fieldset>`;
}

function urlCard(ctx: RenderContext, row: UrlServerRow, place: CardPlace): TemplateResult {
  const { path, kind } = place;
  return card(
    ctx,
    row,
    place,
    () => html`<div class="grid-2">
      ${field(ctx, {
        rowId: row.id,
        field: 'url',
        rowPath: path,
        label: ctx.t.urlLabel,
        value: row.url,
        placeholder: 'https://mcp.example.com/' + (kind === 'sse' ? 'sse' : 'mcp'),
      })}
      ${
        ctx.named?.(row, path) ??
        field(ctx, {
          rowId: row.id,
          field: 'api_key',
          rowPath: path,
          label: ctx.t.apiKeyLabel,
          value: row.apiKey,
          secret: true,
        })
      }
    </div>`,
  );
}

function stdioCard(ctx: RenderContext, row: StdioServerRow, place: CardPlace): TemplateResult {
  const { path } = place;
  return card(
    ctx,
    row,
    place,
    () => html`<div class="grid-2">
        ${field(ctx, {
          rowId: row.id,
          field: 'name',
          rowPath: path,
          label: ctx.t.nameLabel,
          value: row.name,
          placeholder: 'my-server',
        })}
        ${field(ctx, {
          rowId: row.id,
          field: 'command',
          rowPath: path,
          label: ctx.t.commandLabel,
          value: row.command,
          placeholder: 'npx',
          hint: ctx.t.commandHint,
        })}
      </div>
      ${argsEditor(ctx, row, place.index, path)} ${envEditor(ctx, row, place.index, path)} ${ctx.named?.(row, path)}`,
  );
}

function listGroup(
  ctx: RenderContext,
  row: StdioServerRow,
  fieldName: 'args' | 'env',
  serverPath: string,
  label: string,
  content: TemplateResult,
): TemplateResult {
  const labelId = domId(row.id, fieldName) + '-label';
  const errorId = domId(row.id, fieldName) + '-error';
  const error = errorText(ctx, row.id, [fieldName]);
  return html`<div
    role="group"
    part=${fieldName === 'args' ? 'args' : 'env'}
    data-path=${fieldPointer(serverPath, fieldName)}
    data-row=${row.id}
    data-field=${fieldName}
    tabindex="-1"
    aria-labelledby=${labelId}
    aria-describedby=${error ? errorId : nothing}
  >
    <p class="label" id=${labelId}>${label}</p>
    ${groupError(errorId, error)} ${content}
  </div>`;
}

/** `server`: the server's index in its list, which its rows' pointers start from; `path`: the server's pointer. */
function argsEditor(ctx: RenderContext, row: StdioServerRow, server: number, path: string): TemplateResult {
  const count = row.args.length;
  return listGroup(
    ctx,
    row,
    'args',
    path,
    ctx.t.argsLabel,
    html`${
      count === 0
        ? html`<p class="empty">${ctx.t.argsEmpty}</p>`
        : html`<ol class="rows">
            ${repeat(
              row.args,
              (arg) => arg.id,
              (arg, i) =>
                html`<li class="row">
                  ${field(ctx, {
                    rowId: arg.id,
                    field: 'value',
                    rowPath: argPointer(server, i),
                    label: ctx.t.argLabel(i),
                    hideLabel: true,
                    value: arg.value,
                  })}
                  ${rowActions(ctx, arg.id, ctx.t.argLabel(i), i, count, 'arg')}
                </li>`,
            )}
          </ol>`
    }
      <div class="actions">
        <button type="button" data-action=${act('add-arg')} data-row=${row.id}>${ctx.t.addArg}</button>
      </div>`,
  );
}

function envEditor(ctx: RenderContext, row: StdioServerRow, server: number, path: string): TemplateResult {
  return listGroup(
    ctx,
    row,
    'env',
    path,
    ctx.t.envLabel,
    html`${
      row.env.length === 0
        ? html`<p class="empty">${ctx.t.envEmpty}</p>`
        : html`<p class="row env-row env-head" aria-hidden="true">
              <span class="label">${ctx.t.envKeyLabel}</span><span class="label">${ctx.t.envValueLabel}</span>
            </p>
            <ul class="rows">
            ${repeat(
              row.env,
              (entry) => entry.id,
              (entry, i) => {
                const entryPath = envPointer(server, entry);
                const error = errorText(ctx, entry.id, ['']);
                const errorId = domId(entry.id, '') + '-error';
                const what = ctx.t.envRowLabel(i);
                return html`<li>
                  <div
                    class="row env-row"
                    role="group"
                    aria-label=${what}
                    data-path=${entryPath}
                    data-row=${entry.id}
                    data-field=""
                    tabindex="-1"
                    aria-describedby=${error ? errorId : nothing}
                  >
                    ${field(ctx, {
                      rowId: entry.id,
                      field: KEY_SEGMENT,
                      rowPath: entryPath,
                      label: ctx.t.envKeyName(i),
                      hideLabel: true,
                      value: entry.key,
                    })}
                    ${field(ctx, {
                      rowId: entry.id,
                      field: 'value',
                      rowPath: entryPath,
                      label: ctx.t.envValueName(i),
                      hideLabel: true,
                      value: entry.value,
                      ...ctx.masked?.(entry.value),
                    })}
                    ${rowActions(ctx, entry.id, what, i, row.env.length, 'env')} ${groupError(errorId, error)}
                  </div>
                </li>`;
              },
            )}
          </ul>`
    }
      <div class="actions">
        <button type="button" data-action=${act('add-env')} data-row=${row.id}>${ctx.t.addEnv}</button>
      </div>`,
  );
}
