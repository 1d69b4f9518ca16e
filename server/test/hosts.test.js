// @ts-check
// The ways the server is hosted: Koa middleware (@web/test-runner), Vite plugin, its own
// Node server, the CLI; and the options of createReferenceServer.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { createReferenceServer } from '../app.js';
import { referenceServerMiddleware } from '../koa.js';
import { referenceServer } from '../vite-plugin.js';
import { send, startServer } from '../testing/harness.js';

/**
 * Starts `npm run server` (server/cli.js) with `env` added, stopped after the test; resolves once
 * it printed its base URL and how to stop it.
 * @param {import('node:test').TestContext} t
 * @param {Record<string, string>} env
 */
async function startCli(t, env) {
  const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
  const child = spawn(process.execPath, [cli], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill());
  let output = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /base URL:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match && output.includes('Ctrl-C')) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return { child, url: /** @type {string} */ (url), output };
}

/**
 * Serves `listener` on 127.0.0.1, port 0, until the test ends.
 * @param {import('node:test').TestContext} t
 * @param {import('node:http').RequestListener} listener
 */
async function serve(t, listener) {
  const server = createServer(listener);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
}

describe('Koa middleware', () => {
  it('answers its own paths with ctx.respond = false and passes the others on', async (t) => {
    const middleware = referenceServerMiddleware({ sessionKey: 'k' });
    /** @type {{ path: string, respond: boolean | undefined, nextCalled: boolean }[]} */
    const seen = [];
    const url = await serve(t, async (req, res) => {
      /** @type {{ req: typeof req, res: typeof res, respond?: boolean }} */
      const ctx = { req, res };
      let nextCalled = false;
      await middleware(ctx, async () => {
        nextCalled = true;
        res.end('from the host');
      });
      seen.push({ path: req.url ?? '', respond: ctx.respond, nextCalled });
    });
    const api = await send(`${url}/api/settings`, { headers: { 'x-session-api-key': 'k' } });
    assert.equal(api.status, 200);
    const other = await send(`${url}/test/index.html`);
    assert.equal(other.text, 'from the host');
    assert.deepEqual(seen, [
      { path: '/api/settings', respond: false, nextCalled: false },
      { path: '/test/index.html', respond: undefined, nextCalled: true },
    ]);
  });

  it('can be created without options (as web-test-runner.config.js does)', () => {
    assert.equal(typeof referenceServerMiddleware(), 'function');
  });
});

describe('Vite plugin', () => {
  it('mounts the handler on the dev and preview servers, each with its own state', async (t) => {
    const plugin = referenceServer({ demo: true });
    assert.equal(plugin.name, 'openhands-reference-server');
    for (const hook of /** @type {const} */ (['configureServer', 'configurePreviewServer'])) {
      /** @type {any} */
      let middleware;
      const httpServer = new EventEmitter();
      plugin[hook]({ middlewares: { use: (/** @type {any} */ fn) => (middleware = fn) }, httpServer });
      const url = await serve(t, (req, res) => middleware(req, res, () => res.end(`next from ${hook}`)));
      const settings = await send(`${url}/api/settings`, { headers: { 'x-session-api-key': 'demo-session-key' } });
      assert.equal(settings.status, 200, hook);
      assert.equal((await send(`${url}/src/main.ts`)).text, `next from ${hook}`);
      httpServer.emit('close');
    }
  });
});

describe('startReferenceServer', () => {
  it('listens on 127.0.0.1 at a free port, answers 404 JSON elsewhere, and closes with a response held open', async (t) => {
    const server = await startServer(t);
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal((await send(`${server.url}/`)).status, 404);
    await send(`${server.url}/__control/tenants/default/script`, {
      method: 'POST',
      body: JSON.stringify({ responses: [{ hang: true }, { delayMs: 60000 }] }),
    });
    const held = send(`${server.url}/api/settings`, { timeoutMs: 60000 });
    const delayed = send(`${server.url}/api/settings`, { timeoutMs: 60000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    await assert.rejects(held);
    await assert.rejects(delayed);
  });
});

describe('createReferenceServer options', () => {
  it('demo: true seeds a session key, GitHub and GitLab tokens, two MCP servers and the settings a user has', async (t) => {
    const server = await startServer(t, { demo: true });
    const reply = await send(`${server.url}/api/settings`, { headers: { 'x-session-api-key': 'demo-session-key' } });
    assert.deepEqual(reply.json.provider_tokens_set, { github: null, gitlab: 'gitlab.example.com' });
    assert.equal(reply.json.mcp_config.sse_servers.length, 1);
    assert.equal(reply.json.mcp_config.stdio_servers.length, 1);
    assert.equal(reply.json.language, 'en');
    assert.equal(reply.json.agent, 'CodeActAgent');
    assert.equal(reply.json.llm_model, 'anthropic/claude-sonnet-4-20250514');
    assert.equal(reply.json.confirmation_mode, true);
    assert.equal(reply.json.max_iterations, 100);
    assert.equal(reply.json.git_user_name, 'openhands');
    assert.equal(reply.json.git_user_email, 'openhands@all-hands.dev');
    assert.deepEqual([reply.json.llm_api_key, reply.json.llm_api_key_set], [null, true]);
    assert.deepEqual([reply.json.search_api_key, reply.json.search_api_key_set], [null, true]);
    assert.match(server.app.tenants.default.settings?.llm_api_key?.toString() ?? '', /^sk-demo/);
    assert.equal((await send(`${server.url}/api/settings`)).status, 401);
  });

  it('explicit options win over the demo ones, each on its own', async (t) => {
    const server = await startServer(t, { demo: true, sessionKey: null, settings: null });
    assert.equal((await send(`${server.url}/api/settings`)).status, 404);
    // The token store is apart: the demo tokens are still there.
    assert.deepEqual([...server.app.tenants.default.tokens.keys()], ['github', 'gitlab']);
    const other = await startServer(t, { demo: true, provider_tokens: {} });
    assert.deepEqual([...other.app.tenants.default.tokens.keys()], []);
    assert.equal(other.app.tenants.default.settings?.language, 'en');
  });

  it('wrong options throw a TypeError saying what is wrong', () => {
    assert.throws(() => createReferenceServer(/** @type {any} */ ({ sessionKey: 5 })), TypeError);
    assert.throws(() => createReferenceServer(/** @type {any} */ ({ colour: 'red' })), /unknown key "colour"/);
    assert.throws(
      () => createReferenceServer({ settings: { mcp_config: { sse_servers: [{ url: 'x' }] } } }),
      /mcp_config is not valid.*URL must include a scheme/,
    );
  });

  it('answers its own bug with a plain-text 500 and goes on', async (t) => {
    const server = await startServer(t);
    t.mock.method(console, 'error', () => {});
    const tenant = server.app.tenants.default;
    t.mock.method(tenant, 'record', () => {
      throw new Error('a bug');
    });
    const reply = await send(`${server.url}/api/settings`);
    assert.equal(reply.status, 500);
    assert.equal(reply.text, 'Internal Server Error');
    t.mock.restoreAll();
    assert.equal((await send(`${server.url}/api/settings`)).status, 200);
  });

  it('handle() resolves false for a request it cannot even parse the target of', async () => {
    const app = createReferenceServer();
    const req = /** @type {any} */ ({ url: 'http://[bad', headers: {}, method: 'GET' });
    assert.equal(await app.handle(req, /** @type {any} */ ({})), false);
  });
});

describe('npm run server (server/cli.js)', () => {
  it('prints the base URL and the demo session key, serves the demo state, and stops on SIGINT', async (t) => {
    const { child, url, output } = await startCli(t, { PORT: '0' });
    assert.match(output, /session key: demo-session-key/);
    const reply = await send(`${url}/api/settings`, { headers: { 'x-session-api-key': 'demo-session-key' } });
    assert.equal(reply.status, 200);
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    assert.equal(await exited, 0);
  });

  it('OPENHANDS_API and OPENHANDS_VARIANT pick a newer server, with its demo state', async (t) => {
    const { url, output } = await startCli(t, {
      PORT: '0',
      OPENHANDS_API: 'agent-server',
      OPENHANDS_VARIANT: 'deep-merge',
    });
    assert.match(output, /\(agent-server deep-merge\)/);
    const reply = await send(`${url}/api/settings`, { headers: { 'x-session-api-key': 'demo-session-key' } });
    assert.deepEqual(Object.keys(reply.json.agent_settings.mcp_config.mcpServers), ['docs', 'fetch']);
  });

  it('refuses a PORT that is not a port', async () => {
    const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
    const child = spawn(process.execPath, [cli], {
      env: { ...process.env, PORT: 'abc' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 1);
  });
});
