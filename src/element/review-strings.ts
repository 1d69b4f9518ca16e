/**
 * The English texts of the review (the defaults of `strings.review`, per entry). A module of its
 * own, so that they load with the review (on demand), not with the element.
 */
import type { ReviewStrings } from './strings.js';

export const defaultReviewStrings: ReviewStrings = {
  heading: 'This save will',
  save: 'Save these changes',
  back: 'Back to editing',
  nothingToSave: 'Nothing to save.',
  tokenAdded: (p) => `store a new ${p} token`,
  tokenReplaced: (p) => `replace the stored ${p} token`,
  tokenRemoved: (p) => `delete the stored ${p} token`,
  hostChanged: (p, from, to) => `change the ${p} host from ${from ?? 'the default'} to ${to ?? 'the default'}`,
  hostDropped: (p) => `not keep the ${p} host: without a token the server drops it`,
  serverAdded: (kind, label) => `add the ${kind} “${label}”`,
  serverRemoved: (kind, label) => `remove the ${kind} “${label}”`,
  serverChanged: (kind, label, fields) => `change the ${fields.join(', ')} of the ${kind} “${label}”`,
  serverKind: { sse: 'SSE server', shttp: 'streamable HTTP server', stdio: 'stdio server' },
  tokensPart: 'Git tokens (the first request stores them)',
  mcpPart: 'MCP servers (a second request stores them in the server’s settings)',
  replaceHeading: 'Replace every stored git token?',
  replaceText:
    'This OpenHands server has no settings yet, so the form cannot see which git tokens it stores. Saving replaces them all with the tokens in this form: a token stored earlier and not typed here is deleted.',
  replaceConfirm: 'Replace the stored tokens',
};
