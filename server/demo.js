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
    mcp_config: {
      sse_servers: [{ url: 'https://mcp.example.com/sse', api_key: null }],
      stdio_servers: [{ name: 'fetch', command: 'uvx', args: ['mcp-server-fetch'], env: { FETCH_TIMEOUT: '30' } }],
      shttp_servers: [],
    },
  };
}
