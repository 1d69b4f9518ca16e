import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { childPointer, KEY_SEGMENT } from '../../contract/pointer.js';
import type { ServerKind, StdioServerRow, UrlServerRow } from '../../model/draft.js';
import { SECTION_IDS } from '../../model/draft.js';
import type { RenderContext } from './context.js';
import { domId } from './context.js';
import { errorText, field, groupError, rowActions } from './field.js';
import { section } from './section.js';

const ROOT = '/mcp_config';

/** Where each kind of server lives in the body, and which section id holds its list's errors. */
export const SERVER_LISTS: Record<ServerKind, { key: string; sectionId: string }> = {
  sse: { key: 'sse_servers', sectionId: SECTION_IDS.sse },
  shttp: { key: 'shttp_servers', sectionId: SECTION_IDS.shttp },
  stdio: { key: 'stdio_servers', sectionId: SECTION_IDS.stdio },
};

const KINDS: readonly ServerKind[] = ['sse', 'shttp', 'stdio'];

/** `tools`: the "Import / export" button and its panel, at the section's end. */
export function mcpSection(ctx: RenderContext, tools?: unknown): TemplateResult {
  return section(ctx, {
    id: 'mcp',
    part: 'mcp',
    path: ROOT,
    rowId: SECTION_IDS.mcpConfig,
    heading: html`<div>
      <h2 id="mcp-heading">${ctx.t.mcpHeading}</h2>
      <p class="intro">${ctx.t.mcpIntro}</p>
    </div>`,
    content: [KINDS.map((kind) => serverList(ctx, kind)), tools],
  });
}

/**
 * Cards are laid out in groups of this many, each group containing its layout. Typing into a
 * field makes the browser lay out the field's ancestors, and a block with a thousand cards walks
 * all thousand; in groups it walks the groups and one group's cards (see BENCHMARKS.md).
 */
const CHUNK = 32;

/** Where each group of {@link CHUNK} rows starts. */
function chunks(rows: readonly unknown[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) starts.push(i);
  return starts;
}

function serverList(ctx: RenderContext, kind: ServerKind): TemplateResult {
  const { key, sectionId } = SERVER_LISTS[kind];
  const path = childPointer(ROOT, key);
  const rows: readonly (UrlServerRow | StdioServerRow)[] = ctx.model.draft[kind];
  return section(ctx, {
    id: kind,
    part: 'server-list',
    path,
    rowId: sectionId,
    kind,
    heading: html`<h3 id=${`${kind}-heading`}>${ctx.t.serverKindHeading[kind]}</h3>`,
    content: html`${rows.length === 0 ? html`<p class="empty">${ctx.t.serverKindEmpty[kind]}</p>` : nothing}
    ${chunks(rows).map(
      (start) =>
        html`<div class=${rows.length > CHUNK ? 'cards many' : 'cards'}>
          ${repeat(
            rows.slice(start, start + CHUNK),
            (row) => row.id,
            (row, i) =>
              kind === 'stdio'
                ? stdioCard(ctx, row as StdioServerRow, childPointer(path, start + i), start + i, rows.length)
                : urlCard(ctx, kind, row as UrlServerRow, childPointer(path, start + i), start + i, rows.length),
          )}
        </div>`,
    )}
      <div class="actions">
        <button type="button" data-action="add-server" data-kind=${kind}>${ctx.t.addServer[kind]}</button>
      </div>`,
  });
}

function card(
  ctx: RenderContext,
  kind: ServerKind,
  rowId: string,
  path: string,
  index: number,
  count: number,
  body: TemplateResult,
): TemplateResult {
  const label = ctx.t.serverLabel(kind, index);
  const error = errorText(ctx, rowId, ['']);
  const errorId = domId(rowId, '') + '-error';
  return html`<fieldset
    class="card"
    part="server"
    data-path=${path}
    data-row=${rowId}
    data-field=""
    tabindex="-1"
    aria-describedby=${error ? errorId : nothing}
  >
    <legend>${label}</legend>
    ${groupError(errorId, error)} ${body}
    <div class="card-head"><span></span>${rowActions(ctx, rowId, label, index, count, 'server')}</div>
  </fieldset>`;
}

function urlCard(
  ctx: RenderContext,
  kind: ServerKind,
  row: UrlServerRow,
  path: string,
  index: number,
  count: number,
): TemplateResult {
  return card(
    ctx,
    kind,
    row.id,
    path,
    index,
    count,
    html`<div class="grid-2">
      ${field(ctx, {
        rowId: row.id,
        field: 'url',
        path: childPointer(path, 'url'),
        label: ctx.t.urlLabel,
        value: row.url,
        placeholder: 'https://mcp.example.com/' + (kind === 'sse' ? 'sse' : 'mcp'),
      })}
      ${field(ctx, {
        rowId: row.id,
        field: 'api_key',
        path: childPointer(path, 'api_key'),
        label: ctx.t.apiKeyLabel,
        value: row.apiKey,
        secret: true,
      })}
    </div>`,
  );
}

function stdioCard(
  ctx: RenderContext,
  row: StdioServerRow,
  path: string,
  index: number,
  count: number,
): TemplateResult {
  return card(
    ctx,
    'stdio',
    row.id,
    path,
    index,
    count,
    html`<div class="grid-2">
        ${field(ctx, {
          rowId: row.id,
          field: 'name',
          path: childPointer(path, 'name'),
          label: ctx.t.nameLabel,
          value: row.name,
          placeholder: 'my-server',
        })}
        ${field(ctx, {
          rowId: row.id,
          field: 'command',
          path: childPointer(path, 'command'),
          label: ctx.t.commandLabel,
          value: row.command,
          placeholder: 'npx',
          hint: ctx.t.commandHint,
        })}
      </div>
      ${argsEditor(ctx, row, childPointer(path, 'args'))} ${envEditor(ctx, row, childPointer(path, 'env'))}`,
  );
}

function listGroup(
  ctx: RenderContext,
  row: StdioServerRow,
  fieldName: 'args' | 'env',
  path: string,
  label: string,
  content: TemplateResult,
): TemplateResult {
  const labelId = domId(row.id, fieldName) + '-label';
  const errorId = domId(row.id, fieldName) + '-error';
  const error = errorText(ctx, row.id, [fieldName]);
  return html`<div
    role="group"
    part=${fieldName === 'args' ? 'args' : 'env'}
    data-path=${path}
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

function argsEditor(ctx: RenderContext, row: StdioServerRow, path: string): TemplateResult {
  const count = row.args.length;
  return listGroup(
    ctx,
    row,
    'args',
    path,
    ctx.t.argsLabel,
    html`${count === 0
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
                    path: childPointer(path, i),
                    label: ctx.t.argLabel(i),
                    hideLabel: true,
                    value: arg.value,
                  })}
                  ${rowActions(ctx, arg.id, ctx.t.argLabel(i), i, count, 'arg')}
                </li>`,
            )}
          </ol>`}
      <div class="actions">
        <button type="button" data-action="add-arg" data-row=${row.id}>${ctx.t.addArg}</button>
      </div>`,
  );
}

function envEditor(ctx: RenderContext, row: StdioServerRow, path: string): TemplateResult {
  return listGroup(
    ctx,
    row,
    'env',
    path,
    ctx.t.envLabel,
    html`${row.env.length === 0
        ? html`<p class="empty">${ctx.t.envEmpty}</p>`
        : html`<ul class="rows">
            ${repeat(
              row.env,
              (entry) => entry.id,
              (entry, i) => {
                const entryPath = childPointer(path, entry.key.trim());
                const error = errorText(ctx, entry.id, ['']);
                const errorId = domId(entry.id, '') + '-error';
                const what = `${ctx.t.envLabel} ${i + 1}`;
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
                      path: childPointer(entryPath, KEY_SEGMENT),
                      label: `${ctx.t.envKeyLabel} ${i + 1}`,
                      hideLabel: true,
                      value: entry.key,
                      placeholder: ctx.t.envKeyLabel,
                    })}
                    ${field(ctx, {
                      rowId: entry.id,
                      field: 'value',
                      path: entryPath,
                      label: `${ctx.t.envValueLabel} ${i + 1}`,
                      hideLabel: true,
                      value: entry.value,
                      placeholder: ctx.t.envValueLabel,
                    })}
                    ${rowActions(ctx, entry.id, what, i, row.env.length, 'env')} ${groupError(errorId, error)}
                  </div>
                </li>`;
              },
            )}
          </ul>`}
      <div class="actions">
        <button type="button" data-action="add-env" data-row=${row.id}>${ctx.t.addEnv}</button>
      </div>`,
  );
}
