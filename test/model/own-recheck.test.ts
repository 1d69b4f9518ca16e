/** The client's own refusals that an edit settles (src/model/own-recheck.ts). */
import { expect } from '@open-wc/testing';
import { hasOwnErrors, keepOwnErrors } from '../../src/model/own-recheck.js';
import { checkedModel } from '../helpers/model.js';

const CODES = new Set(['name_taken']);

function model() {
  const m = checkedModel();
  m.setValue({
    provider_tokens: {},
    mcp_config: {
      sse_servers: [],
      shttp_servers: [],
      stdio_servers: [
        { name: 'a', command: 'x', args: [], env: {} },
        { name: 'a', command: 'y', args: [], env: {} },
      ],
    },
  });
  const refusal = (i: number) => ({
    pointer: `/mcp_config/stdio_servers/${i}/name`,
    type: 'name_taken',
    message: 'taken',
    own: true as const,
  });
  m.applyServerErrors([
    refusal(0),
    refusal(1),
    // The server's own words, even with a matching type, are never the form's to take back.
    { pointer: '/mcp_config/stdio_servers/0/command', type: 'name_taken', message: 'server says' },
  ]);
  return m;
}

describe('model/own-recheck', () => {
  it('keeps what the check still finds, drops the rest of its codes, and never a server error', () => {
    const m = model();
    const [first, second] = m.draft.stdio;
    expect(hasOwnErrors(m.state, CODES)).to.equal(true);
    expect(
      keepOwnErrors(m.state, CODES, [{ pointer: '/mcp_config/stdio_servers/1/name', type: 'name_taken', message: '' }]),
    ).to.equal(true);
    expect(m.errorsFor(first!.id, 'name')).to.deep.equal([]);
    expect(m.errorsFor(second!.id, 'name').map((e) => e.message)).to.deep.equal(['taken']);
    expect(m.errorsFor(first!.id, 'command').map((e) => e.message)).to.deep.equal(['server says']);
    expect(keepOwnErrors(m.state, CODES, [])).to.equal(true);
    expect(hasOwnErrors(m.state, CODES)).to.equal(false);
    expect(keepOwnErrors(m.state, CODES, [])).to.equal(false);
  });
});
