/**
 * A newer API's client whose MCP save is refused, before anything is sent, where names would go
 * wrong: two servers of one name or a header without one (contract/mcp-names.ts), or a baseline
 * that was not loaded from this API. A URL server of such a baseline has no name, so it would be
 * written under its host's, and its removal or change would miss the server as stored (reported
 * as saved, nothing changed).
 */
import { duplicateNames, emptyHeaderNames, namesRefusal } from '../../contract/mcp-names.js';
import type { SubmitResult } from '../../contract/result.js';
import type { SaveContent, SettingsApi } from '../../contract/settings-api.js';
import type { FormModel } from '../../model/form-model.js';
import { hasOwnErrors, keepOwnErrors } from '../../model/own-recheck.js';
import { mcpBody } from '../../model/to-body.js';

/** The codes of {@link namesRefusal}'s checks: what the form can check again after each edit. */
const NAME_CODES: ReadonlySet<string> = new Set(['name_taken', 'header_name_empty']);

/**
 * After an edit: a refusal about names that the edit settled (the other server of a shared name
 * removed or renamed, a nameless header named or removed) goes. True when the errors changed.
 */
export function recheckNames(model: FormModel): boolean {
  if (!hasOwnErrors(model.state, NAME_CODES)) return false;
  const servers = mcpBody(model.draft, true);
  return keepOwnErrors(model.state, NAME_CODES, [...duplicateNames(servers), ...emptyHeaderNames(servers)]);
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

export function withNamesChecked(api: SettingsApi): SettingsApi {
  return {
    ...api,
    saveMcp: async (content, signal) =>
      namesRefusal(content.servers) ?? (unnamedBaseline(content) ? NOT_LOADED_HERE : api.saveMcp(content, signal)),
  };
}
