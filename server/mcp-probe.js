// @ts-check
/**
 * What an MCP connection test finds. The real servers start the server or call its URL; this one
 * cannot, so the outcome follows from the configuration, by a documented convention (the same
 * spirit as provider-check.js's `bad` tokens), for both V1's test runs and the agent-server's
 * `POST /api/mcp/test`:
 *
 * - a stdio server whose command is `false` fails to connect (the process exits at once);
 * - a stdio server whose command is `sleep` times out;
 * - a remote server whose URL host ends in `.timeout.invalid` times out;
 * - a remote server whose URL host ends in `.invalid` (any other) fails to connect;
 * - a server with a secret (env or header value, auth value, password or header) starting with
 *   `bad` is refused by the MCP server: an authentication failure;
 * - anything else connects and lists the tools {@link PROBE_TOOLS}.
 */

/** @typedef {import('./python-json.js').PyValue} PyValue */
/**
 * @typedef {{ ok: true, tools: string[] }
 *   | { ok: false, kind: 'connection' | 'timeout' | 'authentication', message: string }} ProbeResult
 */

export const PROBE_TOOLS = Object.freeze(['echo', 'get_time']);

/**
 * @param {Map<string, PyValue>} server a server as stored (mcp-map.js): `transport`, `command`,
 *   `url`, `env`, `headers`, `auth`
 * @returns {ProbeResult}
 */
export function probe(server) {
  const command = server.get('command');
  const url = server.get('url');
  if (typeof command === 'string' && server.get('transport') !== 'http' && server.get('transport') !== 'sse') {
    const program = command.trim().split('/').pop();
    if (program === 'false')
      return { ok: false, kind: 'connection', message: `${command}: process exited with status 1` };
    if (program === 'sleep') return { ok: false, kind: 'timeout', message: 'MCP server did not answer in time' };
  } else if (typeof url === 'string') {
    const host = hostOf(url);
    if (host.endsWith('.timeout.invalid'))
      return { ok: false, kind: 'timeout', message: `${url} did not answer in time` };
    if (host.endsWith('.invalid')) return { ok: false, kind: 'connection', message: `Cannot connect to ${url}` };
  }
  if (secretsOf(server).some((value) => value.startsWith('bad'))) {
    return { ok: false, kind: 'authentication', message: 'The MCP server answered 401 Unauthorized' };
  }
  return { ok: true, tools: [...PROBE_TOOLS] };
}

/** @param {string} url */
function hostOf(url) {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * @param {Map<string, PyValue>} server
 * @returns {string[]}
 */
function secretsOf(server) {
  /** @type {string[]} */
  const found = [];
  /** @param {PyValue | undefined} map */
  const values = (map) => {
    if (map instanceof Map) for (const v of map.values()) if (typeof v === 'string') found.push(v);
  };
  values(server.get('env'));
  values(server.get('headers'));
  const auth = server.get('auth');
  if (auth instanceof Map) {
    for (const field of ['value', 'password']) {
      const v = auth.get(field);
      if (typeof v === 'string') found.push(v);
    }
    values(auth.get('headers'));
  }
  return found;
}
