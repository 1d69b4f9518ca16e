import { checkedModel } from '../helpers/model.js';
import { expect } from '@open-wc/testing';
import { listErrors } from '../../src/model/error-list.js';

const body = (urls: string[]) => ({
  provider_tokens: {},
  mcp_config: { sse_servers: urls.map((url) => ({ url, api_key: null })), shttp_servers: [], stdio_servers: [] },
});

describe('FormModel.errorsRevision', () => {
  it('validateAll moves it only when the client errors change', () => {
    const m = checkedModel({ value: body(['https://ok.example.com/sse']) });
    const start = m.errorsRevision;
    expect(m.validateAll()).to.equal(true);
    expect(m.errorsRevision).to.equal(start);

    m.setValue(body(['', 'no-scheme.example.com']));
    const before = m.errorsRevision;
    expect(m.validateAll()).to.equal(false);
    const after = m.errorsRevision;
    expect(after).to.not.equal(before);
    expect(listErrors(m).map((e) => e.code)).to.deep.equal(['url_empty', 'url_no_scheme']);

    // The same problems again: nothing changes, and the errors are the same objects.
    const listed = m.errorsFor(m.draft.sse[0]!.id, 'url');
    expect(m.validateAll()).to.equal(false);
    expect(m.errorsRevision).to.equal(after);
    expect(m.errorsFor(m.draft.sse[0]!.id, 'url')).to.equal(listed);

    // One fixed in the draft directly (no edit clearing it): the check removes it.
    m.draft.sse[1]!.url = 'https://ok.example.com/sse';
    expect(m.validateAll()).to.equal(false);
    expect(m.errorsRevision).to.not.equal(after);
    expect(listErrors(m).map((e) => e.code)).to.deep.equal(['url_empty']);
  });

  it('server errors are kept by validateAll, and a server answer moves it', () => {
    const m = checkedModel({ value: body(['']) });
    const before = m.errorsRevision;
    m.applyServerErrors([{ pointer: '/mcp_config/sse_servers/0/api_key', message: 'nope', type: 'value_error' }]);
    expect(m.errorsRevision).to.not.equal(before);
    m.validateAll();
    const codes = listErrors(m).map((e) => `${e.source}:${e.code}`);
    expect(codes).to.deep.equal(['client:url_empty', 'server:value_error']);
    const after = m.errorsRevision;
    m.validateAll();
    expect(m.errorsRevision).to.equal(after);
  });
});
