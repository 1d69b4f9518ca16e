// @ts-check
/** What `demo: true` seeds, so that a newcomer sees stored providers and servers at once. */

export const DEMO_SESSION_KEY = 'demo-session-key';

export function demoSettings() {
  return {
    provider_tokens: {
      // github.com itself: GitHub's host is null unless it is an Enterprise server.
      github: { token: 'ghp_demoTokenForTheReferenceServer00000', host: null },
      gitlab: { token: 'glpat-demoTokenForTheReferenceServer', host: 'gitlab.example.com' },
    },
    // What else an OpenHands user has set, so that a reader sees it survive an MCP save.
    language: 'en',
    agent: 'CodeActAgent',
    llm_model: 'anthropic/claude-sonnet-4-20250514',
    llm_api_key: 'sk-ant-demo-not-a-real-key',
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
