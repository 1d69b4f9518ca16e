// @ts-check
/** The reference server as Koa middleware, for @web/test-runner's `middleware` config. */

import { createReferenceServer } from './app.js';

/** @typedef {import('./app.js').ReferenceServerOptions} ReferenceServerOptions */
/** @typedef {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, respond?: boolean }} KoaContext */

/** @param {ReferenceServerOptions} [options] */
export function referenceServerMiddleware(options) {
  const app = createReferenceServer(options);
  /**
   * @param {KoaContext} ctx
   * @param {() => Promise<unknown>} next
   */
  return async (ctx, next) => {
    if (await app.handle(ctx.req, ctx.res)) {
      // The response is written (or held open, or cut) by the reference server, not by Koa.
      ctx.respond = false;
      // Koa's status stays at its default 404 when nothing was written (a held or cut
      // connection); reporters that count 404s would flag those requests as missing files.
      if (!ctx.res.headersSent) ctx.res.statusCode = 200;
      return;
    }
    await next();
  };
}
