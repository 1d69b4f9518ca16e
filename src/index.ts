export { OpenHandsProviderSettings } from './element/provider-settings.js';
export { DEFAULT_PROVIDERS } from './model/draft.js';
export {
  ProviderSettingsSubmitEvent,
  ProviderSettingsSavedEvent,
  ProviderSettingsFailedEvent,
  ProviderSettingsChangeEvent,
  ProviderSettingsDirtyEvent,
  ProviderSettingsApiEvent,
  type ProviderSettingsEventMap,
} from './element/events.js';
export {
  defaultStrings,
  type ProviderSettingsStrings,
  type ReviewStrings,
  type FailureStrings,
  type McpToolsStrings,
  type NamedStrings,
  type MessageCode,
} from './element/strings.js';
export type { ImportNote, SkipReason, ClashReason } from './import/mcp-import.js';
export type { ApiChoice, ApiKind } from './contract/settings-api.js';
export type { McpTestResult } from './contract/mcp-test.js';
export type { RefusalCode } from './contract/refusals.js';
export type { SaveOutcome, SubmitResult, InvalidResult, FailureKind, ServerFieldError } from './contract/result.js';
export type {
  ProviderSettingsBody,
  ProviderToken,
  McpConfig,
  UrlServer,
  StdioServer,
  StoredSettings,
} from './contract/schema.js';
