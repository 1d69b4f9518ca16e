/**
 * Client-side validation: the request schema's verdict as a flat list of issues, each placed by
 * an RFC 6901 pointer and named by a stable code, in the server's words.
 *
 * Two zod behaviours are handled here rather than in the schema:
 * - zod records skip an own `__proto__` key altogether (a prototype-pollution guard), so such an
 *   entry is never checked. JSON can carry one and the server validates it like any key, so the
 *   maps that can hold one (`provider_tokens`, a stdio server's `env`) get that entry checked here.
 * - `unrecognized_keys` is one zod issue for many keys; pydantic reports one error per key, at the
 *   key's own location, and so do we.
 */
import * as z from 'zod/mini';
import { ISSUE_MESSAGES, isIssueCode, type IssueCode } from './codes.js';
import type { PathSegment } from './pointer.js';
import { toPointer } from './pointer-join.js';
import { readOwn, isRecord } from './json.js';
import { providerTokenSchema, requestBodySchema, stdioServerSchema, urlServerSchema } from './schema.js';

export interface FieldIssue {
  /** RFC 6901 pointer: absolute in the request body, or relative to the row for the row validators. */
  pointer: string;
  /** One of {@link IssueCode} (`url_empty`, `not_string`, ...): what host pages key text overrides on. */
  code: string;
  /** The server's text for this problem (see `ISSUE_MESSAGES`). */
  message: string;
}

type Issue = z.core.$ZodIssue;
type Schema = z.ZodMiniType;

/**
 * `reportInput` tells a missing value (`required`) from a wrong one; the input never leaves this
 * module. `jitless` changes nothing for zod/mini's interpreted parsers; it is there so that, were
 * a JIT-compiled (classic zod) schema ever passed through here, parsing would still not compile
 * code with `new Function` (forbidden under a CSP without 'unsafe-eval').
 */
const PARSE_OPTIONS = { reportInput: true, jitless: true } as const;

const PROTO = '__proto__';
/** An env value, for the `__proto__` entry zod skips. */
const envValueSchema = z.string();

function issue(path: readonly PathSegment[], code: IssueCode): FieldIssue {
  return { pointer: toPointer(path), code, message: ISSUE_MESSAGES[code] };
}

function typeCode(expected: string, input: unknown): IssueCode {
  if (input === undefined) return 'required';
  switch (expected) {
    case 'string':
      return 'not_string';
    case 'object':
    case 'record':
      return 'not_object';
    case 'array':
      return 'not_list';
    default:
      return 'invalid';
  }
}

function toFieldIssues(zodIssue: Issue, base: readonly PathSegment[], out: FieldIssue[]): void {
  const path: PathSegment[] = base.slice();
  // Our schemas have string keys only; a symbol cannot come from JSON or from the form.
  for (const segment of zodIssue.path) if (typeof segment !== 'symbol') path.push(segment);
  switch (zodIssue.code) {
    case 'custom': {
      const code: unknown = zodIssue.params?.['code'];
      out.push(issue(path, isIssueCode(code) ? code : 'invalid'));
      return;
    }
    case 'invalid_type':
      out.push(issue(path, typeCode(zodIssue.expected, zodIssue.input)));
      return;
    case 'unrecognized_keys':
      for (const key of zodIssue.keys) out.push(issue([...path, key], 'unknown_key'));
      return;
    default:
      out.push(issue(path, 'invalid'));
  }
}

function run(schema: Schema, value: unknown, base: readonly PathSegment[], out: FieldIssue[]): void {
  const result = schema.safeParse(value, PARSE_OPTIONS);
  if (result.success) return;
  for (const zodIssue of result.error.issues) toFieldIssues(zodIssue, base, out);
}

/** Validates the own `__proto__` entry of a map, which zod's record parser skips. */
function protoEntry(map: unknown, valueSchema: Schema, mapPath: readonly PathSegment[], out: FieldIssue[]): void {
  if (!isRecord(map) || !Object.prototype.hasOwnProperty.call(map, PROTO)) return;
  run(valueSchema, readOwn(map, PROTO), [...mapPath, PROTO], out);
}

function stdioProtoEntries(server: unknown, serverPath: readonly PathSegment[], out: FieldIssue[]): void {
  protoEntry(readOwn(server, 'env'), envValueSchema, [...serverPath, 'env'], out);
}

/** Every problem in a whole request body; pointers are absolute (`/mcp_config/stdio_servers/1/name`). */
export function validateRequestBody(body: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  run(requestBodySchema, body, [], out);
  protoEntry(readOwn(body, 'provider_tokens'), providerTokenSchema, ['provider_tokens'], out);
  const servers = readOwn(readOwn(body, 'mcp_config'), 'stdio_servers');
  if (Array.isArray(servers)) {
    for (let i = 0; i < servers.length; i++) stdioProtoEntries(servers[i], ['mcp_config', 'stdio_servers', i], out);
  }
  return out;
}

/** One SSE or SHTTP server (a row checked on blur); pointers are relative to it (`/url`). */
export function validateUrlServer(server: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  run(urlServerSchema, server, [], out);
  return out;
}

/** One stdio server; pointers are relative to it (`/name`, `/env/MY_KEY`). */
export function validateStdioServer(server: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  run(stdioServerSchema, server, [], out);
  stdioProtoEntries(server, [], out);
  return out;
}

/** The three checks a form runs, by what they check: the whole body, or one server row. */
export interface Validators {
  body(body: unknown): FieldIssue[];
  urlServer(server: unknown): FieldIssue[];
  stdioServer(server: unknown): FieldIssue[];
}

/** The contract's checks (zod/mini with the server's rules), for `FormModel`'s `validators`. */
export const CONTRACT_VALIDATORS: Validators = Object.freeze({
  body: validateRequestBody,
  urlServer: validateUrlServer,
  stdioServer: validateStdioServer,
});
