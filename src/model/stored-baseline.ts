/**
 * What the form takes as stored (its baseline), how much of it the form knows, and the draft
 * kept in step with it: brought back to it (`reset`), rebased on a new one that arrived while the
 * person typed (`rebase`). Which provider sections exist depends on it too: a stored provider
 * always has one. Moving it on after a save made what was sent the stored state is the save's
 * (save-snapshot.ts, on demand), through the fields and methods marked for it.
 */
import type { StoredSettings } from '../contract/schema.js';
import { isRecord, readOwn, setOwn } from '../contract/json.js';
import type { StoredState } from './changes.js';
import { signature } from './dirty.js';
import type { McpDraft, ProviderRow, StdioServerRow, UrlServerRow } from './draft.js';
import { DEFAULT_PROVIDERS, newStdioRow, newUrlRow, SECTION_IDS } from './draft.js';
import { parseMcp, parseStoredProviders, type McpContent } from './from-body.js';
import { dropRows, type FormState } from './row-lists.js';
import { hasMcpConfig, mcpBody, stdioServerBody } from './to-body.js';

/** The MCP sections' own ids: an answer about a place the form has no row for lands on them. */
const MCP_SECTIONS: readonly string[] = [SECTION_IDS.mcpConfig, SECTION_IDS.sse, SECTION_IDS.shttp, SECTION_IDS.stdio];
/** Which parts of what is stored the form knows ({@link FormModel.known}). */
export interface StoredKnowledge {
  tokens: boolean;
  mcp: boolean;
}

function cloneUrl(row: UrlServerRow): UrlServerRow {
  return { id: row.id, url: row.url, apiKey: row.apiKey, x: row.x };
}

function cloneStdio(row: StdioServerRow): StdioServerRow {
  return {
    id: row.id,
    name: row.name,
    command: row.command,
    args: row.args.map((arg) => ({ id: arg.id, value: arg.value })),
    env: row.env.map((env) => ({ id: env.id, key: env.key, value: env.value })),
    x: row.x,
  };
}

/** The same rows (ids kept) as new objects: the draft and the baseline never share one, as editing one must not change the other. */
export function cloneMcp(mcp: McpDraft): McpDraft {
  return {
    mcpPresent: mcp.mcpPresent,
    sse: mcp.sse.map(cloneUrl),
    shttp: mcp.shttp.map(cloneUrl),
    stdio: mcp.stdio.map(cloneStdio),
  };
}

const stdioContent = (row: StdioServerRow): string => JSON.stringify(stdioServerBody(row));

/** The loaded rows, then the person's rows that are not equal to one of them. */
function mergeAdded<T>(loaded: T[], mine: readonly T[], content: (row: T) => string): T[] {
  const seen = new Set(loaded.map(content));
  return [...loaded, ...mine.filter((row) => !seen.has(content(row)))];
}

export class StoredBaseline {
  /** The providers the host page offers, in order ({@link FormModel.providers}). */
  listed: readonly string[] = DEFAULT_PROVIDERS;
  /** Whether each part is known, or only assumed empty ({@link FormModel.known}). */
  known: StoredKnowledge = { tokens: false, mcp: false };
  /** Provider -> stored host, in the order the settings listed them. For this file and the save. */
  providers = new Map<string, string | null>();
  /** The stored MCP servers as rows. For this file and the save. */
  mcp: McpDraft = { mcpPresent: false, sse: [], shttp: [], stdio: [] };

  constructor(private readonly state: FormState) {}

  /** {@link FormModel.setSettings}: what the person changed survives the new baseline. */
  rebase(settings: StoredSettings | null, tokensKnown: boolean): void {
    const { draft, tracker } = this.state;
    const providerEdits = new Map<string, { token: string; host: string | null; removed: boolean }>();
    for (const row of draft.providers) {
      const hostEdited = row.host !== (row.storedHost ?? '');
      if (row.token !== '' || hostEdited || row.removed)
        providerEdits.set(row.provider, { token: row.token, host: hostEdited ? row.host : null, removed: row.removed });
    }
    const providerIds = new Set(draft.providers.map((row) => row.id));
    const editedMcp = tracker.dirtyBeyond(providerIds)
      ? { sse: draft.sse, shttp: draft.shttp, stdio: draft.stdio }
      : null;
    // What a save answered about the MCP servers the person edited (a partial save: the tokens
    // stored, the servers not) stays with them, as they survive; the rest goes with the old baseline.
    const { errors, index } = this.state;
    const answered = editedMcp ? [...errors.rows].filter(([id]) => index.get(id)?.kind !== 'provider') : [];
    const mcpWasKnown = this.known.mcp;

    this.known = { tokens: tokensKnown, mcp: isRecord(settings) };
    this.providers = parseStoredProviders(readOwn(settings, 'provider_tokens_set'));
    this.mcp = this.rows(parseMcp(readOwn(settings, 'mcp_config')));
    tracker.rebase(this.mcp);
    this.reset();

    for (const row of draft.providers) {
      const edit = providerEdits.get(row.provider);
      if (!edit) continue;
      row.token = edit.token;
      if (edit.host !== null) row.host = edit.host;
      row.removed = edit.removed && row.stored;
    }
    if (editedMcp) {
      // Servers added to a baseline that was only assumed empty are added to the one now known.
      const added = mcpWasKnown || !this.known.mcp ? null : draft;
      draft.sse = added ? mergeAdded(added.sse, editedMcp.sse, signature.url) : editedMcp.sse;
      draft.shttp = added ? mergeAdded(added.shttp, editedMcp.shttp, signature.url) : editedMcp.shttp;
      draft.stdio = added ? mergeAdded(added.stdio, editedMcp.stdio, stdioContent) : editedMcp.stdio;
      if (added && hasMcpConfig(draft)) draft.mcpPresent = true;
      index.rebuild();
      for (const [id, fields] of answered)
        if (index.get(id) || MCP_SECTIONS.includes(id))
          for (const [field, slot] of fields) if (slot.server.length) errors.write(id, field, [], slot.server);
    }
    tracker.recompute(draft.providers, draft);
  }

  /** {@link FormModel.settingsNotFound}: no MCP servers stored; the tokens as known before. */
  notFound(): void {
    let tokensSet: Record<string, string | null> | null = null;
    if (this.known.tokens) {
      tokensSet = {};
      for (const [provider, host] of this.providers) setOwn(tokensSet, provider, host);
    }
    this.rebase({ provider_tokens_set: tokensSet, mcp_config: null }, this.known.tokens);
  }

  stored(named = false): StoredState {
    return { providers: new Map(this.providers), mcp: mcpBody(this.mcp, named) };
  }

  /** The MCP servers as content, for a value that says nothing of them (it keeps the baseline's). */
  mcpContent(): McpContent {
    const { mcp } = this;
    return {
      present: mcp.mcpPresent,
      sse: mcp.sse,
      shttp: mcp.shttp,
      stdio: mcp.stdio.map((row) => ({
        name: row.name,
        command: row.command,
        args: row.args.map((arg) => arg.value),
        env: row.env.map((env): [string, string] => [env.key, env.value]),
      })),
    };
  }

  /** {@link FormModel.reset}. */
  reset(): void {
    const { draft } = this.state;
    for (const row of draft.providers) this.resetProvider(row);
    this.arrangeProviders();
    Object.assign(draft, cloneMcp(this.mcp));
    this.state.index.rebuild();
    this.state.errors.clearAll();
    this.state.tracker.recompute(draft.providers, draft);
  }

  /**
   * Lays out the provider rows: listed ones in list order, then stored ones not listed (in stored
   * order), then `extra` (unlisted providers a value gave content). Existing rows are reused, so
   * ids and typed content survive; rows that fall out are forgotten with their errors.
   */
  arrangeProviders(extra: readonly string[] = []): void {
    const { draft, index } = this.state;
    const existing = new Map(draft.providers.map((row) => [row.provider, row]));
    const next: ProviderRow[] = [];
    const placed = new Set<string>();
    const place = (provider: string): void => {
      if (placed.has(provider)) return;
      placed.add(provider);
      let row = existing.get(provider);
      if (row) {
        this.markStored(row);
      } else {
        row = {
          id: this.state.ids.next(),
          provider,
          token: '',
          host: '',
          stored: false,
          storedHost: null,
          removed: false,
        };
        this.resetProvider(row);
        index.add({ kind: 'provider', row });
      }
      next.push(row);
    };
    for (const provider of this.listed) place(provider);
    for (const provider of this.providers.keys()) place(provider);
    for (const provider of extra) place(provider);
    const fallenOut = draft.providers.filter((row) => !placed.has(row.provider));
    dropRows(this.state, fallenOut);
    draft.providers = next;
  }

  /** The row takes what is stored for its provider. For this file and the save. */
  markStored(row: ProviderRow): void {
    row.stored = this.providers.has(row.provider);
    row.storedHost = this.providers.get(row.provider) ?? null;
  }

  private resetProvider(row: ProviderRow): void {
    this.markStored(row);
    row.token = '';
    row.host = row.storedHost ?? '';
    row.removed = false;
  }

  /** Rows with fresh ids for servers read from outside. For this file and the save. */
  rows(mcp: McpContent): McpDraft {
    const { ids } = this.state;
    return {
      mcpPresent: mcp.present,
      sse: mcp.sse.map((c) => newUrlRow(c, ids)),
      shttp: mcp.shttp.map((c) => newUrlRow(c, ids)),
      stdio: mcp.stdio.map((c) => newStdioRow(c, ids)),
    };
  }
}
