// @ts-check
/** `npm run server`: the reference server with demo state on 127.0.0.1:$PORT (default 3030). */

import { DEMO_SESSION_KEY } from './demo.js';
import { startReferenceServer } from './listen.js';

const port = Number(process.env.PORT ?? 3030);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}

let server;
try {
  server = await startReferenceServer({ port, host: '127.0.0.1', demo: true });
} catch (error) {
  console.error(`Cannot listen on 127.0.0.1:${port}: ${/** @type {Error} */ (error).message}`);
  process.exit(1);
}

console.log(`OpenHands reference server on ${server.url}`);
console.log(`  base URL:    ${server.url}`);
console.log(`  session key: ${DEMO_SESSION_KEY}   (send it as X-Session-API-Key)`);
console.log(`  API:         POST /api/add-git-providers, GET /api/settings`);
console.log(`  controls:    /__control/... (see server/README.md)`);
console.log('Ctrl-C stops it.');

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
