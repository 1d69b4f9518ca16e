// @ts-check
/**
 * What `demo: true` seeds, so that a newcomer sees stored providers and servers at once, in
 * OpenHands' two stores: the tokens, and a settings record such as a real user has (so that a
 * reader sees language, agent, LLM, keys and git user survive an MCP save).
 */

export const DEMO_SESSION_KEY = 'demo-session-key';

/** The token store. */
export function demoProviderTokens() {
  return {
    // github.com itself: GitHub's host is null unless it is an Enterprise server.
    github: { token: 'ghp_demoTokenForTheReferenceServer00000', host: null },
    gitlab: { token: 'glpat-demoTokenForTheReferenceServer', host: 'gitlab.example.com' },
  };
}

/** The settings record (fields not named keep 0.53.0's defaults). The keys are fakes. */
export function demoSettings() {
  return {
    language: 'en',
    agent: 'CodeActAgent',
    llm_model: 'anthropic/claude-sonnet-4-20250514',
    llm_api_key: 'sk-demo-not-a-real-key',
    search_api_key: 'tvly-demo-not-a-real-key',
    confirmation_mode: true,
    max_iterations: 100,
    git_user_name: 'openhands',
    git_user_email: 'openhands@all-hands.dev',
    mcp_config: {
      sse_servers: [{ url: 'https://mcp.example.com/sse', api_key: null }],
      stdio_servers: [{ name: 'fetch', command: 'uvx', args: ['mcp-server-fetch'], env: { FETCH_TIMEOUT: '30' } }],
      shttp_servers: [],
    },
  };
}

/**
 * The demo state of a v1 or agent-server default tenant: the same servers in the new MCP shape
 * (a remote one with a bearer token and a stdio one), an LLM key; V1 also has the tokens and its
 * product fields, the agent-server a GitHub token as the secret `github_token`, the name the
 * SDK's clone path reads (CURRENT-SERVERS §2.4).
 * @param {'v1' | 'agent-server'} api
 */
export function demoModernState(api) {
  const mcp_config = {
    docs: {
      transport: 'sse',
      url: 'https://mcp.example.com/sse',
      auth: { strategy: 'bearer', value: 'demo-bearer-not-a-real-token' },
    },
    fetch: { command: 'uvx', args: ['mcp-server-fetch'], env: { FETCH_TIMEOUT: '30' } },
  };
  const agent_settings = { llm: { model: 'anthropic/claude-sonnet-4-20250514', api_key: 'sk-demo-not-a-real-key' } };
  if (api === 'v1') {
    return {
      sessionKey: DEMO_SESSION_KEY,
      provider_tokens: demoProviderTokens(),
      settings: {
        language: 'en',
        git_user_name: 'openhands',
        git_user_email: 'openhands@all-hands.dev',
        agent_settings,
        mcp_config,
      },
    };
  }
  return {
    sessionKey: DEMO_SESSION_KEY,
    secrets: { github_token: { value: 'ghp_demoTokenForTheReferenceServer00000', description: 'GitHub token' } },
    settings: { agent_settings, mcp_config },
  };
}
