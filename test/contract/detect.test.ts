import { expect } from '@open-wc/testing';
import { clearDetectionCache, detectApi, PROBES } from '../../src/contract/detect.js';
import { BASE, fakeServer, json, SESSION_KEY, type Reply } from './fake-server.js';

const html = () => new Response('<!doctype html><p>app</p>', { status: 200, headers: { 'Content-Type': 'text/html' } });

async function detect(
  routes: Record<string, Reply | Reply[]>,
  extra: { maxBodyBytes?: number; baseUrl?: string } = {},
) {
  const server = fakeServer(routes);
  const result = await detectApi({ baseUrl: BASE, sessionKey: SESSION_KEY, fetch: server.fetch, ...extra });
  return { result, routes: server.routes() };
}

describe('contract/detect', () => {
  beforeEach(() => clearDetectionCache());

  it('probes in a fixed order: api/v1/settings, then api/settings', async () => {
    expect(PROBES.map((p) => p.path)).to.deep.equal(['api/v1/settings', 'api/settings']);
    const { routes } = await detect({});
    expect(routes).to.deep.equal(['GET api/v1/settings', 'GET api/settings']);
  });

  it('v1: its settings, or its 404 {"error"}', async () => {
    for (const reply of [
      json(200, { agent_settings: {}, provider_tokens_set: {} }),
      json(200, { provider_tokens_set: null }),
      json(404, { error: 'Settings not found' }),
    ]) {
      clearDetectionCache();
      const { result, routes } = await detect({ 'GET api/v1/settings': reply });
      expect(result).to.deep.equal({ api: 'v1' });
      expect(routes).to.deep.equal(['GET api/v1/settings']);
    }
  });

  it('agent-server: no V1 route, api/settings with agent_settings or llm_api_key_is_set', async () => {
    for (const body of [{ agent_settings: {}, conversation_settings: {} }, { llm_api_key_is_set: false }]) {
      clearDetectionCache();
      expect((await detect({ 'GET api/settings': json(200, body) })).result).to.deep.equal({ api: 'agent-server' });
    }
  });

  it('v0: api/settings with its top-level fields, or 404 {"error"}', async () => {
    for (const reply of [
      json(200, { provider_tokens_set: {}, llm_api_key_set: true }),
      json(200, { mcp_config: null }),
      json(404, { error: 'Settings not found' }),
    ]) {
      clearDetectionCache();
      expect((await detect({ 'GET api/settings': reply })).result).to.deep.equal({ api: 'v0' });
    }
  });

  it('401 on either probe: unauthorized, and the search stops', async () => {
    const first = await detect({ 'GET api/v1/settings': json(401, { error: 'Invalid token' }) });
    expect(first.result.api).to.equal(null);
    expect(first.result.api === null && first.result.result.kind).to.equal('unauthorized');
    expect(first.routes).to.deep.equal(['GET api/v1/settings']);
    const second = await detect({ 'GET api/settings': json(401, { detail: 'Unauthorized' }) });
    expect(second.result.api === null && second.result.result.kind).to.equal('unauthorized');
    expect(JSON.stringify(second)).to.not.contain(SESSION_KEY);
  });

  it('nothing recognisable: says no OpenHands server answered at the origin only', async () => {
    const { result } = await detect(
      { 'GET api/v1/settings': html(), 'GET api/settings': json(200, { hello: 'world' }) },
      { baseUrl: `${BASE}?token=${SESSION_KEY}` },
    );
    expect(result).to.deep.equal({
      api: null,
      result: {
        kind: 'server',
        status: 200,
        message:
          'No OpenHands server answered at https://oh.example.com (api/v1/settings: HTTP 200 with an HTML page; api/settings: HTTP 200 with a JSON answer). Check the base URL.',
      },
    });
    expect(JSON.stringify(result)).to.not.contain(SESSION_KEY);
    expect(JSON.stringify(result)).to.not.contain('prefix');
  });

  it('a huge or hostile body is not recognised', async () => {
    const huge = json(200, { agent_settings: {}, pad: 'x'.repeat(5000) });
    const { result } = await detect({ 'GET api/v1/settings': huge, 'GET api/settings': huge }, { maxBodyBytes: 1000 });
    expect(result.api).to.equal(null);
    expect(result.api === null && result.result.message).to.contain('an answer too large to read');
    clearDetectionCache();
    const hostile = await detect({
      'GET api/v1/settings': new Response('{"__proto__": {"agent_settings": 1}}', { status: 200 }),
      'GET api/settings': json(200, ['agent_settings']),
    });
    expect(hostile.result.api).to.equal(null);
  });

  it('a failure before any answer stops the search (network, refused), and is not cached', async () => {
    const failing = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const network = await detectApi({ baseUrl: BASE, fetch: failing });
    expect(network.api === null && network.result.kind).to.equal('network');
    const refused = await detectApi({ baseUrl: 'http://oh.example.com', fetch: failing });
    expect(refused.api === null && refused.result.kind).to.equal('refused');
    const server = fakeServer({ 'GET api/v1/settings': json(200, { agent_settings: {} }) });
    expect(await detectApi({ baseUrl: BASE, fetch: server.fetch })).to.deep.equal({ api: 'v1' });
  });

  it('caches an answer per base URL and key scheme', async () => {
    const server = fakeServer({ 'GET api/settings': json(200, { agent_settings: {} }) });
    const connection = { baseUrl: BASE, sessionKey: SESSION_KEY, fetch: server.fetch };
    expect(await detectApi(connection)).to.deep.equal({ api: 'agent-server' });
    expect(await detectApi({ ...connection, baseUrl: `${BASE}/` })).to.deep.equal({ api: 'agent-server' });
    expect(server.calls).to.have.length(2);
    await detectApi({ ...connection, authScheme: 'bearer' });
    expect(server.calls).to.have.length(4);
    await detectApi({ ...connection, baseUrl: 'https://other.example.com' });
    expect(server.calls).to.have.length(6);
  });
});

describe('contract/detect: a polluted Object.prototype', () => {
  beforeEach(() => clearDetectionCache());
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>)['agent_settings'];
  });

  it('does not make an answer look like OpenHands', async () => {
    (Object.prototype as Record<string, unknown>)['agent_settings'] = {};
    const { result } = await detect({ 'GET api/v1/settings': json(200, {}), 'GET api/settings': json(200, {}) });
    expect(result.api).to.equal(null);
  });
});
