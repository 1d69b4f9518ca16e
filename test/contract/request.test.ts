import { expect } from '@open-wc/testing';
import { NOT_JSON } from '../../src/contract/parse-json.js';
import { answerJson, request } from '../../src/contract/request.js';
import { interpretResponse } from '../../src/contract/response.js';
import { BASE, fakeServer, json, SESSION_KEY } from './fake-server.js';

describe('contract/request', () => {
  it('sends the key as X-Session-API-Key by default, and as a bearer token when asked', async () => {
    const server = fakeServer({ 'GET api/x': json(200, { a: 1 }) });
    await request({ baseUrl: BASE, sessionKey: SESSION_KEY, fetch: server.fetch }, { method: 'GET', path: 'api/x' });
    await request(
      { baseUrl: BASE, sessionKey: SESSION_KEY, authScheme: 'bearer', fetch: server.fetch },
      { method: 'GET', path: 'api/x' },
    );
    const [plain, bearer] = server.calls;
    expect(plain?.headers.get('X-Session-API-Key')).to.equal(SESSION_KEY);
    expect(plain?.headers.get('Authorization')).to.equal(null);
    expect(bearer?.headers.get('Authorization')).to.equal(`Bearer ${SESSION_KEY}`);
    expect(bearer?.headers.get('X-Session-API-Key')).to.equal(null);
  });

  it('extra headers never replace the key, a body is JSON, no body sends no Content-Type', async () => {
    const server = fakeServer({ 'PUT api/x': json(200, {}), 'DELETE api/x': json(200, {}) });
    await request(
      { baseUrl: BASE, sessionKey: SESSION_KEY, fetch: server.fetch },
      { method: 'PUT', path: 'api/x', body: { a: 1 }, headers: { 'X-Session-API-Key': 'other', 'X-Extra': 'yes' } },
    );
    await request({ baseUrl: BASE, fetch: server.fetch }, { method: 'DELETE', path: 'api/x' });
    const [put, del] = server.calls;
    expect(put?.headers.get('X-Session-API-Key')).to.equal(SESSION_KEY);
    expect(put?.headers.get('X-Extra')).to.equal('yes');
    expect(put?.headers.get('Content-Type')).to.equal('application/json');
    expect(put?.body).to.deep.equal({ a: 1 });
    expect(del?.headers.get('Content-Type')).to.equal(null);
    expect(del?.body).to.equal(undefined);
  });

  it('refuses a bearer key that cannot be a header, and plain http, without sending', async () => {
    const server = fakeServer({});
    const bad = await request(
      { baseUrl: BASE, sessionKey: 'a\nb-key', authScheme: 'bearer', fetch: server.fetch },
      { method: 'GET', path: 'api/x' },
    );
    expect(bad.kind).to.equal('refused');
    const http = await request({ baseUrl: 'http://oh.example.com', fetch: server.fetch }, { method: 'GET', path: 'x' });
    expect(http.kind).to.equal('refused');
    expect(server.calls).to.have.length(0);
  });

  it('answerJson: parsed once, NOT_JSON for text and for a cut body', async () => {
    const server = fakeServer({
      'GET a': json(200, { ok: true }),
      'GET b': new Response('plain', { status: 200 }),
      'GET c': json(200, { big: 'x'.repeat(100) }),
    });
    const a = await request({ baseUrl: BASE, fetch: server.fetch }, { method: 'GET', path: 'a' });
    const b = await request({ baseUrl: BASE, fetch: server.fetch }, { method: 'GET', path: 'b' });
    const c = await request({ baseUrl: BASE, fetch: server.fetch, maxBodyBytes: 20 }, { method: 'GET', path: 'c' });
    if (a.kind !== 'answer' || b.kind !== 'answer' || c.kind !== 'answer') throw new Error('no answer');
    expect(answerJson(a)).to.deep.equal({ ok: true });
    expect(answerJson(a)).to.equal(answerJson(a));
    expect(answerJson(b)).to.equal(NOT_JSON);
    expect(c.truncated).to.equal(true);
    expect(answerJson(c)).to.equal(NOT_JSON);
    expect(a.secrets).to.deep.equal([]);
  });
});

describe('contract/response: tokenRejection', () => {
  const snap = (body: unknown) => ({ status: 401, contentType: 'application/json', bodyText: JSON.stringify(body) });
  const invalid = 'Invalid token. Please make sure it is a valid gitlab token.';

  it("'error' (V0's default): an error string only", () => {
    expect(interpretResponse(snap({ error: invalid })).kind).to.equal('token-rejected');
    expect(interpretResponse(snap({ detail: invalid })).kind).to.equal('unauthorized');
  });

  it("'error-or-detail': a detail naming a provider's token too; Unauthorized stays unauthorized", () => {
    const opts = { tokenRejection: 'error-or-detail' as const, providers: ['gitlab'] };
    expect(interpretResponse(snap({ detail: invalid }), opts)).to.deep.equal({
      kind: 'token-rejected',
      status: 401,
      provider: 'gitlab',
      pointer: '/provider_tokens/gitlab/token',
      message: invalid,
    });
    expect(interpretResponse(snap({ error: invalid }), opts).kind).to.equal('token-rejected');
    expect(interpretResponse(snap({ detail: 'Unauthorized' }), opts).kind).to.equal('unauthorized');
    expect(interpretResponse(snap({ detail: 'Invalid token' }), opts).kind).to.equal('unauthorized');
  });

  it("'never': every 401 is unauthorized, with the server's words", () => {
    expect(interpretResponse(snap({ error: 'Invalid token' }), { tokenRejection: 'never' })).to.deep.equal({
      kind: 'unauthorized',
      status: 401,
      message:
        'The session key is missing or was not accepted (HTTP 401 Unauthorized). The server said: “Invalid token”',
      serverText: 'Invalid token',
    });
  });
});
