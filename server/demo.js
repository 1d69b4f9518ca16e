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
