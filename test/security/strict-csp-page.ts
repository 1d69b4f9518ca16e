/**
 * Runs inside the strict-CSP page (`/__strict-csp/`, served by web-test-runner.config.js with
 * `default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script';
 * trusted-types lit-html`). It uses the element as a person would (render, type, validate, save,
 * a server 422, a rejected token), through the test harness (which brings no test library with it),
 * and reports to the parent every CSP violation it saw. Not a test file itself: strict-csp.test.ts
 * loads it.
 */
import { harness } from '../helpers/harness.js';

const violations: string[] = [];
const onViolation = (event: SecurityPolicyViolationEvent) =>
  violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`.trim());
document.addEventListener('securitypolicyviolation', onViolation);
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`/__control${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

try {
  await import('../../src/openhands-provider-settings.js');
  const sessionKey = 'csp-session-key-1234';
  const tenant = (await control('POST', '/tenants', { sessionKey })) as { id: string; baseUrl: string };
  const el = document.createElement('openhands-provider-settings');
  el.baseUrl = tenant.baseUrl;
  el.sessionKey = sessionKey;
  document.body.append(el);
  await el.updateComplete;
  const ui = harness(el);
  const steps: Record<string, unknown> = {};
  steps.rendered = ui.inputs().length;
  steps.styled = getComputedStyle(el).display;

  // Validate: an invalid SSE URL is caught by the form's own checks.
  const server = await ui.addServer('sse');
  await server.type('url', 'localhost:8080');
  steps.valid = await el.validate();
  steps.invalid = (await el.submit()).kind;
  await el.updateComplete;
  steps.clientError = server.url.getAttribute('aria-invalid');

  // The server's 422, placed on the field.
  el.noValidate = true;
  steps.validation = (await el.submit()).kind;
  await el.updateComplete;
  steps.serverSummary = ui.summary.items().length;

  // A rejected token, and a message with markup, shown as text.
  el.noValidate = false;
  await server.type('url', 'https://mcp.example.com/sse');
  await ui.typeToken('github', 'bad-token-<img src=x onerror=alert(1)>');
  steps.rejected = (await el.submit()).kind;
  await el.updateComplete;

  // Saved.
  await ui.typeToken('github', 'ghp_good_token');
  steps.saved = (await el.submit()).kind;
  await el.updateComplete;
  steps.tokenCleared = ui.provider('github').token.value === '';
  await settle();
  const elementViolations = [...violations];

  // Positive controls: the policy is really in force on this page.
  const controls: Record<string, boolean> = {};
  try {
    new Function('return 1');
    controls.eval = false;
  } catch {
    controls.eval = true;
  }
  try {
    document.createElement('div').innerHTML = '<b>x</b>';
    controls.trustedTypes = false;
  } catch {
    controls.trustedTypes = true;
  }
  try {
    const factory = (window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } })
      .trustedTypes;
    factory.createPolicy('not-allowed', { createHTML: (s: string) => s });
    controls.policyNames = false;
  } catch {
    controls.policyNames = true;
  }
  await settle();
  parent.postMessage({ source: 'strict-csp', steps, elementViolations, controls, allViolations: violations }, '*');
} catch (error) {
  parent.postMessage({ source: 'strict-csp', error: String((error as Error)?.stack ?? error), violations }, '*');
}
export {};
