/**
 * What the element loads once a newer server API (the V1 app server, the agent-server) is the one
 * it speaks: the editors of what those APIs store for a server besides V0's fields. A chunk of its
 * own: a page on a V0 server never loads it.
 */
export { extrasTemplate, maskedView, type EditExtras } from './extras.js';
export { McpTests } from './tests.js';
export { recheckContent } from './names.js';
export { adoptNamedStyles } from './styles.js';
