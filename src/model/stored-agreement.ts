/**
 * Whether a fresh `GET /api/settings` says what the form already takes as stored. After a save
 * the form knows what it stored; the load that follows (`autoload`) usually agrees, and then
 * taking it as a new baseline would only rebuild every server row (new ids: the card being
 * edited re-rendered, focus lost) and clear errors the person has met since.
 */
import type { StoredSettings } from '../contract/schema.js';
import type { Draft } from './draft.js';
import type { FormModel } from './form-model.js';
import { parseMcp, parseStoredProviders, type McpContent } from './from-body.js';
import { jsonEqual } from '../contract/merge-patch.js';
import { mcpBody } from './to-body.js';

/** `settings` null: a 404, no settings record, so no MCP servers stored (and nothing said of the tokens). */
export function agreesWithStored(model: FormModel, settings: StoredSettings | null): boolean {
  if (!model.known.tokens || !model.known.mcp) return false;
  const stored = model.storedState();
  if (settings === null) return stored.mcp === null;
  const tokens = parseStoredProviders(settings.provider_tokens_set);
  if (tokens.size !== stored.providers.size) return false;
  for (const [provider, host] of tokens)
    if (!stored.providers.has(provider) || stored.providers.get(provider) !== host) return false;
  // With what a newer API stores besides (`x`): a name, an auth or a header changed elsewhere is a
  // new baseline too, and a secret the form sent in clear and the server reads back masked makes
  // the masked one the baseline (the typed secret leaves the form, as a saved token does). Key
  // order plays no part.
  return jsonEqual(mcpBody(asDraft(parseMcp(settings.mcp_config)), true), model.storedState(true).mcp);
}

/** Parsed servers as rows (ids play no part in a body), so both sides are written by the same code. */
function asDraft(mcp: McpContent): Draft {
  return {
    providers: [],
    mcpPresent: mcp.present,
    sse: mcp.sse.map((s) => ({ id: '', ...s })),
    shttp: mcp.shttp.map((s) => ({ id: '', ...s })),
    stdio: mcp.stdio.map((s) => ({
      id: '',
      name: s.name,
      command: s.command,
      args: s.args.map((value) => ({ id: '', value })),
      env: s.env.map(([key, value]) => ({ id: '', key, value })),
      x: s.x,
    })),
  };
}
