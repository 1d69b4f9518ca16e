// @ts-check
/**
 * The newest V1 app server's MCP test runs (CURRENT-SERVERS §1.8; OH mcp_test_router.py and
 * mcp_test_models.py @b140adb7). A run is started in the background; it stays `running` for the
 * tenant's `mcpTestMs`, then reads `succeeded` or `failed` with the outcome mcp-probe.js decides
 * from the server's configuration at the start. The status is worked out from the clock when
 * read, so nothing runs in the background here and nothing outlives the server.
 */

import { randomUUID } from 'node:crypto';
import { probe } from './mcp-probe.js';
import { pyMap } from './modern-record.js';

/** @typedef {import('./python-json.js').PyValue} PyValue */
/** @typedef {import('./mcp-probe.js').ProbeResult} ProbeResult */
/**
 * @typedef {object} TestRun
 * @property {string} id
 * @property {string} serverId the server's name
 * @property {'stdio' | 'sse' | 'shttp'} transport
 * @property {number} startedAt epoch milliseconds
 * @property {number} finishesAt epoch milliseconds
 * @property {ProbeResult} outcome
 */

/** Enough for any test; the oldest runs go first. */
const MAX_RUNS = 200;

/**
 * Starts a run, unless one for the same server is still running: that one is the answer then,
 * as the real server returns the run in progress.
 * @param {Map<string, TestRun>} runs the tenant's, changed
 * @param {string} serverId
 * @param {Map<string, PyValue>} server as stored
 * @param {number} durationMs
 * @param {number} now
 * @returns {TestRun}
 */
export function startTestRun(runs, serverId, server, durationMs, now) {
  const running = [...runs.values()].find((run) => run.serverId === serverId && now < run.finishesAt);
  if (running) return running;
  /** @type {TestRun} */
  const run = {
    id: randomUUID(),
    serverId,
    transport: transportOf(server),
    startedAt: now,
    finishesAt: now + durationMs,
    outcome: probe(server),
  };
  runs.set(run.id, run);
  for (const oldest of runs.keys()) {
    if (runs.size <= MAX_RUNS) break;
    runs.delete(oldest);
  }
  return run;
}

/**
 * `McpServerTestRun.transport`: the app server names streamable HTTP `shttp`.
 * @param {Map<string, PyValue>} server
 * @returns {TestRun['transport']}
 */
function transportOf(server) {
  const transport = server.get('transport');
  if (transport === 'stdio' || (transport === undefined && server.has('command'))) return 'stdio';
  return transport === 'sse' ? 'sse' : 'shttp';
}

/**
 * @param {TestRun} run
 * @param {number} now
 */
const statusOf = (run, now) => (now < run.finishesAt ? 'running' : run.outcome.ok ? 'succeeded' : 'failed');

/**
 * `GET /api/v1/settings/mcp/test-runs/{id}`.
 * @param {TestRun} run
 * @param {number} now
 */
export function testRunAnswer(run, now) {
  const status = statusOf(run, now);
  const done = status !== 'running';
  const { outcome } = run;
  return pyMap([
    ['id', run.id],
    ['created_by_user_id', null],
    ['server_id', run.serverId],
    ['transport', run.transport],
    ['status', status],
    ['category', done && !outcome.ok ? outcome.kind : null],
    ['message', done ? (outcome.ok ? `Connected; ${outcome.tools.length} tools` : outcome.message) : null],
    ['tool_count', done && outcome.ok ? BigInt(outcome.tools.length) : null],
    ['latency_ms', done ? BigInt(run.finishesAt - run.startedAt) : null],
    ['sandbox_id', null],
    ['started_at', iso(run.startedAt)],
    ['finished_at', done ? iso(run.finishesAt) : null],
    ['created_at', iso(run.startedAt)],
  ]);
}

/**
 * `GET /api/v1/settings/mcp/servers/{id}/health`: from the server's latest run. No run:
 * `unknown`; running: `testing`; succeeded: `healthy`; anything else: `unhealthy`.
 * @param {string} serverId
 * @param {Map<string, TestRun>} runs
 * @param {number} now
 */
export function healthAnswer(serverId, runs, now) {
  const latest = [...runs.values()].filter((run) => run.serverId === serverId).at(-1);
  if (!latest) {
    return pyMap([
      ['server_id', serverId],
      ['status', 'unknown'],
      ['category', null],
      ['message', null],
      ['tool_count', null],
      ['latency_ms', null],
      ['tested_at', null],
      ['test_id', null],
    ]);
  }
  const run = testRunAnswer(latest, now);
  const statuses = new Map([
    ['running', 'testing'],
    ['succeeded', 'healthy'],
  ]);
  const status = statuses.get(/** @type {string} */ (run.get('status'))) ?? 'unhealthy';
  return pyMap([
    ['server_id', serverId],
    ['status', status],
    ['category', run.get('category') ?? null],
    ['message', run.get('message') ?? null],
    ['tool_count', run.get('tool_count') ?? null],
    ['latency_ms', run.get('latency_ms') ?? null],
    ['tested_at', run.get('finished_at') ?? null],
    ['test_id', latest.id],
  ]);
}

/** @param {number} ms */
const iso = (ms) => new Date(ms).toISOString();
