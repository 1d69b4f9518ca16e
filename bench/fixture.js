// The form both pages build: four providers and N MCP servers split over the three kinds (in
// the order sse, shttp, stdio, so the last server is a stdio one), each stdio server with 3 args
// and 3 env entries. Everything is valid, so validating renders no error.

export const PROVIDERS = ['github', 'gitlab', 'bitbucket', 'azure_devops'];

/** Request-body shaped, as the element's `value` setter takes it. */
export function makeBody(n) {
  const stdioCount = Math.ceil(n / 3);
  const sseCount = Math.ceil((n - stdioCount) / 2);
  const shttpCount = n - stdioCount - sseCount;
  const url = (kind, i) => ({
    url: `https://mcp-${i}.example.com/${kind === 'sse' ? 'sse' : 'mcp'}`,
    api_key: `key-${kind}-${i}`,
  });
  return {
    provider_tokens: {
      github: { token: 'ghp_benchmarktoken0001', host: 'github.com' },
      gitlab: { token: 'glpat-benchmarktoken0002', host: 'gitlab.example.com' },
      bitbucket: { token: 'bench-user:app-password-0003', host: 'bitbucket.org' },
      azure_devops: { token: 'azure-benchmark-token-0004', host: 'dev.azure.com' },
    },
    mcp_config: {
      sse_servers: Array.from({ length: sseCount }, (_, i) => url('sse', i)),
      shttp_servers: Array.from({ length: shttpCount }, (_, i) => url('shttp', i)),
      stdio_servers: Array.from({ length: stdioCount }, (_, i) => ({
        name: `server-${i}`,
        command: 'npx',
        args: ['-y', `@example/mcp-server-${i}`, '--stdio'],
        env: { API_TOKEN: `token-${i}`, LOG_LEVEL: 'info', REGION: `region-${i % 7}` },
      })),
    },
  };
}

/**
 * `count` 422 items as FastAPI writes them (`loc` starting with "body"), spread round-robin over
 * the servers' fields, so every server gets errors and each lands on a field that exists.
 */
export function make422Detail(body, count) {
  const { sse_servers: sse, shttp_servers: shttp, stdio_servers: stdio } = body.mcp_config;
  const targets = [];
  sse.forEach((_, i) => targets.push(['sse_servers', i, 'url']));
  shttp.forEach((_, i) => targets.push(['shttp_servers', i, 'url']));
  stdio.forEach((_, i) => targets.push(['stdio_servers', i, i % 2 ? 'command' : 'name']));
  return Array.from({ length: count }, (_, k) => {
    const [list, i, field] = targets[k % targets.length];
    return {
      type: 'value_error',
      loc: ['body', 'mcp_config', list, i, field],
      msg: `Value error, problem ${k} with ${field}`,
      input: 'x',
      ctx: { error: {} },
    };
  });
}
