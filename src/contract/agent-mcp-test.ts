/**
 * "Test this MCP server" on the agent-server: `POST api/mcp/test` with the configuration as the
 * form holds it (docs/CURRENT-SERVERS.md §2.5). The agent-server stores nothing and tests what it
 * is sent, so any card can be tested, saved or not.
 *
 * - The body: `{name, server, timeout}`, `server` tagged by `type` (`stdio`, `http`, `sse`), not
 *   by `transport`: the older servers forbid unknown keys in a remote server and refuse
 *   `transport`, the newer read `type` too. Only the fields both versions take are sent: `url`,
 *   `headers`, `auth` for a remote server; `command`, `args`, `env` and a string `cwd` for stdio.
 *   The fields come from `writeEntry`, so a V0 API key goes as bearer `auth`, as it is saved.
 * - A secret shown masked cannot be tested (the server would test the mask, or no value):
 *   `needs-secrets`, nothing sent. Testing without it was not chosen: a server that needs the
 *   secret would fail with a misleading "could not connect", and one that does not would pass a
 *   test of a configuration other than the one saved.
 * - The answer is 200 `{ok: true, tools}` or `{ok: false, error, error_kind}`; a 422 (the server
 *   would not take the request: an `auth` with an `Authorization` header, an invalid URL...) is
 *   `failed` with category `configuration`, its problems named.
 */
import { entryFieldPointer, entrySecrets, maskedSecretPaths } from './entry-secrets.js';
import { readOwn } from './json.js';
import { fromPointer } from './pointer.js';
import { hostName, KIND_TRANSPORT } from './mcp-entry.js';
import { writeEntry } from './mcp-map.js';
import { ownName, type NamedStdioServer, type NamedUrlServer } from './mcp-server.js';
import {
  answerFailure,
  detailWords,
  neverRejecting,
  notATestAnswer,
  notTestable,
  testFailed,
  toolsListed,
  type McpTestKind,
  type McpTester,
  type McpTestResult,
} from './mcp-test.js';
import { answerJson, DEFAULT_TIMEOUT_MS, request, type ConnectionOptions } from './request.js';

export const AGENT_MCP_TEST_PATH = 'api/mcp/test';
/** The agent-server's own default for how long a test may take, in seconds (it takes 0 < t <= 120). */
export const DEFAULT_TEST_SECONDS = 15;
/** The request's deadline leaves the server this long past the test's own timeout to answer. */
const ANSWER_MARGIN_MS = 10_000;
/** The agent-server takes names of 1-128 characters. */
const MAX_NAME = 128;

export interface AgentTesterOptions {
  /** The `timeout` sent: how long the agent-server may try, in seconds (0 < t <= 120). Default 15. */
  timeoutSeconds?: number;
}

/** The test's `name`: the server's own (a stdio `name`, a URL server's `x.name`), else its host. */
function testName(kind: McpTestKind, server: NamedUrlServer | NamedStdioServer): string {
  const name = ownName(server, kind === 'stdio')?.trim() || hostName((server as NamedUrlServer).url ?? '');
  return [...name].slice(0, MAX_NAME).join('');
}

/** The `server` of the request, from the entry as it would be saved: tagged by `type`, no other key. */
function testServer(kind: McpTestKind, entry: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { type: KIND_TRANSPORT[kind] };
  const fields = kind === 'stdio' ? ['command', 'args', 'env', 'cwd'] : ['url', 'headers', 'auth'];
  for (const field of fields) {
    const value = readOwn(entry, field);
    if (value === undefined || (field === 'cwd' && typeof value !== 'string')) continue;
    out[field] = value;
  }
  return out;
}

/** A place of a server in words for the sentence: `header X-Key`, `variable API_KEY`, `auth value`, `API key`. */
function fieldWords(pointer: string): string {
  const [field = '', ...rest] = fromPointer(pointer);
  if (field === 'api_key') return 'API key';
  if (field === 'env') return `variable ${rest.join('.')}`;
  if (field === 'headers') return `header ${rest.join('.') || '(no name)'}`;
  if (rest[0] === 'headers') return `secret header ${rest.slice(1).join('.') || '(no name)'}`;
  return [field, ...rest].join(' ');
}

function needsSecrets(fields: string[]): McpTestResult {
  const n = fields.length;
  return {
    kind: 'needs-secrets',
    fields,
    message: `Type the ${n === 1 ? 'secret' : `${n} secrets`} shown masked again to test this server (${fields.map(fieldWords).join(', ')}): the server tests only what it is sent, and a masked value is not the secret. Nothing was sent.`,
  };
}

function seconds(value: unknown): number {
  return typeof value === 'number' && value > 0 && value <= 120 ? value : DEFAULT_TEST_SECONDS;
}

/**
 * The agent-server's tester. `connection` gives where and how the request goes (read at each
 * test; its `authScheme` is ignored, as the agent-server reads `X-Session-API-Key` only). The
 * request's deadline is at least the test's timeout plus ten seconds (a page's shorter deadline
 * is for quick requests; "none" stays none).
 */
export function agentServerTester(
  connection: (signal: AbortSignal) => ConnectionOptions,
  options: AgentTesterOptions = {},
): McpTester {
  const timeout = seconds(options.timeoutSeconds);
  return neverRejecting(async (kind, server, _stored, signal) => {
    const entry = writeEntry(kind, server);
    const masked = maskedSecretPaths(entry);
    if (masked.length > 0)
      return needsSecrets([...new Set(masked.map((path) => entryFieldPointer(server, kind !== 'stdio', path)))]);

    const base = connection(signal);
    const given = typeof base.timeoutMs === 'number' && base.timeoutMs >= 0 ? base.timeoutMs : DEFAULT_TIMEOUT_MS;
    const needed = timeout * 1000 + ANSWER_MARGIN_MS;
    const secrets = [...(Array.isArray(base.secrets) ? base.secrets : []), ...entrySecrets(entry)];
    const name = testName(kind, server);
    const answer = await request(
      {
        ...base,
        signal,
        authScheme: 'session-key',
        secrets,
        timeoutMs: given === 0 || given === Infinity ? given : Math.max(given, needed),
      },
      {
        method: 'POST',
        path: AGENT_MCP_TEST_PATH,
        body: { ...(name === '' ? {} : { name }), server: testServer(kind, entry), timeout },
      },
    );
    if (answer.kind !== 'answer') return answer;
    if (answer.status === 422) return notTestable(detailWords(answer), 422);
    if (answer.status < 200 || answer.status > 299) return answerFailure(answer);
    const json = answerJson(answer);
    const ok = readOwn(json, 'ok');
    if (ok === true) return toolsListed(readOwn(json, 'tools'), answer.secrets);
    if (ok === false) return testFailed(readOwn(json, 'error_kind'), readOwn(json, 'error'), answer.secrets);
    return notATestAnswer(answer);
  });
}
