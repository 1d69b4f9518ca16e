/**
 * What a newer API's client refuses before anything is sent, from the content alone: what
 * contract/mcp-checks.ts finds (shared names, nameless headers, incomplete auth), and a baseline
 * that was not loaded from this API (a URL server of such a baseline has no name, so it would be
 * written under its host's, and its removal or change would miss the server as stored: reported
 * as saved, nothing changed). The form checks the first kind again after each edit.
 */
import { checksRefusal, MCP_CHECK_CODES, mcpChecks } from '../../contract/mcp-checks.js';
import type { SubmitResult } from '../../contract/result.js';
import type { SaveContent, SettingsApi } from '../../contract/settings-api.js';
import type { FormModel } from '../../model/form-model.js';
import { hasOwnErrors, keepOwnErrors } from '../../model/own-recheck.js';
import { mcpBody } from '../../model/to-body.js';

/**
 * After an edit: a refusal the edit settled (the other server of a shared name removed or
 * renamed, a nameless header removed, an auth method changed) goes. True when the errors changed.
 */
export function recheckContent(model: FormModel): boolean {
  if (!hasOwnErrors(model.state, MCP_CHECK_CODES)) return false;
  return keepOwnErrors(
    model.state,
    MCP_CHECK_CODES,
    mcpChecks(mcpBody(model.draft, true), model.storedState(true).mcp),
  );
}

const NOT_LOADED_HERE: SubmitResult = {
  kind: 'refused',
  message:
    'Nothing was sent: the stored MCP servers the form shows were not loaded from this server (a URL server has no name), so a change could miss the server as stored. Load them from this server first (autoload, or settings from it).',
};

function unnamedBaseline(content: SaveContent): boolean {
  const stored = content.stored.servers;
  return !!stored && [...stored.sse_servers, ...stored.shttp_servers].some((server) => server.x?.name === undefined);
}

/** What the form's content alone makes this API's MCP save refuse, or null. */
const refusalOf = (content: SaveContent): SubmitResult | null =>
  checksRefusal(content.servers, content.stored.servers) ?? (unnamedBaseline(content) ? NOT_LOADED_HERE : null);

/** `api` refusing up front what {@link refusalOf} finds (and its `saveMcp` too, if called alone). */
export function withContentChecks(api: SettingsApi): SettingsApi {
  return {
    ...api,
    checkMcp: async (content) => refusalOf(content),
    saveMcp: async (content, signal) => refusalOf(content) ?? api.saveMcp(content, signal),
  };
}
