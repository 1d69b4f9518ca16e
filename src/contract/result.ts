/**
 * Every way a save can end, as one typed union. The contract layer turns any fetch outcome
 * (any status, any body, any exception) into exactly one of these and never throws.
 * No member carries a secret: server text is redacted of known secrets before it lands here.
 */

/** One problem the server reported (or a newer API's client found), placed in the request body. */
export interface ServerFieldError {
  /** RFC 6901 pointer into the request body (the `loc` without its leading `"body"`); `''` is the whole body. */
  pointer: string;
  /** Readable text, pydantic's `Value error, ` prefix removed. Shown as text, never as HTML. */
  message: string;
  /** pydantic's error type (`value_error`, `missing`, `extra_forbidden`, ...), or `''` when absent. */
  type: string;
  /**
   * Set when the client found the problem itself, not the server (refusals.ts): `type` is then a
   * refusal code and `message` its default words, which a host page may word (`strings.messages`).
   */
  own?: true;
}

/**
 * Where the server said something in words (`detail`, `error`, `message`, plain text), the
 * `unauthorized` and `server` results carry it, redacted and plain, as `serverText`, so the element
 * can put it after a sentence of its own language. `message` is the contract's English sentence
 * with those words quoted.
 */
export type SubmitResult =
  /**
   * The API's own success answer: a 2xx whose body is a JSON object with a `message` string. A
   * newer API's client that needed to send nothing (the agent-server's tokens, already stored as
   * shown) answers `saved` with `status` 0.
   */
  | { kind: 'saved'; status: number; message: string }
  /**
   * A 2xx that is not the API's success answer (empty, `null`, text, HTML, an object without a
   * `message`, too large to read): something answered, but nothing is known to be stored.
   */
  | { kind: 'unknown'; status: number; message: string }
  /**
   * The MCP servers could not be saved because the server has no settings record yet
   * (`GET /api/settings` answered 404): creating one with only the MCP servers would make
   * OpenHands take an unconfigured server as set up.
   */
  | { kind: 'no-settings'; status: 404; message: string }
  /**
   * Problems placed on their fields. `status` 422: the server's answer, each item placed on its
   * field. The newer APIs' clients also use this kind for content a server cannot store safely,
   * each problem on the field to change (a stored secret to type again, a host that needs its
   * token typed again): `status` 0 when they refused before sending anything, or the status of
   * the write when reading it back showed the server did not keep what was sent.
   */
  | { kind: 'validation'; status: number; errors: ServerFieldError[]; message: string }
  /** 401 `{"error": ...}`: the git provider rejected a token. `pointer` is that provider's token field when the message names a provider. */
  | { kind: 'token-rejected'; status: 401; provider: string | null; pointer: string | null; message: string }
  /** 401 `{"detail": ...}` (or any other 401/403): the session key is missing or wrong. */
  | { kind: 'unauthorized'; status: number; message: string; serverText?: string }
  | { kind: 'rate-limited'; status: 429; message: string }
  /**
   * Any other non-2xx answer (5xx JSON or plain text, 404, unexpected 4xx), or a redirect, which is
   * never followed (`status` 0 for an opaque redirect).
   */
  | { kind: 'server'; status: number; message: string; serverText?: string }
  /** fetch rejected: offline, refused, or a CORS-less 500/429 that the browser hides. */
  | { kind: 'network'; message: string }
  | { kind: 'timeout'; timeoutMs: number; message: string }
  /** Not sent: the configuration forbids it (invalid base URL, plain `http:` to a non-loopback host without opt-in). */
  | { kind: 'refused'; message: string }
  /** Cancelled by the caller (element removed, a newer save): nothing to show. */
  | { kind: 'aborted'; message: string };

export type SubmitResultKind = SubmitResult['kind'];

/** The kinds a `failed` event reports: every way a save can fail, the form's own checks (`invalid`) included. */
export type FailureKind = Exclude<SubmitResultKind, 'saved' | 'aborted'> | 'invalid';

/** The form's own checks failed: nothing was sent. `errors` are pointers into the body it would have sent. */
export interface InvalidResult {
  kind: 'invalid';
  errors: { pointer: string; message: string }[];
  message: string;
}

/**
 * The two parts a save stores, each in its own store of the server (docs/CONTRACT.md, "Two stores"):
 * `tokens` with `POST /api/add-git-providers`, `mcp` (the MCP servers) with the settings
 * read-modify-write. Two requests, not atomic: each part succeeds or fails on its own.
 */
export type SavePart = 'tokens' | 'mcp';

/** Which parts a save stored, and which it meant to store but did not. */
export interface SaveParts {
  /** Parts this save stored (in request order). */
  stored: readonly SavePart[];
  /** Parts this save meant to store and did not: their edits are kept, unsaved. */
  notStored: readonly SavePart[];
}

/** What `submit()` resolves to: how the save ended, and which parts it stored. */
export type SaveOutcome = (SubmitResult | InvalidResult) & SaveParts;
