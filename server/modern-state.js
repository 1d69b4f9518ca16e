// @ts-check
/**
 * What the test controls show of a v1 or agent-server tenant: what is stored, secrets in clear,
 * so that a browser test can assert what a save STORED, not only what the page shows.
 *
 *   { id, baseUrl, api, variant, sessionKey, delayMs, mcpTestMs,
 *     hasSettings,
 *     settings: { ...V1 fields, agent_settings: {..., mcp_config}, conversation_settings, ... } | null,
 *     mcp_config: { name: server } | null,   the stored servers, flat, normalised
 *     provider_tokens, providerTypes,        v1 only: the token store, tokens included
 *     secrets: { NAME: { value, description } },   agent-server only
 *     mcpTestRuns: [run, ...],               v1 only: as GET .../test-runs/{id} answers them
 *     pendingResponses, requestCount }
 */

import { testRunAnswer } from './v1-mcp-tests.js';

/** @typedef {import('./store.js').Tenant} Tenant */
/** @typedef {import('./modern-record.js').ModernRecord} ModernRecord */

/** @param {Tenant} tenant */
export function describeModern(tenant) {
  const record = tenant.modernSettings;
  const v1 = tenant.api === 'v1';
  return {
    id: tenant.id,
    baseUrl: tenant.baseUrl,
    api: tenant.api,
    variant: tenant.variant,
    sessionKey: tenant.sessionKey,
    delayMs: tenant.delayMs,
    mcpTestMs: tenant.mcpTestMs,
    hasSettings: record !== null,
    settings: record && recordState(record, v1),
    mcp_config: record?.mcp ?? null,
    ...(v1
      ? {
          providerTypes: tenant.providerTypes,
          // A provider kept for its user_id alone has no token: null here, as in the store.
          provider_tokens: new Map([...tenant.tokens].map(([p, t]) => [p, { ...t, token: t.token || null }])),
          mcpTestRuns: [...tenant.testRuns.values()].map((run) => testRunAnswer(run, Date.now())),
        }
      : { secrets: tenant.secrets }),
    pendingResponses: tenant.script.length,
    requestCount: tenant.requestCount,
  };
}

/**
 * @param {ModernRecord} record
 * @param {boolean} v1
 */
function recordState(record, v1) {
  const agent = new Map(record.agent).set('mcp_config', record.mcp);
  return {
    ...Object.fromEntries(record.fields),
    agent_settings: agent,
    conversation_settings: record.conversation,
    ...(v1 ? {} : { misc_settings: record.misc }),
  };
}
