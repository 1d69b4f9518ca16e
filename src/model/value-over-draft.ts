/**
 * A value (shaped like the request body) laid over the draft by position, as if the person had
 * typed it ({@link FormModel.setValue}): it edits through the model's own methods, and a row keeps
 * its id where one already exists at that place, so that a host page that feeds `value` back on
 * every change (a controlled component) keeps focus and keyed DOM, and only fields whose value
 * changed lose their errors.
 */
import { KEY_SEGMENT } from '../contract/pointer.js';
import { isRecord, readOwn } from '../contract/json.js';
import { newStdioRow, newUrlRow } from './draft.js';
import type { FormModel } from './form-model.js';
import { parseMcp, parseProviderContent, type StdioServerContent, type UrlServerContent } from './from-body.js';
import { addRow, dropRows } from './row-lists.js';
import type { StoredBaseline } from './stored-baseline.js';
import { emittedEnvRows, envBodyKey } from './to-body.js';

export function layValueOverDraft(model: FormModel, baseline: StoredBaseline, value: object): void {
  const { draft, index, tracker } = model.state;
  const content = parseProviderContent(readOwn(value, 'provider_tokens'));
  const extra = [...content].filter(([, c]) => c.token !== '' || (c.host ?? '') !== '').map(([p]) => p);
  baseline.arrangeProviders(extra);
  for (const row of draft.providers) {
    const typed = content.get(row.provider);
    // What the body says is what the row says after trimming: leave the row as typed then, so
    // a host that feeds `value` back on every change does not edit under the person's cursor.
    const token = typed?.token ?? '';
    if (token !== row.token.trim()) model.setField(row.id, 'token', token);
    const host = typed?.host ?? row.storedHost ?? '';
    if (host !== row.host.trim()) model.setField(row.id, 'host', host);
    // A removed provider is left out of the body: left out again, it stays removed.
    if (row.removed && typed) model.restoreProvider(row.id);
  }

  const raw = readOwn(value, 'mcp_config');
  const mcp = raw === null ? parseMcp(null) : isRecord(raw) ? parseMcp(raw) : baseline.mcpContent();
  layUrlServers(model, 'sse', mcp.sse);
  layUrlServers(model, 'shttp', mcp.shttp);
  layStdioServers(model, mcp.stdio);
  index.moved();
  tracker.recompute(draft.providers, draft);
}

function layUrlServers(model: FormModel, kind: 'sse' | 'shttp', content: readonly UrlServerContent[]): void {
  const { state } = model;
  const list = state.draft[kind];
  content.forEach((c, i) => {
    const row = list[i];
    if (row) {
      // What a newer API stores besides belongs to the server, not to its place in the list.
      if (c.x || c.url !== row.url) model.setExtras(row.id, c.x);
      model.setField(row.id, 'url', c.url);
      model.setField(row.id, 'api_key', c.apiKey);
    } else {
      addRow(state, { kind, row: newUrlRow(c, state.ids) });
    }
  });
  dropRows(state, list.splice(content.length));
}

function layStdioServers(model: FormModel, content: readonly StdioServerContent[]): void {
  const { state } = model;
  const list = state.draft.stdio;
  content.forEach((c, i) => {
    const row = list[i];
    if (!row) {
      addRow(state, { kind: 'stdio', row: newStdioRow(c, state.ids) });
      return;
    }
    if (c.x || c.name !== row.name) model.setExtras(row.id, c.x);
    model.setField(row.id, 'name', c.name);
    model.setField(row.id, 'command', c.command);
    c.args.forEach((value, j) => {
      const arg = row.args[j];
      if (arg) model.setField(arg.id, 'value', value);
      else model.addArg(row.id, value);
    });
    dropRows(state, row.args.splice(c.args.length));
    // Matched against the rows the body carries: blank rows and later duplicates are never sent,
    // so a value read from the form and set back leaves them where they are.
    const sent = emittedEnvRows(row);
    c.env.forEach(([key, value], j) => {
      const env = sent[j];
      if (!env) {
        model.addEnv(row.id, key, value);
        return;
      }
      if (key !== envBodyKey(env)) model.setField(env.id, KEY_SEGMENT, key);
      model.setField(env.id, 'value', value);
    });
    for (const env of sent.slice(c.env.length)) model.removeEnv(env.id);
  });
  dropRows(state, list.splice(content.length));
}
