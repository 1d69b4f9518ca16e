/**
 * Runs inside an iframe whose CSP forbids eval (see csp.test.ts): loads the contract layer, parses
 * with it, and reports any CSP violation to the parent. Not a test file itself.
 */
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) =>
  violations.push(`${event.violatedDirective} ${event.blockedURI}`),
);
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

try {
  const contract = await import('../../src/contract/index.js');
  const invalid = contract.validateRequestBody({
    provider_tokens: { github: { token: 1, host: null } },
    mcp_config: {
      sse_servers: [{ url: 'localhost:8080' }],
      stdio_servers: [{ name: 'a b', command: 'x' }],
      shttp_servers: [],
      extra: 1,
    },
  });
  const valid = contract.validateRequestBody({
    provider_tokens: {},
    mcp_config: { sse_servers: [{ url: 'https://h' }], stdio_servers: [], shttp_servers: [] },
  });
  contract.requestBodySchema.safeParse({ provider_tokens: {}, mcp_config: null });
  contract.interpretResponse(
    { status: 422, contentType: 'application/json', bodyText: '{"detail":[{"loc":["body"],"msg":"x"}]}' },
    {},
  );
  await settle();
  const contractViolations = [...violations];
  // Positive control: the policy really does forbid eval here.
  let controlThrew = false;
  try {
    new Function('');
  } catch {
    controlThrew = true;
  }
  await settle();
  parent.postMessage(
    {
      source: 'csp-probe',
      contractViolations,
      invalid: invalid.length,
      valid: valid.length,
      controlThrew,
      allViolations: violations.length,
    },
    '*',
  );
} catch (error) {
  parent.postMessage({ source: 'csp-probe', error: String(error) }, '*');
}
export {};
