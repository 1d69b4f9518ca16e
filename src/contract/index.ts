/**
 * The contract layer's public API: the request schema and its rules, client-side validation,
 * JSON Pointers, the reading of every server answer, and the two HTTP calls. Pure TypeScript,
 * no DOM.
 */
export { ISSUE_MESSAGES, isIssueCode, type IssueCode } from './codes.js';
export { commandRule, nameRule, pyStrip, splitUrlLikePython, urlRule } from './rules.js';
export {
  mcpConfigSchema,
  providerTokenSchema,
  requestBodySchema,
  stdioServerSchema,
  urlServerSchema,
  type McpConfig,
  type ProviderSettingsBody,
  type ProviderToken,
  type StdioServer,
  type StoredSettings,
  type UrlServer,
} from './schema.js';
export { validateRequestBody, validateStdioServer, validateUrlServer, type FieldIssue } from './validate.js';
export { escapeSegment, fromPointer, KEY_SEGMENT, unescapeSegment, type PathSegment } from './pointer.js';
export { childPointer, parentPointer, toPointer } from './pointer-join.js';
export { locToPointer } from './loc.js';
export { cleanMessage, MAX_MESSAGE_LENGTH, MIN_SECRET_LENGTH, redactSecrets, REDACTED } from './message.js';
export {
  describeAnswer,
  interpretResponse,
  MAX_SERVER_ERRORS,
  type InterpretOptions,
  type ResponseSnapshot,
} from './response.js';
export { parseStoredSettings } from './settings.js';
export { endpointUrl, isLoopbackHost, refusalReason } from './endpoint.js';
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  getStoredSettings,
  postProviderSettings,
  PROVIDER_SETTINGS_PATH,
  SETTINGS_PATH,
  type ConnectionOptions,
  type GetStoredSettingsResult,
  type PostProviderSettingsOptions,
} from './http.js';
export type { FailureKind, ServerFieldError, SubmitResult, SubmitResultKind } from './result.js';
