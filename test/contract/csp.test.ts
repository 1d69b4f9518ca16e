import { expect } from '@open-wc/testing';

interface ProbeReport {
  source: 'csp-probe';
  error?: string;
  contractViolations?: string[];
  invalid?: number;
  valid?: number;
  controlThrew?: boolean;
  allViolations?: number;
}

describe('contract under a strict CSP (no unsafe-eval)', () => {
  it('loads, validates and parses without any CSP violation (zod/mini never probes new Function)', async () => {
    const probe = new URL('./csp-probe.ts', import.meta.url).pathname;
    const frame = document.createElement('iframe');
    const report = new Promise<ProbeReport>((resolve) => {
      window.addEventListener('message', function onMessage(event: MessageEvent<ProbeReport>) {
        if (event.source !== frame.contentWindow || event.data?.source !== 'csp-probe') return;
        window.removeEventListener('message', onMessage);
        resolve(event.data);
      });
    });
    frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'"><script type="module" src="${probe}"></script>`;
    document.body.append(frame);
    try {
      const data = await report;
      expect(data.error).to.equal(undefined);
      expect(data.contractViolations).to.deep.equal([]);
      expect(data.invalid).to.equal(4);
      expect(data.valid).to.equal(0);
      expect(data.controlThrew, 'the policy forbids eval in the frame').to.equal(true);
      expect(data.allViolations, 'the control was reported').to.equal(1);
    } finally {
      frame.remove();
    }
  });
});
