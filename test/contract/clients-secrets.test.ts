/**
 * No secret in any result: a server that echoes everything it was sent (the body, the key's
 * header) in every answer shape, against every operation of the newer clients and the detection.
 */
import { expect } from '@open-wc/testing';
import { agentServerApi } from '../../src/contract/agent-client.js';
import { clearDetectionCache, detectApi } from '../../src/contract/detect.js';
import type { SettingsApi } from '../../src/contract/settings-api.js';
import { v1Api } from '../../src/contract/v1-client.js';
import { BASE, SESSION_KEY } from './fake-server.js';
import { fakeWire } from './fake-wire.js';
import { config, content, MASK } from './save-content.js';

const TOKEN = 'ghp_typed_token_123';
const ENV_SECRET = 'typed-env-secret-456';
const HEADER_SECRET = 'typed-header-secret-789';
const SECRETS = [TOKEN, ENV_SECRET, HEADER_SECRET, SESSION_KEY];

/** Answers every request with `status` and what it was sent, echoed in each field a client reads. */
function echoing(status: number, shape: 'error' | 'detail' | 'list' | 'text' | 'pydantic') {
  return ((input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const echo = `${String(input)} ${String(init?.body ?? '')} ${headers.get('X-Session-API-Key')} ${headers.get('Authorization')}`;
    const body =
      shape === 'text'
        ? echo
        : JSON.stringify(
            shape === 'list'
              ? { detail: [{ type: echo, loc: ['body', echo], msg: echo, input: echo }] }
              : shape === 'pydantic'
                ? { detail: `1 validation error for X\nmcp_config.fs.env.K\n  ${echo} [type=x, input_value=${echo}]` }
                : { [shape]: echo, message: echo, name: echo, agent_settings: { mcp_config: echo } },
          );
    return Promise.resolve(new Response(body, { status, headers: { 'Content-Type': 'application/json' } }));
  }) as typeof fetch;
}

const servers = config({
  stdio_servers: [{ name: 'fs', command: 'npx', args: [], env: { K: ENV_SECRET, M: MASK } }],
  shttp_servers: [{ url: 'https://d.example/mcp', x: { name: 'docs', headers: { 'X-Key': HEADER_SECRET } } }],
});
const save = content({
  tokens: { github: { token: TOKEN } },
  servers,
  storedProviders: { gitlab: null },
  storedServers: config({ sse_servers: [{ url: 'https://old.example/sse', x: { name: 'old' } }] }),
});

describe('contract clients: no secret in any result', () => {
  it('every operation, every answer shape', async () => {
    const signal = new AbortController().signal;
    let checked = 0;
    for (const status of [200, 400, 401, 404, 409, 422, 500, 503]) {
      for (const shape of ['error', 'detail', 'list', 'text', 'pydantic'] as const) {
        const fetch = echoing(status, shape);
        for (const bearer of [false, true]) {
          const connection = () => ({
            baseUrl: BASE,
            sessionKey: SESSION_KEY,
            fetch,
            ...(bearer ? { authScheme: 'bearer' as const } : {}),
          });
          const apis: SettingsApi[] = [
            v1Api(connection, () => ['github'], fakeWire),
            agentServerApi(connection, () => ['github'], fakeWire),
          ];
          for (const api of apis) {
            for (const result of [
              await api.load(signal, [TOKEN]),
              await api.saveTokens(save, signal),
              await api.saveMcp(save, signal),
            ]) {
              // `raw` is the server's answer as it came (kept for a read-modify-write), not a message.
              const text = JSON.stringify(result, (key, value: unknown) => (key === 'raw' ? undefined : value));
              for (const secret of SECRETS) expect(text, `${status} ${shape}`).to.not.contain(secret);
              checked++;
            }
          }
          clearDetectionCache();
          const detected = JSON.stringify(await detectApi(connection()));
          for (const secret of SECRETS) expect(detected).to.not.contain(secret);
        }
      }
    }
    expect(checked).to.equal(8 * 5 * 2 * 2 * 3);
  });
});
