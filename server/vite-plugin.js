// @ts-check
/** The reference server inside Vite's dev and preview servers (each gets its own state). */

import { createReferenceServer } from './app.js';

/** @typedef {import('./app.js').ReferenceServerOptions} ReferenceServerOptions */
/**
 * The part of Vite's ViteDevServer / PreviewServer this plugin uses.
 * @typedef {object} ConnectHost
 * @property {{ use(fn: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: (error?: unknown) => void) => void): unknown }} middlewares
 * @property {import('node:events').EventEmitter | null} [httpServer]
 */

/** @param {ReferenceServerOptions} [options] */
export function referenceServer(options) {
  /** @param {ConnectHost} server */
  const mount = (server) => {
    const app = createReferenceServer(options);
    server.middlewares.use((req, res, next) => {
      app.handle(req, res).then((handled) => {
        if (!handled) next();
      }, next);
    });
    server.httpServer?.once('close', () => app.close());
  };
  return { name: 'openhands-reference-server', configureServer: mount, configurePreviewServer: mount };
}
