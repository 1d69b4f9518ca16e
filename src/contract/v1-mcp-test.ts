/**
 * "Test this MCP server" on the V1 app server (docs/CURRENT-SERVERS.md §1.8). V1 tests a server
 * as stored, by its name: `POST api/v1/settings/mcp/servers/{name}/test` starts a run (202
 * `{test_id, status}`; the run in progress for that server, if there is one), and `GET
 * api/v1/settings/mcp/test-runs/{id}` reads it until it is no longer `running`.
 *
 * - A card that is not what is stored (new, or changed) is `needs-save`, nothing sent: the run
 *   would test the stored server, not the one shown. So is a 404 naming the settings or the
 *   server (stored by someone else's save meanwhile, or never).
 * - A run that succeeded counts tools without naming them: `ok` with `toolCount`, `tools` empty.
 *   `failed` and `cancelled` are `failed` with the run's `category` and `message`.
 * - Polling every `pollMs` (default 500) for at most `maxWaitMs` (default 60,000); past that, a
 *   `timeout` result (the run may still finish: testing again returns it while it runs). Aborting
 *   the signal stops polling at once (the run itself is not cancelled: V1 has no endpoint for it).
 * - Older app servers have no test endpoints: their 404 (`{"detail": "Not Found"}`) or 405 says so.
 */
import { prefixed } from './client-answer.js';
import { entrySecrets } from './entry-secrets.js';
import { readOwn } from './json.js';
import { writeEntry } from './mcp-map.js';
import { ownName, type NamedStdioServer, type NamedUrlServer } from './mcp-server.js';
import {
  aborted,
  answerFailure,
  detailWords,
  neverRejecting,
  notATestAnswer,
  notTestable,
  testFailed,
  toolsCounted,
  type McpTestKind,
  type McpTester,
  type McpTestResult,
} from './mcp-test.js';
import { answerJson, describeDuration, request, type Answer, type ConnectionOptions } from './request.js';

export const V1_MCP_SERVERS_PATH = 'api/v1/settings/mcp/servers';
export const V1_MCP_TEST_RUNS_PATH = 'api/v1/settings/mcp/test-runs';
export const DEFAULT_POLL_MS = 500;
export const DEFAULT_MAX_WAIT_MS = 60_000;
/** A test id longer than this is not one (V1's are UUIDs). */
const MAX_ID = 200;

export interface V1TesterOptions {
  /** How long to wait between two reads of a run. Default 500. */
  pollMs?: number;
  /** How long to wait for a run to finish, from the start. Default 60,000; `Infinity`: until it does. */
  maxWaitMs?: number;
}

/** The path that starts a test of the stored server `name`. */
export function v1TestPath(name: string): string {
  return `${V1_MCP_SERVERS_PATH}/${encodeURIComponent(name)}/test`;
}

/** The path of the test run `id`. */
export function v1TestRunPath(id: string): string {
  return `${V1_MCP_TEST_RUNS_PATH}/${encodeURIComponent(id)}`;
}

const NEEDS_SAVE: McpTestResult = {
  kind: 'needs-save',
  message: 'Save this server to test it: the server tests MCP servers as stored, and this one is new or changed.',
};
const NOTHING_STORED: McpTestResult = {
  kind: 'needs-save',
  message: 'This server has no settings stored yet: save the MCP servers, then test.',
};
const NOT_STORED: McpTestResult = {
  kind: 'needs-save',
  message: 'The server has no MCP server of this name stored (it may have been changed elsewhere): save, then test.',
};

/** The server's key in V1's map. */
const storedName = (kind: McpTestKind, server: NamedUrlServer | NamedStdioServer): string | undefined =>
  ownName(server, kind === 'stdio') || undefined;

function count(value: unknown, fallback: number): number {
  return typeof value === 'number' && value >= 0 && !Number.isNaN(value) ? value : fallback;
}

/** Resolves `true` after `ms`, or `false` as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (finished: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(finished);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), Math.min(ms, 2_147_483_647));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The POST's 404: the settings or the server not stored, or no test endpoint at all. */
function startNotFound(answer: Answer): McpTestResult {
  const detail = readOwn(answerJson(answer), 'detail');
  if (detail === 'Settings not found') return { ...NOTHING_STORED };
  if (typeof detail === 'string' && /^MCP server .* not found$/s.test(detail)) return { ...NOT_STORED };
  return noTests(answer.status);
}

function noTests(status: number): McpTestResult {
  return {
    kind: 'server',
    status,
    message: `This server does not offer MCP connection tests (HTTP ${status}): it is an app server older than its test runs, or the base URL names another server.`,
  };
}

/** A run's answer, once it is no longer running; `null` while it runs. */
function runResult(json: unknown, answer: Answer): McpTestResult | null {
  const status = readOwn(json, 'status');
  switch (status) {
    case 'running':
      return null;
    case 'succeeded':
      return toolsCounted(readOwn(json, 'tool_count'));
    case 'failed':
    case 'cancelled':
      // A run that failed without a category is taken as any failed connection (`unknown`, the agent-server's word).
      return testFailed(
        readOwn(json, 'category'),
        readOwn(json, 'message'),
        answer.secrets,
        status === 'cancelled' ? 'cancelled' : 'unknown',
      );
    default:
      return notATestAnswer(answer);
  }
}

const UNREAD = 'The test was started, but its result could not be read:';

/**
 * The V1 app server's tester. `connection` gives where and how each request goes (read at each
 * request).
 */
export function v1Tester(
  connection: (signal: AbortSignal) => ConnectionOptions,
  options: V1TesterOptions = {},
): McpTester {
  const pollMs = count(options.pollMs, DEFAULT_POLL_MS);
  const maxWaitMs = count(options.maxWaitMs, DEFAULT_MAX_WAIT_MS);

  return neverRejecting(async (kind, server, stored, signal) => {
    const name = storedName(kind, server);
    if (!stored || name === undefined) return { ...NEEDS_SAVE };
    if (signal.aborted) return aborted();
    const deadline = Date.now() + maxWaitMs;
    const secrets = entrySecrets(writeEntry(kind, server));
    const connect = (): ConnectionOptions => {
      const base = connection(signal);
      return { ...base, signal, secrets: [...(Array.isArray(base.secrets) ? base.secrets : []), ...secrets] };
    };

    const started = await request(connect(), { method: 'POST', path: v1TestPath(name) });
    if (started.kind !== 'answer') return started;
    if (started.status === 404) return startNotFound(started);
    if (started.status === 405) return noTests(405);
    if (started.status === 400) return notTestable(detailWords(started), 400);
    if (started.status < 200 || started.status > 299) return answerFailure(started);
    const startedJson = answerJson(started);
    const id = readOwn(startedJson, 'test_id');
    if (typeof id !== 'string' || id === '' || id.length > MAX_ID) return notATestAnswer(started);

    // A run that is already over (or says nothing of its status) is read at once.
    let wait = readOwn(startedJson, 'status') === 'running';
    for (;;) {
      if (wait) {
        const left = deadline - Date.now();
        if (left <= 0)
          return {
            kind: 'timeout',
            timeoutMs: maxWaitMs,
            message: `The test did not finish within ${describeDuration(maxWaitMs)}. It may still be running on the server: test again to see its result.`,
          };
        if (!(await sleep(Math.min(pollMs, left), signal))) return aborted();
      }
      wait = true;
      const answer = await request(connect(), { method: 'GET', path: v1TestRunPath(id) });
      if (answer.kind !== 'answer') return answer.kind === 'aborted' ? answer : prefixed(UNREAD, answer);
      if (answer.status === 404)
        return {
          kind: 'server',
          status: 404,
          message: 'The server no longer knows this test run (HTTP 404): test again.',
        };
      if (answer.status < 200 || answer.status > 299) return prefixed(UNREAD, answerFailure(answer));
      const result = runResult(answerJson(answer), answer);
      if (result !== null) return result;
    }
  });
}
