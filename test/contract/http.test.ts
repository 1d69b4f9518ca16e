import { expect } from '@open-wc/testing';
import { getStoredSettings, postProviderSettings } from '../../src/contract/http.js';
import type { SubmitResult } from '../../src/contract/result.js';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch double that records its calls and answers with `respond`. */
function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return Promise.resolve().then(() => respond(call));
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** A fetch that never settles and ignores its signal: only our own deadline can end it. */
const stuckFetch = (() => new Promise<Response>(() => undefined)) as typeof fetch;

const BODY = { provider_tokens: { github: { token: 'ghp_typed_token', host: null } }, mcp_config: null };
const SESSION_KEY = 'sk-session-key-123';
const BASE = 'https://oh.example.com/openhands';

function headerOf(call: Call | undefined, name: string): string | null {
  return new Headers(call?.init.headers).get(name);
}

describe('contract/http: postProviderSettings request', () => {
  it('POSTs the JSON body to the endpoint with the expected headers and options', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { message: 'Git providers stored' }));
    const result = await postProviderSettings({ baseUrl: BASE, sessionKey: SESSION_KEY, body: BODY, fetch });
    expect(result).to.deep.equal({ kind: 'saved', status: 200, message: 'Git providers stored' });
    expect(calls).to.have.length(1);
    const call = calls[0]!;
    expect(call.url).to.equal('https://oh.example.com/openhands/api/add-git-providers');
    expect(call.init.method).to.equal('POST');
    expect(call.init.body).to.equal(JSON.stringify(BODY));
    expect(headerOf(call, 'Content-Type')).to.equal('application/json');
    expect(headerOf(call, 'X-Session-API-Key')).to.equal(SESSION_KEY);
    expect(headerOf(call, 'Accept')).to.equal('application/json');
    expect(call.init.redirect).to.equal('manual');
    expect(call.init.credentials).to.equal('same-origin');
    expect(call.init.cache).to.equal('no-store');
    expect(call.init.signal).to.be.instanceOf(AbortSignal);
  });

  it('sends no session key header without a key', async () => {
    for (const sessionKey of [undefined, null, '']) {
      const { fetch, calls } = fakeFetch(() => json(200, {}));
      await postProviderSettings({ baseUrl: BASE, sessionKey, body: BODY, fetch });
      expect(headerOf(calls[0], 'X-Session-API-Key')).to.equal(null);
    }
  });

  it('passes a valid credentials mode and defaults an invalid one', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    await postProviderSettings({ baseUrl: BASE, body: BODY, fetch, credentials: 'include' });
    await postProviderSettings({ baseUrl: BASE, body: BODY, fetch, credentials: 'bogus' as RequestCredentials });
    expect(calls.map((c) => c.init.credentials)).to.deep.equal(['include', 'same-origin']);
  });

  it('never puts the session key in the URL or a message, even when the server echoes it', async () => {
    const { fetch, calls } = fakeFetch(() => json(500, { error: `bad key ${SESSION_KEY} and token ghp_typed_token` }));
    const result = await postProviderSettings({
      baseUrl: `${BASE}?k=1`,
      sessionKey: SESSION_KEY,
      body: BODY,
      fetch,
      secrets: ['ghp_typed_token'],
    });
    expect(calls[0]?.url).to.not.contain(SESSION_KEY);
    expect(JSON.stringify(result)).to.not.contain(SESSION_KEY);
    expect(result).to.deep.equal({
      kind: 'server',
      status: 500,
      message: 'The server answered HTTP 500 Internal Server Error: “bad key ••• and token •••”.',
      serverText: 'bad key ••• and token •••',
    });
  });

  it('resolves relative base URLs against pageUrl', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    await postProviderSettings({ baseUrl: '', body: BODY, fetch, pageUrl: 'http://localhost:3000/app/index.html' });
    await postProviderSettings({ baseUrl: 'oh/', body: BODY, fetch, pageUrl: 'http://127.0.0.1:3000/app/index.html' });
    expect(calls.map((c) => c.url)).to.deep.equal([
      'http://localhost:3000/api/add-git-providers',
      'http://127.0.0.1:3000/app/oh/api/add-git-providers',
    ]);
  });
});

describe('contract/http: refused before sending', () => {
  const refused = async (options: Partial<Parameters<typeof postProviderSettings>[0]>) => {
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    const result = await postProviderSettings({
      baseUrl: BASE,
      body: BODY,
      fetch,
      sessionKey: SESSION_KEY,
      ...options,
    });
    expect(calls, 'nothing sent').to.have.length(0);
    expect(result.kind).to.equal('refused');
    expect(result.message).to.not.contain(SESSION_KEY);
    return result.message;
  };

  it('plain http to a non-loopback host', async () => {
    expect(await refused({ baseUrl: 'http://oh.example.com' })).to.equal(
      'Tokens are not sent over plain http:// to “oh.example.com”: use https://, or allow insecure HTTP for this page. Nothing was sent.',
    );
  });

  it('plain http is allowed on loopback, and elsewhere with allowInsecureHttp', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    await postProviderSettings({ baseUrl: 'http://localhost:3000', body: BODY, fetch });
    await postProviderSettings({ baseUrl: 'http://127.0.0.1:3000', body: BODY, fetch });
    await postProviderSettings({ baseUrl: 'http://[::1]:3000', body: BODY, fetch });
    await postProviderSettings({ baseUrl: 'http://oh.lan', body: BODY, fetch, allowInsecureHttp: true });
    expect(calls).to.have.length(4);
  });

  it('an invalid base URL, another scheme, credentials in the URL', async () => {
    expect(await refused({ baseUrl: 'https://h:99999' })).to.equal(
      'The base URL is not a valid URL, so nothing was sent.',
    );
    expect(await refused({ baseUrl: 'javascript:alert(1)' })).to.equal(
      'The base URL is not a valid URL, so nothing was sent.',
    );
    expect(await refused({ baseUrl: 'ftp://h' })).to.contain('“ftp:”');
    expect(await refused({ baseUrl: 'https://u:p@h' })).to.contain('user name or password');
  });

  it('a session key that cannot be a header value (without quoting it)', async () => {
    expect(await refused({ sessionKey: 'line\nbreak-key' })).to.equal(
      'The session key contains characters that cannot be sent in an HTTP header, so nothing was sent.',
    );
    expect(await refused({ sessionKey: 'ключ-key' })).to.contain('session key');
  });

  it('a body that cannot be JSON', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(await refused({ body: cyclic })).to.equal('The settings could not be written as JSON, so nothing was sent.');
    expect(await refused({ body: { n: 1n } })).to.equal(
      'The settings could not be written as JSON, so nothing was sent.',
    );
    expect(await refused({ body: undefined })).to.equal(
      'The settings could not be written as JSON, so nothing was sent.',
    );
  });
});

describe('contract/http: timeout, abort, network', () => {
  it('times out even when fetch ignores the signal', async () => {
    const start = performance.now();
    const result = await postProviderSettings({ baseUrl: BASE, body: BODY, fetch: stuckFetch, timeoutMs: 30 });
    expect(performance.now() - start).to.be.below(1000);
    expect(result).to.deep.equal({
      kind: 'timeout',
      timeoutMs: 30,
      message: 'The server did not answer within 30 ms.',
    });
  });

  it('aborts the fetch signal on timeout', async () => {
    let seen: AbortSignal | undefined;
    const fetch = ((_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        seen = init?.signal ?? undefined;
        seen?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as typeof globalThis.fetch;
    const result = await postProviderSettings({ baseUrl: BASE, body: BODY, fetch, timeoutMs: 1500 });
    expect(result.kind).to.equal('timeout');
    expect(result.message).to.equal('The server did not answer within 1.5 seconds.');
    expect(seen?.aborted).to.equal(true);
  });

  it('times out while the body is still streaming', async () => {
    const fetch = (() =>
      Promise.resolve(
        new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"mess')) }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      )) as typeof globalThis.fetch;
    const result = await postProviderSettings({ baseUrl: BASE, body: BODY, fetch, timeoutMs: 50 });
    expect(result.kind).to.equal('timeout');
  });

  it("the caller's abort -> aborted; an already-aborted signal sends nothing", async () => {
    const controller = new AbortController();
    const pending = postProviderSettings({
      baseUrl: BASE,
      body: BODY,
      fetch: stuckFetch,
      signal: controller.signal,
      timeoutMs: 5000,
    });
    setTimeout(() => controller.abort(), 10);
    expect(await pending).to.deep.equal({ kind: 'aborted', message: 'The request was cancelled.' });

    const { fetch, calls } = fakeFetch(() => json(200, {}));
    const result = await postProviderSettings({ baseUrl: BASE, body: BODY, fetch, signal: AbortSignal.abort() });
    expect(result.kind).to.equal('aborted');
    expect(calls).to.have.length(0);
  });

  it('fetch rejecting -> network, with the CORS hint', async () => {
    const expected: SubmitResult = {
      kind: 'network',
      message:
        'The server could not be reached: check the base URL and the connection. A server error or a rate limit sent without CORS headers looks the same to the page.',
    };
    const rejecting = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await postProviderSettings({ baseUrl: BASE, body: BODY, fetch: rejecting })).to.deep.equal(expected);
    const throwing = (() => {
      throw new Error('sync');
    }) as typeof fetch;
    expect(await postProviderSettings({ baseUrl: BASE, body: BODY, fetch: throwing })).to.deep.equal(expected);
    const nonsense = (() => Promise.resolve({} as Response)) as typeof fetch;
    expect((await postProviderSettings({ baseUrl: BASE, body: BODY, fetch: nonsense })).kind).to.equal('network');
  });

  it('uses the platform fetch unbound (no "Illegal invocation")', async () => {
    // A path no server answers, so the shared reference server's state is not touched.
    const result = await postProviderSettings({
      baseUrl: '/__contract-test-nowhere',
      body: BODY,
      fetch: window.fetch,
      timeoutMs: 5000,
    });
    expect(result).to.deep.include({ kind: 'server', status: 404 });
  });
});

describe('contract/http: answers', () => {
  it('a redirect is not followed and is reported as a server result', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, headers: new Headers(), body: null } as unknown as Response;
    const message =
      'The server answered with a redirect, which was not followed so that no token is sent anywhere else. Check the base URL.';
    expect(
      await postProviderSettings({ baseUrl: BASE, body: BODY, fetch: fakeFetch(() => opaque).fetch }),
    ).to.deep.equal({ kind: 'server', status: 0, message });
    const redirect = new Response(null, { status: 307, headers: { Location: 'https://evil.example.com/' } });
    expect(
      await postProviderSettings({ baseUrl: BASE, body: BODY, fetch: fakeFetch(() => redirect).fetch }),
    ).to.deep.equal({ kind: 'server', status: 307, message });
  });

  it('reads at most maxBodyBytes and does not parse a cut body', async () => {
    const big = JSON.stringify({ error: 'x'.repeat(2000) });
    const over = await postProviderSettings({
      baseUrl: BASE,
      body: BODY,
      fetch: fakeFetch(() => new Response(big, { status: 500 })).fetch,
      maxBodyBytes: 1000,
    });
    expect(over).to.deep.equal({
      kind: 'server',
      status: 500,
      message: 'The server answered HTTP 500 Internal Server Error with an answer too large to read.',
    });
    // A 200 too large to read cannot be the API's success answer: nothing is known to be saved.
    const cut = await postProviderSettings({
      baseUrl: BASE,
      body: BODY,
      fetch: fakeFetch(() => new Response(big, { status: 200 })).fetch,
      maxBodyBytes: 1000,
    });
    expect(cut.kind).to.equal('unknown');
    const under = await postProviderSettings({
      baseUrl: BASE,
      body: BODY,
      fetch: fakeFetch(() => json(500, { error: 'short' })).fetch,
      maxBodyBytes: 1000,
    });
    expect(under.message).to.equal('The server answered HTTP 500 Internal Server Error: “short”.');
  });

  it('a declared Content-Length over the cap is not downloaded', async () => {
    let pulled = 0;
    const stream = new ReadableStream({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const response = new Response(stream, { status: 500, headers: { 'Content-Length': String(10 * 1024 * 1024) } });
    // new Response() ignores a Content-Length header for its own reading, but the header is visible.
    const result = await postProviderSettings({
      baseUrl: BASE,
      body: BODY,
      fetch: fakeFetch(() => response).fetch,
      maxBodyBytes: 4096,
    });
    expect(result.message).to.equal(
      'The server answered HTTP 500 Internal Server Error with an answer too large to read.',
    );
    expect(pulled).to.be.below(3);
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ message: 'Gespeichert ✓ 😀' }));
    const stream = new ReadableStream({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const result = await postProviderSettings({
      baseUrl: BASE,
      body: BODY,
      fetch: fakeFetch(() => new Response(stream, { status: 200 })).fetch,
    });
    expect(result).to.deep.equal({ kind: 'saved', status: 200, message: 'Gespeichert ✓ 😀' });
  });

  it('422, 401 token, 401 session, 429 end to end', async () => {
    const run = (response: Response) =>
      postProviderSettings({
        baseUrl: BASE,
        body: BODY,
        sessionKey: SESSION_KEY,
        fetch: fakeFetch(() => response).fetch,
        providers: ['github'],
      });
    expect(
      await run(
        json(422, {
          detail: [
            {
              type: 'value_error',
              loc: ['body', 'mcp_config', 'sse_servers', 0, 'url'],
              msg: 'Value error, URL cannot be empty',
            },
          ],
        }),
      ),
    ).to.deep.equal({
      kind: 'validation',
      status: 422,
      message: 'The server found 1 problem in the settings.',
      errors: [{ pointer: '/mcp_config/sse_servers/0/url', type: 'value_error', message: 'URL cannot be empty' }],
    });
    expect(
      await run(json(401, { error: 'Invalid token. Please make sure it is a valid github token.' })),
    ).to.deep.include({
      kind: 'token-rejected',
      provider: 'github',
      pointer: '/provider_tokens/github/token',
    });
    expect((await run(json(401, { detail: 'Unauthorized' }))).kind).to.equal('unauthorized');
    expect((await run(json(429, { message: 'Too many requests' }))).kind).to.equal('rate-limited');
  });
});

describe('contract/http: getStoredSettings', () => {
  it('GETs api/settings with the key and no body, and parses the answer', async () => {
    const { fetch, calls } = fakeFetch(() =>
      json(200, {
        language: 'en',
        provider_tokens_set: { github: null, gitlab: 'gitlab.example.com' },
        mcp_config: { sse_servers: ['https://sse.example.com'], stdio_servers: [], shttp_servers: [] },
      }),
    );
    const result = await getStoredSettings({ baseUrl: BASE, sessionKey: SESSION_KEY, fetch });
    expect(result.kind === 'loaded' && result.raw.language).to.equal('en');
    if (result.kind === 'loaded') delete (result as { raw?: unknown }).raw;
    expect(result).to.deep.equal({
      kind: 'loaded',
      settings: {
        provider_tokens_set: { github: null, gitlab: 'gitlab.example.com' },
        mcp_config: { sse_servers: [{ url: 'https://sse.example.com' }], stdio_servers: [], shttp_servers: [] },
      },
    });
    const call = calls[0]!;
    expect(call.url).to.equal('https://oh.example.com/openhands/api/settings');
    expect(call.init.method).to.equal('GET');
    expect(call.init.body).to.equal(undefined);
    expect(call.init.redirect).to.equal('manual');
    expect(headerOf(call, 'X-Session-API-Key')).to.equal(SESSION_KEY);
    expect(headerOf(call, 'Content-Type')).to.equal(null);
  });

  it('404 {error} -> not-found; any other 404 is a server error (a wrong base URL must not look like "nothing stored")', async () => {
    const get = (response: Response) => getStoredSettings({ baseUrl: BASE, fetch: fakeFetch(() => response).fetch });
    expect(await get(json(404, { error: 'Settings not found' }))).to.deep.equal({ kind: 'not-found' });
    expect(await get(json(404, { detail: 'Not Found' }))).to.deep.equal({
      kind: 'server',
      status: 404,
      message: 'The server answered HTTP 404 Not Found: “Not Found”. Check the base URL.',
      serverText: 'Not Found',
    });
    expect(
      (await get(new Response('<html>404</html>', { status: 404, headers: { 'Content-Type': 'text/html' } }))).kind,
    ).to.equal('server');
  });

  it('a 2xx that is not a JSON object -> server', async () => {
    const get = (response: Response) => getStoredSettings({ baseUrl: BASE, fetch: fakeFetch(() => response).fetch });
    expect(
      await get(new Response('<!doctype html><p>app</p>', { status: 200, headers: { 'Content-Type': 'text/html' } })),
    ).to.deep.equal({
      kind: 'server',
      status: 200,
      message:
        'The server answered the settings request with an HTML page instead of the settings: check the base URL.',
    });
    expect((await get(json(200, [1]))).kind).to.equal('server');
    // An object that is not OpenHands' settings (no provider_tokens_set): not "no tokens stored".
    expect(await get(json(200, { message: 'ok' }))).to.deep.equal({
      kind: 'server',
      status: 200,
      message:
        'The server answered the settings request with a JSON answer that is not OpenHands’ settings instead of the settings: check the base URL.',
    });
    // Some versions send null for "no tokens": that is settings.
    expect((await get(json(200, { provider_tokens_set: null, mcp_config: null }))).kind).to.equal('loaded');
    expect((await get(new Response('', { status: 200 }))).kind).to.equal('server');
  });

  it('401, 422, refusals, timeouts', async () => {
    const get = (response: Response) => getStoredSettings({ baseUrl: BASE, fetch: fakeFetch(() => response).fetch });
    expect((await get(json(401, { detail: 'Unauthorized' }))).kind).to.equal('unauthorized');
    expect(await get(json(422, { detail: [] }))).to.deep.equal({
      kind: 'server',
      status: 422,
      message: 'The server rejected the settings (HTTP 422) without saying which field is wrong.',
    });
    expect((await getStoredSettings({ baseUrl: 'http://oh.example.com', fetch: stuckFetch })).kind).to.equal('refused');
    expect(await getStoredSettings({ baseUrl: BASE, fetch: stuckFetch, timeoutMs: 20 })).to.deep.equal({
      kind: 'timeout',
      timeoutMs: 20,
      message: 'The server did not answer within 20 ms.',
    });
  });
});
