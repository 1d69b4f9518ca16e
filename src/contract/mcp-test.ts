/**
 * "Test this MCP server" on the newer APIs: the result every tester resolves to, and what the two
 * testers share (the sentences for the card, answers that are not a test's; a server's secrets
 * are found by entry-secrets.ts). The testers themselves are one module per API, loaded with its client:
 * `agent-mcp-test.ts` (`POST api/mcp/test`, the configuration as typed) and `v1-mcp-test.ts` (a
 * test run of the server as stored). docs/CLIENTS.md, "MCP connection tests", has the decisions.
 *
 * A tester never rejects, and no result carries a secret: every text from a server goes through
 * `presentText` with the secrets of the server's configuration (env and header values, `auth`
 * values, the URL's password and query values) and the session key.
 */
import { presentText } from './client-answer.js';
import { readArray, readOwn } from './json.js';
import type { EntryKind } from './mcp-entry.js';
import type { NamedStdioServer, NamedUrlServer } from './mcp-server.js';
import { answerJson, type Answer } from './request.js';
import { interpretResponse } from './response.js';
import type { SubmitResult } from './result.js';

/** Which of the form's lists the server is in: `sse`, `shttp` (streamable HTTP) or `stdio`. */
export type McpTestKind = EntryKind;

export type McpTestResult =
  /**
   * The server connected and listed its tools. `tools`: the names it sent (at most
   * {@link MAX_TOOLS}, each at most {@link MAX_TOOL_NAME} characters; empty on V1, whose runs count
   * tools without naming them); `toolCount`: how many it listed.
   */
  | { kind: 'ok'; tools: string[]; toolCount: number; message: string }
  /**
   * The test ran and the MCP server could not be used, or the API would not test this
   * configuration (`category` `configuration`). `category`: the API's word (agent-server
   * `error_kind`: `connection`, `timeout`, `unknown`; V1: `configuration`, `connection`,
   * `authentication`, `protocol`, `tool_discovery`, `execution`, `sandbox`, `timeout`, `internal`,
   * or `cancelled`), lower-case letters and `_` only. `serverText`: the server's own words,
   * redacted, for a sentence in another language.
   */
  | { kind: 'failed'; category: string; message: string; serverText?: string }
  /**
   * Nothing was sent: secrets shown masked cannot be tested (the agent-server tests what it is
   * sent). `fields`: where they are, as pointers relative to the server (`/env/API_KEY`,
   * `/headers/X-Key`, `/auth/value`, `/api_key` for the V0 API key).
   */
  | { kind: 'needs-secrets'; fields: string[]; message: string }
  /** Nothing was sent: V1 tests the server as stored, by its name, so a new or changed one is saved first. */
  | { kind: 'needs-save'; message: string }
  | Exclude<SubmitResult, { kind: 'saved' | 'validation' | 'token-rejected' | 'no-settings' }>;

export type McpTestResultKind = McpTestResult['kind'];

export interface McpTester {
  /**
   * Tests one server of the form. `stored`: the card equals what the server has stored (V1 tests
   * only that). Never rejects; aborting `signal` ends it with `aborted`.
   */
  test(
    kind: McpTestKind,
    server: NamedUrlServer | NamedStdioServer,
    stored: boolean,
    signal: AbortSignal,
  ): Promise<McpTestResult>;
}

/** At most this many tool names are kept. */
export const MAX_TOOLS = 50;
/** A tool name is at most this many characters, the `…` of a cut one included. */
export const MAX_TOOL_NAME = 100;
/** At most this many tool names are listed in the message. */
const TOOLS_IN_MESSAGE = 10;
/** Server text quoted in a message. */
const MAX_QUOTED = 300;
const CATEGORY = /^[a-z][a-z_]{0,31}$/;
/** `tool` / `tools`. */
function toolWord(n: number): string {
  return n === 1 ? 'tool' : 'tools';
}

/**
 * `ok`, from a list of tool names as the server sent it (untrusted: anything that is not a
 * string is left out, the list and each name are capped, each name is plain and redacted).
 */
export function toolsListed(list: unknown, secrets: readonly string[]): Extract<McpTestResult, { kind: 'ok' }> {
  const items = readArray(list);
  const tools: string[] = [];
  for (const item of items) {
    if (tools.length >= MAX_TOOLS) break;
    if (typeof item !== 'string') continue;
    const name = presentText(item, secrets, MAX_TOOL_NAME - 1);
    if (name !== '') tools.push(name);
  }
  const count = items.length;
  if (count === 0) return { kind: 'ok', tools, toolCount: 0, message: 'Connected: the server lists no tools.' };
  const shown = tools.slice(0, TOOLS_IN_MESSAGE);
  const more = count - shown.length;
  const names = shown.length === 0 ? '' : ` (${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''})`;
  return { kind: 'ok', tools, toolCount: count, message: `Connected: ${count} ${toolWord(count)}${names}.` };
}

/** `ok` from a count alone (V1's runs): `Connected: 2 tools.`; an unusable count says `Connected.` */
export function toolsCounted(count: unknown): Extract<McpTestResult, { kind: 'ok' }> {
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
    return { kind: 'ok', tools: [], toolCount: 0, message: 'Connected.' };
  return {
    kind: 'ok',
    tools: [],
    toolCount: count,
    message: count === 0 ? 'Connected: the server lists no tools.' : `Connected: ${count} ${toolWord(count)}.`,
  };
}

/** The categories where the MCP server was not reached or would not talk: "Could not connect". */
const CONNECTING: ReadonlySet<string> = new Set(['connection', 'timeout', 'authentication', 'protocol', 'unknown']);

/** A sentence ends once: the server's own full stop is kept, one is added otherwise. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/**
 * `failed`: `Could not connect (timeout): <the server's words>.` (`connection` goes without its word; `The test failed (...)` for
 * the categories past connecting). `category`: the server's when it is a plain word, else
 * `fallback`.
 */
export function testFailed(
  category: unknown,
  text: unknown,
  secrets: readonly string[],
  fallback = 'unknown',
): Extract<McpTestResult, { kind: 'failed' }> {
  const word = typeof category === 'string' && CATEGORY.test(category) ? category : fallback;
  const said = typeof text === 'string' ? presentText(text, secrets, MAX_QUOTED) : '';
  // "Could not connect (connection)" says it twice: that category goes without its word.
  const lead = CONNECTING.has(word)
    ? `Could not connect${word === 'connection' ? '' : ` (${word})`}`
    : `The test failed (${word})`;
  return {
    kind: 'failed',
    category: word,
    message: said === '' ? `${lead}.` : sentence(`${lead}: ${said}`),
    ...(said === '' ? {} : { serverText: said }),
  };
}

/** The API would not test this configuration (agent-server 422, V1 400): `failed`, `configuration`. */
export function notTestable(said: string, status: number): Extract<McpTestResult, { kind: 'failed' }> {
  const lead = `The server would not test this configuration (HTTP ${status})`;
  return {
    kind: 'failed',
    category: 'configuration',
    message: said === '' ? `${lead}.` : sentence(`${lead}: ${said}`),
    ...(said === '' ? {} : { serverText: said }),
  };
}

/** At most this many of a 422's problems are named in the message. */
const PROBLEMS_IN_MESSAGE = 3;

/**
 * A 422's or 400's `detail` in words: a string as it is, cut before pydantic's `[type=...`
 * (whose `input_value` echoes input); FastAPI's list as `server.http.url: Field required; ...`
 * (each item's `loc` and `msg`, never its `input`). `''` when there is none.
 */
export function detailWords(answer: Answer): string {
  const detail = readOwn(answerJson(answer), 'detail');
  if (typeof detail === 'string') {
    const cut = detail.indexOf('[type=');
    return presentText(cut >= 0 ? detail.slice(0, cut) : detail, answer.secrets, MAX_QUOTED);
  }
  const items = readArray(detail);
  const parts: string[] = [];
  for (const item of items.slice(0, PROBLEMS_IN_MESSAGE)) {
    const loc = readArray(readOwn(item, 'loc')).filter(
      (segment): segment is string | number => typeof segment === 'string' || typeof segment === 'number',
    );
    const where = (loc[0] === 'body' ? loc.slice(1) : loc).map(String).join('.');
    const msg = readOwn(item, 'msg');
    const text = presentText(typeof msg === 'string' ? msg : 'Invalid value', answer.secrets, 150);
    parts.push(presentText(where === '' ? text : `${where}: ${text}`, answer.secrets, 200));
  }
  const more = items.length - parts.length;
  if (more > 0) parts.push(`${more} more`);
  return parts.join('; ');
}

/** A 2xx that is not the answer a test gives: nothing is known about the server. */
export function notATestAnswer(answer: Answer): McpTestResult {
  return {
    kind: 'unknown',
    status: answer.status,
    message: `The server answered HTTP ${answer.status}, but not with a test result: whether the MCP server works is not known. Check the base URL.`,
  };
}

/**
 * Any other answer (401/403 the session key, 429, 404, 5xx...): read as every client reads it,
 * redacted. A 2xx or a 422 reaching here is not a test's answer.
 */
export function answerFailure(answer: Answer): McpTestResult {
  const result = interpretResponse(answer, { secrets: answer.secrets, tokenRejection: 'never' });
  switch (result.kind) {
    case 'saved':
    case 'unknown':
      return notATestAnswer(answer);
    case 'validation':
      return notTestable(detailWords(answer), result.status);
    case 'token-rejected':
    case 'no-settings':
      return { kind: 'server', status: result.status, message: result.message };
    default:
      return result;
  }
}

/** Cancelled by the caller. */
export function aborted(): McpTestResult {
  return { kind: 'aborted', message: 'The request was cancelled.' };
}

/** A tester that never rejects: anything thrown (it should not be) is a request that could not be made. */
export function neverRejecting(test: McpTester['test']): McpTester {
  return {
    test: async (kind, server, stored, signal) => {
      try {
        return await test(kind, server, stored, signal);
      } catch {
        return { kind: 'network', message: 'The request could not be made.' };
      }
    },
  };
}
