/**
 * Which server API stands behind the save seam (contract/settings-api.ts): the element's `api`,
 * or for `auto` the one that answers (contract/detect.ts, remembered per base URL). V0's client
 * comes with the on-demand module; the client of a newer API, with its MCP conversion and the
 * editors of what it stores besides, is a chunk of its own, loaded only when that API is the one.
 */
import { detectApi } from '../contract/detect.js';
import type { GetStoredSettingsResult } from '../contract/http.js';
import type { SubmitResult } from '../contract/result.js';
import type { ApiConnection, ApiKind, SettingsApi } from '../contract/settings-api.js';
import { v0Api } from '../contract/v0-client.js';
import { NOT_LOADED } from './controllers/on-demand.js';

type Connection = (signal: AbortSignal) => ApiConnection;
/** A failure before any client was reached: nothing answered as an API, or a module did not load. */
type Unresolved = Exclude<GetStoredSettingsResult, { kind: 'loaded' | 'not-found' }>;

const KINDS: readonly string[] = ['v0', 'v1', 'agent-server'];

async function clientOf(api: Exclude<ApiKind, 'v0'>, connection: Connection, providers: () => readonly string[]) {
  const named = await import('./named/index.js');
  const client = await (api === 'v1' ? import('./named/v1.js') : import('./named/agent-server.js'));
  return { named, client: client.api(connection, providers) };
}

/**
 * A {@link SettingsApi} that finds out, at each call, which API it is talking to: the element's
 * `api` (read at call time: it may change), or for `auto` (and any value that is not an API's
 * name) the one that answered; and tells the element (`found`) before the call goes on.
 */
export function serverApi(connection: Connection, providers: () => readonly string[]): SettingsApi {
  const v0 = v0Api(connection, providers);
  // One client per API for this element: what a client learns of its server (the agent-server's
  // map shape) holds from one call to the next.
  const clients = new Map<ApiKind, ReturnType<typeof clientOf>>();
  const resolve = async (signal: AbortSignal): Promise<SettingsApi | Unresolved> => {
    const c = connection(signal);
    let api = KINDS.includes(c.api ?? '') ? (c.api as ApiKind) : undefined;
    if (!api) {
      const found = await detectApi(c);
      if (found.api === null) return found.result as Unresolved;
      api = found.api;
    }
    if (api === 'v0') {
      if (!signal.aborted) c.found?.(api);
      return v0;
    }
    let loading = clients.get(api);
    if (!loading) clients.set(api, (loading = clientOf(api, connection, providers)));
    try {
      const { named, client } = await loading;
      // A call cancelled meanwhile (a new base URL, another `api`) says nothing of the API in use.
      if (!signal.aborted) c.found?.(api, named);
      return client;
    } catch {
      clients.delete(api);
      return NOT_LOADED;
    }
  };
  const isApi = (r: SettingsApi | Unresolved): r is SettingsApi => 'load' in r;
  return {
    async load(signal, secrets) {
      const api = await resolve(signal);
      return isApi(api) ? api.load(signal, secrets) : api;
    },
    async saveTokens(content, signal) {
      const api = await resolve(signal);
      return isApi(api) ? api.saveTokens(content, signal) : (api as SubmitResult);
    },
    async saveMcp(content, signal) {
      const api = await resolve(signal);
      return isApi(api) ? api.saveMcp(content, signal) : (api as SubmitResult);
    },
    async checkMcp(content, signal) {
      const api = await resolve(signal);
      return isApi(api) ? ((await api.checkMcp?.(content, signal)) ?? null) : (api as SubmitResult);
    },
  };
}
