/**
 * Any HTTP answer to `POST /api/add-git-providers` -> one {@link SubmitResult}. Pure and total:
 * whatever the status and body (not JSON, HTML, `null`, huge, hostile), it returns a result and
 * never throws. Every text that reaches a result is plain, bounded and redacted of known secrets;
 * a 422 item's `input` (which echoes tokens) is never read.
 */
import { readOwn, isRecord } from './json.js';
import { NOT_JSON, parseJson } from './parse-json.js';
import { locToPointer } from './loc.js';
import { capText, makeRedactor, normalizeText, textForType } from './message.js';
import { fromPointer } from './pointer.js';
import { childPointer, toPointer } from './pointer-join.js';
import type { ServerFieldError, SubmitResult } from './result.js';

/** What the transport read: the status, the `Content-Type` header and the body as text. */
export interface ResponseSnapshot {
  status: number;
  contentType: string | null;
  bodyText: string;
  /** The body was longer than the reading cap and was cut: it is not parsed, only the status counts. */
  truncated?: boolean;
}

export interface InterpretOptions {
  /** Provider keys the form knows, matched first when a 401 names the provider whose token was rejected. */
  providers?: readonly string[];
  /** Values to redact from every message (tokens, API keys, the session key). */
  secrets?: readonly string[];
  /**
   * Which 401 bodies mean "the git provider rejected a token" (`token-rejected`) rather than "the
   * session key was not accepted" (`unauthorized`). `'error'` (the default, V0): a 401 with an
   * `error` string. `'error-or-detail'` (the V1 app server, whose newer versions raise the same
   * text as FastAPI's `detail`): that, or a `detail` string that names a provider's token
   * (`... valid <provider> token`), so `{"detail": "Unauthorized"}` stays `unauthorized`.
   * `'never'`: every 401 is `unauthorized` (reads, and APIs that do not check tokens).
   */
  tokenRejection?: 'error' | 'error-or-detail' | 'never';
}

/** At most this many 422 items become errors; one more error says how many were left out. */
export const MAX_SERVER_ERRORS = 10_000;
/** Bodies longer than this many characters are not parsed (the transport caps at 2 MiB anyway). */
const MAX_PARSE_CHARS = 4 * 1024 * 1024;
/** Server text quoted inside one of our sentences is kept shorter than a field message. */
const MAX_QUOTED_CHARS = 300;
const MAX_TYPE_CHARS = 100;
/** Provider values at 0.53.0 and later, tried after the caller's list. */
const KNOWN_PROVIDERS = ['github', 'gitlab', 'bitbucket', 'enterprise_sso', 'azure_devops'];

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

type Body =
  | { kind: 'json'; value: unknown }
  | { kind: 'empty' }
  | { kind: 'html' }
  | { kind: 'text'; text: string }
  | { kind: 'too-large' };

function readBody(snapshot: ResponseSnapshot): Body {
  if (snapshot.truncated === true) return { kind: 'too-large' };
  const text = typeof snapshot.bodyText === 'string' ? snapshot.bodyText : '';
  if (text.trim() === '') return { kind: 'empty' };
  const type = typeof snapshot.contentType === 'string' ? snapshot.contentType.toLowerCase() : '';
  // An HTML page is never parsed, shown or quoted: it is named as such, nothing more.
  if (type.includes('html') || /^\s*</.test(text)) return { kind: 'html' };
  if (text.length > MAX_PARSE_CHARS) return { kind: 'too-large' };
  const value = parseJson(text);
  return value === NOT_JSON ? { kind: 'text', text } : { kind: 'json', value };
}

/** How to name a body that carries no usable JSON, for sentences like "answered HTTP 500 with …". */
function bodyWords(body: Body): string {
  switch (body.kind) {
    case 'empty':
      return 'an empty answer';
    case 'html':
      return 'an HTML page';
    case 'too-large':
      return 'an answer too large to read';
    case 'text':
      return 'an answer that is not JSON';
    case 'json':
      return isRecord(body.value) ? 'a JSON answer' : 'an unexpected JSON answer';
  }
}

function statusLabel(status: number): string {
  const reason = REASONS[status];
  return reason === undefined ? `HTTP ${status}` : `HTTP ${status} ${reason}`;
}

/**
 * Applies the pipeline every server text goes through: redact, make plain, redact again, cap.
 * `pointer` takes secrets out of a pointer's segments and changes nothing else (a server can
 * echo a token as a `loc` key; the pointer then names the redacted key, and the error lands on
 * the nearest ancestor).
 */
interface Present {
  (text: string, max?: number): string;
  pointer(pointer: string): string;
}

function makePresenter(secrets: readonly string[] | undefined): Present {
  const redact = makeRedactor(Array.isArray(secrets) ? secrets : []);
  // Redacting before normalising catches a secret that contains a control character; after, one
  // that a removed control character had split.
  const present = (text: string, max?: number) => capText(redact(normalizeText(redact(text))), max);
  const pointer = (value: string) => {
    if (value === '') return value;
    // Without a `~`, the segments are the pointer's own substrings between slashes: if no secret
    // occurs anywhere in it, none occurs in a segment, and the split and rejoin below (per item of
    // a 422 that can hold thousands) are skipped.
    if (!value.includes('~') && redact(value) === value) return value;
    const segments = fromPointer(value);
    const redacted = segments.map(redact);
    return redacted.some((segment, i) => segment !== segments[i]) ? toPointer(redacted) : value;
  };
  return Object.assign(present, { pointer });
}

/** The first own string among `error`, `message`, `detail` of a JSON object body, or of a text body. */
function serverText(body: Body, present: Present): string {
  if (body.kind === 'text') return present(body.text, MAX_QUOTED_CHARS);
  if (body.kind !== 'json') return '';
  for (const key of ['error', 'message', 'detail']) {
    const value = readOwn(body.value, key);
    if (typeof value === 'string') {
      const text = present(value, MAX_QUOTED_CHARS);
      if (text !== '') return text;
    }
  }
  return '';
}

function quote(text: string): string {
  return `“${text}”`;
}

/**
 * `present` for an item's `type`, remembered per distinct value: a 422 of thousands of items
 * usually repeats a handful of types, most often the previous item's.
 */
function typePresenter(present: Present): (raw: string) => string {
  const seen = new Map<string, string>();
  let lastRaw = '';
  let lastType = '';
  return (raw) => {
    if (raw === lastRaw) return lastType;
    let type = seen.get(raw);
    if (type === undefined) {
      type = present(raw, MAX_TYPE_CHARS);
      seen.set(raw, type);
    }
    lastRaw = raw;
    lastType = type;
    return type;
  };
}

function toServerError(item: unknown, present: Present, presentType: (raw: string) => string): ServerFieldError {
  if (typeof item === 'string') {
    // Not FastAPI's shape, but a list of plain strings is still a list of messages.
    const message = present(item);
    return { pointer: '', type: '', message: message === '' ? textForType(undefined) : message };
  }
  const rawType = readOwn(item, 'type');
  const type = typeof rawType === 'string' ? presentType(rawType) : '';
  const msg = readOwn(item, 'msg');
  const message = typeof msg === 'string' ? present(msg) : '';
  return {
    pointer: present.pointer(locToPointer(readOwn(item, 'loc'))),
    type,
    // The redacted type: an unknown type is quoted in the text.
    message: message === '' ? textForType(type) : message,
  };
}

function validationResult(body: Body, present: Present): SubmitResult {
  const detail = body.kind === 'json' ? readOwn(body.value, 'detail') : undefined;
  if (Array.isArray(detail) && detail.length > 0) {
    const shown = Math.min(detail.length, MAX_SERVER_ERRORS);
    const errors: ServerFieldError[] = new Array<ServerFieldError>(shown);
    const presentType = typePresenter(present);
    for (let i = 0; i < shown; i++) errors[i] = toServerError(detail[i], present, presentType);
    const hidden = detail.length - shown;
    if (hidden > 0) {
      errors.push({
        pointer: '',
        type: '',
        message: `${hidden} more ${hidden === 1 ? 'error was' : 'errors were'} not shown.`,
      });
    }
    const n = detail.length;
    return {
      kind: 'validation',
      status: 422,
      errors,
      message: `The server found ${n} ${n === 1 ? 'problem' : 'problems'} in the settings.`,
    };
  }
  // Not FastAPI's list: still a validation answer, reported on the whole request.
  const text = typeof detail === 'string' ? present(detail) : '';
  const message =
    text !== ''
      ? text
      : body.kind === 'json'
        ? 'The server rejected the settings (HTTP 422) without saying which field is wrong.'
        : `The server rejected the settings (HTTP 422) with ${bodyWords(body)}.`;
  return { kind: 'validation', status: 422, errors: [{ pointer: '', type: '', message }], message };
}

/** The provider a 401 `error` text names: `valid <provider> token`, the known list first, then any word. */
function rejectedProvider(message: string, providers: readonly string[]): string | null {
  const lower = message.toLowerCase();
  for (const provider of [...providers, ...KNOWN_PROVIDERS]) {
    if (typeof provider === 'string' && provider !== '' && lower.includes(`valid ${provider.toLowerCase()} token`))
      return provider;
  }
  const match = /\bvalid\s+([A-Za-z0-9_.-]{1,64})\s+token\b/i.exec(message);
  return match?.[1] ?? null;
}

/** A 401 `detail` that is a provider's rejection, not the session key's: `... valid github token`. */
const NAMES_A_TOKEN = /\bvalid\s+[A-Za-z0-9_.-]{1,64}\s+token\b/i;

function tokenRejected(error: string, present: Present, providers: readonly string[]): SubmitResult {
  const text = present(error);
  const message = text === '' ? 'The git provider rejected a token.' : text;
  // Read from the redacted text, so neither the provider nor the pointer can carry a secret.
  const provider = rejectedProvider(message, providers);
  const pointer = provider === null ? null : childPointer(childPointer('/provider_tokens', provider), 'token');
  return { kind: 'token-rejected', status: 401, provider, pointer, message };
}

function withServerText(sentence: string, text: string): string {
  return text === '' ? sentence : `${sentence} The server said: ${quote(text)}`;
}

/**
 * Classifies an answer:
 * - 2xx with a JSON object carrying a `message` string -> `saved`; any other 2xx -> `unknown`: it is
 *   not the API's answer, and reporting it as saved would clear typed tokens that were never stored.
 * - 422 -> `validation`: each `detail` item placed with {@link locToPointer}; anything else as one
 *   error on the whole request (`''`). At most {@link MAX_SERVER_ERRORS} items plus one summary error.
 * - 401 with an `error` string -> `token-rejected` (provider found in the text; see
 *   `options.tokenRejection` for the other rules); any other 401/403 -> `unauthorized`; 429 -> `rate-limited`; everything else -> `server`.
 */
export function interpretResponse(snapshot: ResponseSnapshot, options: InterpretOptions = {}): SubmitResult {
  const status = Number.isSafeInteger(snapshot?.status) ? snapshot.status : 0;
  const present = makePresenter(options?.secrets);
  const body = readBody(snapshot ?? { status, contentType: null, bodyText: '' });
  const providers = Array.isArray(options?.providers) ? options.providers : [];

  if (status >= 200 && status <= 299) {
    // Only the API's own answer means stored: a JSON object with its `message`. Anything else
    // (204, `null`, `OK`, `{"queued": true}`, a page) leaves what was typed where it is.
    const raw = body.kind === 'json' && isRecord(body.value) ? readOwn(body.value, 'message') : undefined;
    if (typeof raw === 'string') {
      const text = present(raw);
      return { kind: 'saved', status, message: text === '' ? 'Settings saved.' : text };
    }
    const hint = body.kind === 'html' ? ' Check the base URL.' : '';
    return {
      kind: 'unknown',
      status,
      message: `The server answered ${statusLabel(status)} with ${bodyWords(body)}, not as OpenHands does: nothing is known to be saved.${hint}`,
    };
  }
  if (status === 422) return validationResult(body, present);
  if (status === 401) {
    const rule = options?.tokenRejection ?? 'error';
    const error = body.kind === 'json' && rule !== 'never' ? readOwn(body.value, 'error') : undefined;
    if (typeof error === 'string') return tokenRejected(error, present, providers);
    const detail = body.kind === 'json' && rule === 'error-or-detail' ? readOwn(body.value, 'detail') : undefined;
    if (typeof detail === 'string' && NAMES_A_TOKEN.test(present(detail)))
      return tokenRejected(detail, present, providers);
  }
  if (status === 401 || status === 403) {
    const sentence =
      status === 401
        ? `The session key is missing or was not accepted (${statusLabel(status)}).`
        : `The server refused access (${statusLabel(status)}).`;
    const text = serverText(body, present);
    const redundant = text.toLowerCase() === (REASONS[status] ?? '').toLowerCase();
    const said = redundant ? '' : text;
    return {
      kind: 'unauthorized',
      status,
      message: withServerText(sentence, said),
      ...(said ? { serverText: said } : {}),
    };
  }
  if (status === 429) {
    return {
      kind: 'rate-limited',
      status: 429,
      message: 'The server is receiving too many requests (HTTP 429). Wait a moment and try again.',
    };
  }
  const text = serverText(body, present);
  const hint = status === 404 || status === 405 ? ' Check the base URL.' : '';
  let message: string;
  if (text !== '' && body.kind === 'json')
    message = `The server answered ${statusLabel(status)}: ${quote(text)}.${hint}`;
  else if (text !== '')
    message = `The server answered ${statusLabel(status)} with ${bodyWords(body)}: ${quote(text)}.${hint}`;
  else if (body.kind === 'json' && isRecord(body.value)) message = `The server answered ${statusLabel(status)}.${hint}`;
  else message = `The server answered ${statusLabel(status)} with ${bodyWords(body)}.${hint}`;
  return { kind: 'server', status, message, ...(text ? { serverText: text } : {}) };
}

/** Words for what an answer's body is (`an HTML page`, `an empty answer`, `a JSON answer`...), for messages. */
export function describeAnswer(snapshot: ResponseSnapshot): string {
  return bodyWords(readBody(snapshot));
}
