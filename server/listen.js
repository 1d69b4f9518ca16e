// @ts-check
/** The reference server on its own Node HTTP server (for `npm run server` and the Node tests). */

import { createServer } from 'node:http';
import { createReferenceServer } from './app.js';

/** @typedef {import('./app.js').ReferenceServerOptions} ReferenceServerOptions */

/**
 * @param {ReferenceServerOptions & { port?: number, host?: string }} [options]
 *   port 0 (the default) picks a free port; host defaults to 127.0.0.1
 * @returns {Promise<{ url: string, app: import('./app.js').ReferenceServer, close: () => Promise<void> }>}
 */
export async function startReferenceServer({ port = 0, host = '127.0.0.1', ...options } = {}) {
  const app = createReferenceServer(options);
  const server = createServer((req, res) => {
    app.handle(req, res).then(
      (handled) => {
        if (handled) return;
        const body = '{"detail":"Not Found"}';
        res.writeHead(404, { 'content-type': 'application/json', 'content-length': String(body.length) });
        res.end(body);
      },
      () => res.destroy(),
    );
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostInUrl}:${address.port}`,
    app,
    close: () =>
      new Promise((resolve) => {
        app.close();
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}
