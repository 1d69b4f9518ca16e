/**
 * The MCP section's "Import / export" panel: import servers from pasted or dropped JSON (Claude
 * Desktop / Cursor, VS Code, OpenHands) after a preview, export the form's servers as OpenHands or
 * `mcpServers` JSON, and edit the MCP configuration as raw JSON. A module of its own, loaded the
 * first time the panel opens, so a page that never opens it never loads it; its styles come with
 * the on-demand module (on-demand.styles.ts), which it needs for the checks anyway.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ProviderSettingsBody } from '../contract/schema.js';
import { toMcpServersJson, toOpenHandsJson } from '../import/mcp-export.js';
import {
  findClashes,
  importMcpServers,
  type ClashReason,
  type ImportedServer,
  type ImportOutcome,
} from '../import/mcp-import.js';
import { parseJsonAt } from '../import/json-location.js';
import type { FormModel } from '../model/form-model.js';
import { mcpBody } from '../model/to-body.js';
import { readServerMap, writeServerMap } from '../contract/mcp-map.js';
import type { NamedMcpConfig } from '../contract/mcp-server.js';
import { isRecord } from '../contract/json.js';
import type { ApiKind } from '../contract/settings-api.js';
import { ProviderSettingsChangeEvent } from './events.js';
import { defaultMcpToolsStrings } from './mcp-tools-strings.js';
import { defaultReviewStrings } from './review-strings.js';
import type { McpToolsStrings, ProviderSettingsStrings } from './strings.js';

/** What the panel needs of the element: its public API, and where it renders. */
export interface McpToolsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  dispatchEvent(event: Event): boolean;
  get value(): ProviderSettingsBody;
  set value(body: unknown);
  validate(): Promise<boolean>;
  /** The server API in use: a newer one stores a URL server's name and headers, which an import then keeps. */
  readonly serverApi: ApiKind | null;
}

export type ExportFormat = 'openhands' | 'mcpServers';

/** The form's MCP servers, every list present. */
function currentConfig(model: FormModel): NamedMcpConfig {
  // With what a newer server API stores besides (`x`): the export keeps a URL server's name and headers.
  const mcp = mcpBody(model.draft, true);
  return {
    sse_servers: mcp?.sse_servers ?? [],
    shttp_servers: mcp?.shttp_servers ?? [],
    stdio_servers: mcp?.stdio_servers ?? [],
  };
}

/** Adds one imported server to the form through the model's editing methods. */
export function addImported(model: FormModel, item: ImportedServer): string {
  const id = model.addServer(item.kind);
  if (item.kind === 'stdio') {
    model.setField(id, 'name', item.server.name);
    model.setField(id, 'command', item.server.command);
    for (const arg of item.server.args) model.addArg(id, arg);
    for (const [key, value] of Object.entries(item.server.env)) model.addEnv(id, key, value);
  } else {
    model.setField(id, 'url', item.server.url);
    model.setField(id, 'api_key', item.server.api_key ?? '');
    if (item.server.x) model.setExtras(id, item.server.x);
  }
  return id;
}

export class McpTools implements ReactiveController {
  /** Whether the panel is shown. */
  open = false;
  private importText = '';
  private outcome: ImportOutcome | null = null;
  /** Per previewed server: whether it will be added; and why it clashes, if it does. */
  private selected: boolean[] = [];
  private clashes: (ClashReason | undefined)[] = [];
  private format: ExportFormat = 'openhands';
  private secrets = false;
  /** What the raw view's textarea holds once the person edits it; null: the form's configuration. */
  private raw: string | null = null;
  private rawError = '';
  private status = '';
  /** What takes focus once the panel's next update is rendered. */
  private focusNext?: () => Element | null;

  constructor(
    private readonly host: McpToolsHost,
    private readonly model: FormModel,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const target = this.focusNext?.();
    this.focusNext = undefined;
    if (target instanceof HTMLElement) target.focus();
  }

  /** Opens the panel and moves focus into it. */
  show(): void {
    this.open = true;
    this.status = '';
    this.update(() => this.host.renderRoot.querySelector('[part="mcp-tools"]'));
  }

  /** Closes the panel; focus goes back to its button (or to `focus`). */
  close(focus = () => this.host.renderRoot.querySelector('[data-action="mcp-tools"]')): void {
    this.open = false;
    this.outcome = null;
    this.raw = null;
    this.rawError = '';
    this.update(focus);
  }

  /**
   * A field of the form changed (the element calls this on `change`, when a field is left): the
   * export and a raw view the person has not edited show the form's configuration, so they are
   * drawn again. Not on every keystroke: on a large form that would serialise it per key.
   */
  formChanged(): void {
    if (this.open) this.update();
  }

  private update(focus?: () => Element | null): void {
    if (focus) this.focusNext = focus;
    this.host.requestUpdate();
  }

  /** The export's text, in the chosen format, secrets masked unless asked for. */
  exportText(): string {
    const config = currentConfig(this.model);
    const options = { includeSecrets: this.secrets };
    return this.format === 'openhands' ? toOpenHandsJson(config, options) : toMcpServersJson(config, options);
  }

  preview(text = this.importText): void {
    this.importText = text;
    const api = this.host.serverApi;
    const outcome = importMcpServers(text, { named: api === 'v1' || api === 'agent-server' });
    this.outcome = outcome;
    this.status = '';
    if (outcome.ok) {
      const found = new Map(
        findClashes(outcome.preview.servers, currentConfig(this.model)).map((c) => [c.imported, c.reason]),
      );
      this.clashes = outcome.preview.servers.map((s) => found.get(s));
      this.selected = this.clashes.map((c) => c === undefined);
    }
    this.update();
  }

  /** Adds the checked servers of the preview and closes the panel, focusing the first one added. */
  addSelected(): void {
    if (!this.outcome?.ok) return;
    const ids = this.outcome.preview.servers.filter((_, i) => this.selected[i]).map((s) => addImported(this.model, s));
    if (ids.length === 0) return;
    this.importText = '';
    this.host.dispatchEvent(new ProviderSettingsChangeEvent(this.model.dirty));
    this.close(() => this.host.renderRoot.querySelector(`[data-row="${CSS.escape(ids[0]!)}"] input`));
  }

  /**
   * Replaces the form's MCP servers with the raw JSON. A syntax error changes nothing. Otherwise
   * the form's checks run: when they find problems, the panel closes so they show on their fields.
   */
  /** A newer server API stores servers by name, with what V0 cannot (names, headers, auth). */
  private get named(): boolean {
    const api = this.host.serverApi;
    return api === 'v1' || api === 'agent-server';
  }

  /**
   * The raw view's JSON of the form's servers: OpenHands 0.53's `mcp_config`, or on a newer API the
   * map by name those servers store (secrets they read back masked stay masked), so that applying
   * it keeps every name, header and auth.
   */
  private rawText(): string {
    const config = currentConfig(this.model);
    if (this.named) return JSON.stringify(writeServerMap(config), null, 2) + '\n';
    return toOpenHandsJson(config, { includeSecrets: true });
  }

  applyRaw(t: McpToolsStrings): void {
    const text = this.raw ?? this.rawText();
    const parsed = parseJsonAt(text);
    this.status = '';
    if (!parsed.ok) {
      const { line, column, message } = parsed.error;
      this.rawError = t.syntaxError(line, column, message);
      return this.update();
    }
    let value = parsed.value;
    if (value !== null && !isRecord(value)) {
      this.rawError = t.notAnObject;
      return this.update();
    }
    if (this.named) value = { mcp_config: readServerMap(value)?.config ?? null };
    this.rawError = '';
    // Only the MCP part changes: typed tokens and hosts go back in as they are, and a stored
    // token the person asked to delete stays marked for deletion.
    const removed = this.model.draft.providers.filter((p) => p.removed).map((p) => p.id);
    this.host.value = {
      provider_tokens: this.host.value.provider_tokens,
      mcp_config: isRecord(value) && isRecord(value['mcp_config']) ? value['mcp_config'] : value,
    };
    for (const id of removed) this.model.removeProvider(id);
    this.raw = null;
    this.host.dispatchEvent(new ProviderSettingsChangeEvent(this.model.dirty));
    // The checks came with this module, so this settles at once.
    void this.host.validate().then((valid) => {
      if (valid) {
        this.status = t.applied;
        this.update();
      } else {
        this.close(() => this.host.renderRoot.querySelector('[part="error-summary"]'));
      }
    });
  }

  private copy(t: McpToolsStrings): void {
    const text = this.exportText();
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(text))
      .then(
        () => (this.status = t.copied),
        () => (this.status = t.copyFailed),
      )
      .then(() => this.update());
  }

  private download(): void {
    const url = URL.createObjectURL(new Blob([this.exportText()], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = this.format === 'openhands' ? 'mcp_config.json' : 'mcp-servers.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url));
  }

  private readFile(file: File | undefined): void {
    if (file) void file.text().then((text) => this.preview(text));
  }

  /** The panel, or nothing while it is closed. */
  render(st: ProviderSettingsStrings): TemplateResult | string {
    if (!this.open) return '';
    const t: McpToolsStrings = { ...defaultMcpToolsStrings, ...st.mcpTools };
    const raw = this.raw ?? this.rawText();
    return html`<div
      class="card"
      part="mcp-tools"
      role="group"
      tabindex="-1"
      aria-labelledby="mcp-tools-heading"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        this.close();
      }}
    >
      <h3 id="mcp-tools-heading">${t.heading}</h3>
      <div role="group" aria-labelledby="mcp-import-heading">
        <h4 id="mcp-import-heading">${t.importHeading}</h4>
        <label for="mcp-import-text">${t.importLabel}</label>
        <p class="hint" id="mcp-import-hint">${t.importHint}</p>
        <textarea
          id="mcp-import-text"
          autocomplete="off"
          spellcheck="false"
          aria-describedby=${this.outcome && !this.outcome.ok ? 'mcp-import-hint mcp-import-error' : 'mcp-import-hint'}
          aria-invalid=${this.outcome && !this.outcome.ok ? 'true' : 'false'}
          .value=${this.importText}
          @input=${(e: Event) => (this.importText = (e.target as HTMLTextAreaElement).value)}
          @dragover=${(e: DragEvent) => e.preventDefault()}
          @drop=${(e: DragEvent) => {
            e.preventDefault();
            this.readFile(e.dataTransfer?.files[0]);
          }}
        ></textarea>
        <label for="mcp-import-file">${t.fileLabel}</label>
        <input
          type="file"
          id="mcp-import-file"
          accept=".json,application/json"
          @change=${(e: Event) => this.readFile((e.target as HTMLInputElement).files?.[0])}
        />
        <div class="actions"><button type="button" data-tool="preview" @click=${() => this.preview()}>${t.preview}</button></div>
        <p id="mcp-import-found" role="status">${this.outcome?.ok ? t.found(this.outcome.preview.servers.length, t.formats[this.outcome.preview.format]) : ''}</p>
        ${this.previewBlock(st, t)}
      </div>
      <div role="group" aria-labelledby="mcp-export-heading">
        <h4 id="mcp-export-heading">${t.exportHeading}</h4>
        <label for="mcp-export-format">${t.formatLabel}</label>
        <select
          id="mcp-export-format"
          @change=${(e: Event) => {
            this.format = (e.target as HTMLSelectElement).value as ExportFormat;
            this.update();
          }}
        >
          <option value="openhands" ?selected=${this.format === 'openhands'}>${t.formatOpenHands}</option>
          <option value="mcpServers" ?selected=${this.format === 'mcpServers'}>${t.formatMcpServers}</option>
        </select>
        <label class="check"
          ><input
            type="checkbox"
            id="mcp-export-secrets"
            .checked=${this.secrets}
            @change=${(e: Event) => {
              this.secrets = (e.target as HTMLInputElement).checked;
              this.update();
            }}
          />${t.includeSecrets}</label
        >
        <label for="mcp-export-text">${t.exportLabel}</label>
        <textarea id="mcp-export-text" readonly autocomplete="off" spellcheck="false" .value=${this.exportText()}></textarea>
        <div class="actions">
          <button type="button" data-tool="copy" @click=${() => this.copy(t)}>${t.copy}</button>
          <button type="button" data-tool="download" @click=${() => this.download()}>${t.download}</button>
        </div>
      </div>
      <div role="group" aria-labelledby="mcp-raw-heading">
        <h4 id="mcp-raw-heading">${t.rawHeading}</h4>
        <label for="mcp-raw-text">${t.rawLabel}</label>
        <p class="warning" id="mcp-raw-warning">${t.rawWarning}</p>
        <textarea
          id="mcp-raw-text"
          autocomplete="off"
          spellcheck="false"
          aria-describedby=${this.rawError ? 'mcp-raw-warning mcp-raw-error' : 'mcp-raw-warning'}
          aria-invalid=${this.rawError ? 'true' : 'false'}
          .value=${raw}
          @input=${(e: Event) => (this.raw = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${this.rawError ? html`<p class="error" id="mcp-raw-error" role="alert">${this.rawError}</p>` : ''}
        <div class="actions"><button type="button" data-tool="apply" @click=${() => this.applyRaw(t)}>${t.apply}</button></div>
      </div>
      <div class="actions">
        <button type="button" data-tool="close" @click=${() => this.close()}>${t.close}</button>
        <p class="status" id="mcp-tools-status" role="status">${this.status}</p>
      </div>
    </div>`;
  }

  private importErrorText(outcome: Exclude<ImportOutcome, { ok: true }>, t: McpToolsStrings): string {
    if ('syntax' in outcome) return t.syntaxError(outcome.syntax.line, outcome.syntax.column, outcome.syntax.message);
    return outcome.problem === 'not_object' ? t.importNotAnObject : t.nothingFound;
  }

  private previewBlock(st: ProviderSettingsStrings, t: McpToolsStrings): TemplateResult | string {
    const outcome = this.outcome;
    if (!outcome) return '';
    if (!outcome.ok)
      // One line inside the paragraph: `.error` keeps white space (pre-wrap).
      return html`<p class="error" id="mcp-import-error" role="alert">${this.importErrorText(outcome, t)}</p>`;
    const { format, servers, skipped } = outcome.preview;
    const kinds = { ...defaultReviewStrings.serverKind, ...st.review.serverKind };
    const count = this.selected.filter(Boolean).length;
    // What it found is announced by the status above, there before the preview (#mcp-import-found).
    return html`<div class="preview" data-format=${format}>
      <ul class="entries" aria-labelledby="mcp-import-found">
        ${servers.map(
          (s, i) => html`<li data-kind=${s.kind}>
            <label class="check"
              ><input
                type="checkbox"
                .checked=${this.selected[i] ?? false}
                @change=${(e: Event) => {
                  this.selected[i] = (e.target as HTMLInputElement).checked;
                  this.update();
                }}
              />${t.serverEntry(kinds[s.kind], s.kind === 'stdio' ? s.server.name : s.server.url)}</label
            >
            ${
              this.clashes[i] || s.notes.length
                ? html`<ul>
                  ${this.clashes[i] ? html`<li class="error clash">${t.clash(this.clashes[i])}</li>` : ''}
                  ${s.notes.map((n) => html`<li class="note">${t.note(n)}</li>`)}
                </ul>`
                : ''
            }
          </li>`,
        )}
      </ul>
      ${
        skipped.length
          ? html`<h5 id="mcp-import-skipped">${t.skippedHeading}</h5>
            <ul class="skipped" aria-labelledby="mcp-import-skipped">
              ${skipped.map((s) => html`<li>${t.skipped(s.name, t.skipReason(s.reason))}</li>`)}
            </ul>`
          : ''
      }
      <div class="actions">
        <button type="button" class="primary" data-tool="add" ?disabled=${count === 0} @click=${() => this.addSelected()}>
          ${t.addSelected(count)}
        </button>
      </div>
    </div>`;
  }
}
