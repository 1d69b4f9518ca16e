/**
 * `openhands-provider-settings/messages`: the English texts of the form's own checks and of the
 * newer APIs' clients' refusals, by code, for a translation of `strings.messages` to start from. A
 * code left out of `strings.messages` shows the same text, which every error carries; so the
 * element does not need this table, and it is a module of its own that the self-contained file
 * does not carry.
 */
import { ISSUE_MESSAGES } from './contract/codes.js';
import type { MessageCode } from './element/strings.js';
import { MODEL_MESSAGES } from './model/rules.js';
import { REFUSAL_MESSAGES } from './contract/refusals.js';

export const defaultMessages: Readonly<Record<MessageCode, string>> = Object.freeze({
  ...ISSUE_MESSAGES,
  ...MODEL_MESSAGES,
  ...REFUSAL_MESSAGES,
});
