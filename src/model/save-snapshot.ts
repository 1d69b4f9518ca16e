/**
 * What a save sends and how its answer is settled, part by part (DESIGN.md, "Saving"): the body
 * taken with what each provider row held at that moment, so that the person's edits made while
 * the request is in flight stay theirs. Used by the save (element/save-controller.ts), which comes
 * with the on-demand module, and so does the baseline's move after a save ({@link commitTokens},
 * {@link commitMcp}): what it does to the stored baseline (stored-baseline.ts) is here.
 */
import type { ProviderSettingsBody } from '../contract/schema.js';
import type { SaveContent } from '../contract/settings-api.js';
import { providerIsDirty } from './dirty.js';
import type { ProviderRow } from './draft.js';
import type { FormModel } from './form-model.js';
import { isRecord, ownKeys, readOwn } from '../contract/json.js';
import { SECTION_IDS } from './draft.js';
import { parseMcp } from './from-body.js';
import { cloneMcp } from './stored-baseline.js';
import { isBlankEnvRow, mcpBody } from './to-body.js';

/** What a provider row holds, as the person left it. */
export interface ProviderContent {
  readonly token: string;
  readonly host: string;
  readonly removed: boolean;
}

/** The body of a save, taken with what it was taken from. */
export interface SaveSnapshot {
  readonly body: ProviderSettingsBody;
  /** What the server API is handed: the body, the servers with what newer APIs add, the baseline. */
  readonly content: SaveContent;
  /** Provider row id -> what it held when the body was taken. */
  readonly providers: ReadonlyMap<string, ProviderContent>;
  /** The MCP servers sent differ from the stored ones (a settings write is needed to store them). */
  readonly mcpChanged: boolean;
}

/** Whether the MCP servers the form would send differ from the stored ones. */
export function mcpChanged(model: FormModel): boolean {
  return JSON.stringify(mcpBody(model.draft, true)) !== JSON.stringify(model.storedState(true).mcp);
}

/** Whether any provider differs from what is stored (a token typed, a host edited, a removal). */
export function providersChanged(model: FormModel): boolean {
  return model.draft.providers.some(providerIsDirty);
}

export function takeSnapshot(model: FormModel): SaveSnapshot {
  const body = model.toBody();
  const stored = model.storedState(true);
  return {
    body,
    content: {
      body,
      servers: mcpBody(model.draft, true),
      stored: { providers: model.known.tokens ? Object.fromEntries(stored.providers) : null, servers: stored.mcp },
    },
    providers: new Map(
      model.draft.providers.map((row) => [row.id, { token: row.token, host: row.host, removed: row.removed }]),
    ),
    mcpChanged: mcpChanged(model),
  };
}

/**
 * What the server holds after storing `body` over `stored`, by its rules (docs/CONTRACT.md,
 * "Storing tokens"): the map replaces the stored one, a provider already stored keeps its token
 * and takes the sent host, a new one is stored only if it had a token.
 */
export function storedAfter(
  body: ProviderSettingsBody,
  stored: ReadonlyMap<string, string | null>,
): Map<string, string | null> {
  const tokens = readOwn(body, 'provider_tokens');
  const next = new Map<string, string | null>();
  for (const provider of ownKeys(tokens)) {
    const entry = readOwn(tokens, provider);
    if (!isRecord(entry)) continue;
    const token = readOwn(entry, 'token');
    const host = readOwn(entry, 'host');
    if (stored.has(provider) || (typeof token === 'string' && token !== '')) {
      next.set(provider, typeof host === 'string' && host.trim() !== '' ? host : null);
    }
  }
  return next;
}

/**
 * After the server stored the tokens of `sent`. Each provider row is settled field by field
 * against what it held when the body was taken: a token that was sent is cleared (secrets do not
 * linger in the form), a host that was sent becomes the stored one, a removal that was sent is
 * done. What the person changed since (a token typed, a host edited, a removal confirmed or undone
 * while the request was in flight) stays as they left it, and dirty.
 */
export function markTokensSaved(model: FormModel, sent: SaveSnapshot): void {
  commitTokens(model, storedAfter(sent.body, model.storedState().providers), (row: ProviderRow) => {
    const was = sent.providers.get(row.id);
    if (was) {
      if (row.token === was.token && !was.removed) row.token = '';
      if (row.host === was.host) row.host = row.storedHost ?? '';
    }
    // A removal sent is done; one confirmed since waits for the next save, if there is anything to delete.
    row.removed &&= row.stored && !was?.removed;
  });
}

/** After the server stored the MCP servers of `sent` (see {@link commitMcp}). */
export function markMcpSaved(model: FormModel, sent: SaveSnapshot): void {
  commitMcp(model, sent.content.servers);
}

/**
 * After the server stored a token map: `stored` is what it now holds (provider -> host), and
 * the token set is known from here on. Each provider row takes its stored state, then `settle`
 * decides what of the person's edits it keeps ({@link markTokensSaved}). Removed providers
 * disappear unless listed; errors of the providers are cleared.
 */
function commitTokens(
  model: FormModel,
  stored: ReadonlyMap<string, string | null>,
  settle: (row: ProviderRow) => void,
): void {
  const { baseline } = model;
  const { draft, errors, tracker } = model.state;
  baseline.providers = new Map(stored);
  baseline.known = { ...baseline.known, tokens: true };
  for (const row of draft.providers) {
    baseline.markStored(row);
    settle(row);
    errors.clearRow(row.id);
  }
  baseline.arrangeProviders();
  errors.clearRow(SECTION_IDS.providerTokens);
  tracker.recompute(draft.providers, draft);
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/**
 * After the server stored the MCP servers `sentMcp`: they become the MCP baseline. When the draft
 * still says exactly that (the normal case) its rows become the baseline, ids kept, minus blank
 * env rows (never sent, so not saved). If the draft changed while the request was in flight,
 * those edits are kept and stay dirty. Errors of the MCP servers are cleared.
 */
function commitMcp(model: FormModel, sentMcp: unknown): void {
  const { baseline } = model;
  const { draft, index, errors, tracker } = model.state;
  if (sameJson(mcpBody(draft, true), sentMcp ?? null)) {
    for (const server of draft.stdio) {
      for (const env of server.env.filter(isBlankEnvRow)) {
        server.env.splice(server.env.indexOf(env), 1);
        index.remove(env.id);
      }
    }
    baseline.mcp = { ...cloneMcp(draft), mcpPresent: isRecord(sentMcp) };
  } else {
    baseline.mcp = baseline.rows(parseMcp(sentMcp));
  }
  baseline.known = { ...baseline.known, mcp: true };
  draft.mcpPresent = baseline.mcp.mcpPresent;
  const providerIds = new Set(draft.providers.map((row) => row.id));
  for (const id of [...errors.rows.keys()])
    if (!providerIds.has(id) && id !== SECTION_IDS.providerTokens) errors.clearRow(id);
  tracker.rebase(baseline.mcp);
  tracker.recompute(draft.providers, draft);
}
