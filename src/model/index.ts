/** The form model's public surface, for the element and for host code that wants the model alone. */
export { FormModel, UNPLACED_ROW_ID } from './form-model.js';
export { FormChecks, type CheckedState } from './checks.js';
export type {
  FormModelOptions,
  ListedError,
  Validators,
  FieldError,
  UnplacedError,
  ErrorSource,
  ModelRuleCode,
} from './form-model.js';
export { MODEL_MESSAGES } from './rules.js';
export { SECTION_IDS } from './draft.js';
export type {
  Draft,
  ProviderRow,
  UrlServerRow,
  StdioServerRow,
  ArgRow,
  EnvRow,
  ErrorTarget,
  ServerKind,
} from './draft.js';
