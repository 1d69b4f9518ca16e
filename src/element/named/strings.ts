/** The English texts of what the newer server APIs store for an MCP server besides V0's fields. */
import type { NamedStrings } from '../strings.js';

export const defaultNamedStrings: NamedStrings = {
  name: 'Name',
  auth: 'Authentication',
  authMethod: 'Method',
  strategies: {
    none: 'None',
    api_key: 'API key',
    bearer: 'Bearer token',
    basic: 'User name and password',
    header: 'Secret headers',
    oauth2: 'OAuth 2.0',
  },
  value: 'Key or token',
  headerName: 'Header',
  headerNameHint: 'Empty: sent as a bearer token.',
  username: 'User name',
  password: 'Password',
  headers: 'Headers',
  authHeaders: 'Secret headers',
  headerKey: (list, i) => `${list}: header ${i + 1} name`,
  headerValue: (list, i) => `${list}: header ${i + 1} value`,
  addHeader: 'Add header',
  removeHeader: (list, i) => `Remove header ${i + 1} of ${list}`,
  noHeaders: 'No headers.',
  enabled: 'Enabled',
  stored: 'Stored: type to replace',
  oauth2Kept: 'Set up with OAuth 2.0 elsewhere; kept as stored.',
  test: 'Test connection',
  testing: 'Testing…',
  testResult: (result) => result.message,
};
