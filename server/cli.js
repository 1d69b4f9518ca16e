// @ts-check
/**
 * `npm run server`: the reference server with demo state on 127.0.0.1:$PORT (default 3030), as
 * OpenHands 0.53.0, or as today's servers with `OPENHANDS_API=v1` or `agent-server` (and `OPENHANDS_VARIANT`).
 */

import { DEMO_SESSION_KEY } from './demo.js';
import { startReferenceServer } from './listen.js';

const port = Number(process.env.PORT ?? 3030);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}

const API_PATHS = {
  v0: 'POST /api/add-git-providers, GET /api/settings',
  v1: 'GET|POST /api/v1/settings, POST /api/v1/secrets/git-providers',
  'agent-server': 'GET|PATCH /api/settings, /api/settings/secrets, POST /api/mcp/test',
};
const api = /** @type {keyof typeof API_PATHS} */ (process.env.OPENHANDS_API || 'v0');
const variant = process.env.OPENHANDS_VARIANT || undefined;

let server;
try {
  server = await startReferenceServer({ port, host: '127.0.0.1', demo: true, api, variant });
} catch (error) {
  console.error(`Cannot start on 127.0.0.1:${port}: ${/** @type {Error} */ (error).message}`);
  process.exit(1);
}

console.log(`OpenHands reference server (${api}${variant ? ` ${variant}` : ''}) on ${server.url}`);
console.log(`  base URL:    ${server.url}`);
console.log(`  session key: ${DEMO_SESSION_KEY}   (send it as X-Session-API-Key)`);
console.log(`  API:         ${API_PATHS[api] ?? api}`);
console.log(`  controls:    /__control/... (see server/README.md)`);
console.log('Ctrl-C stops it.');

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
