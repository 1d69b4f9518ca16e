/**
 * Strict CSP (issue 4, item 6): the element renders, validates, saves and shows errors on a page
 * served with `default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for
 * 'script'; trusted-types lit-html` (a real response header, see web-test-runner.config.js), with
 * zero `securitypolicyviolation` events. Positive controls prove the policy is in force there.
 */
import { expect } from '@open-wc/testing';
import { globalConfig } from 'zod/v4/core';
import '../../src/openhands-provider-settings.js';

interface Report {
  source: 'strict-csp';
  error?: string;
  steps?: Record<string, unknown>;
  elementViolations?: string[];
  controls?: Record<string, boolean>;
  allViolations?: string[];
  violations?: string[];
}

function load(): Promise<Report> {
  const frame = document.createElement('iframe');
  const report = new Promise<Report>((resolve) => {
    window.addEventListener('message', function onMessage(event: MessageEvent<Report>) {
      if (event.source !== frame.contentWindow || event.data?.source !== 'strict-csp') return;
      window.removeEventListener('message', onMessage);
      resolve(event.data);
    });
  });
  frame.src = '/__strict-csp/';
  document.body.append(frame);
  return report.finally(() => frame.remove());
}

describe('strict Content Security Policy with Trusted Types', () => {
  it('renders, validates, saves and shows errors with zero violations', async () => {
    const report = await load();
    expect(report.error, report.error).to.equal(undefined);
    expect(report.steps).to.deep.equal({
      rendered: 6,
      styled: 'block',
      valid: false,
      invalid: 'invalid',
      clientError: 'true',
      validation: 'validation',
      serverSummary: 1,
      rejected: 'token-rejected',
      saved: 'saved',
      tokenCleared: true,
    });
    expect(report.elementViolations, 'violations while the element worked').to.deep.equal([]);
  });

  it('the policy really is in force on that page (eval, string HTML and other policy names are refused)', async () => {
    const report = await load();
    expect(report.controls).to.deep.equal({ eval: true, trustedTypes: true, policyNames: true });
    expect(report.allViolations!.length, 'the controls were reported').to.be.at.least(2);
  });

  it('leaves the host page’s own zod configuration alone (no global jitless switch)', () => {
    // The element uses zod/mini, whose object schemas never compile code; it does not turn off
    // zod's JIT for the page (a host page's own zod keeps its behaviour).
    expect(globalConfig.jitless).to.equal(undefined);
  });
});
