/** Request bodies several tests start from. Each call gives a fresh object. */

/** One SSE server whose URL has no scheme: the form's checks find `url_no_scheme`. */
export function schemelessSseUrl() {
  return {
    provider_tokens: {},
    mcp_config: { sse_servers: [{ url: 'mcp.example.com', api_key: null }], shttp_servers: [], stdio_servers: [] },
  };
}
