// @ts-check
/**
 * A loopback port nothing listens on, for "the network is down" (a refused connection), without
 * guessing one. A fixed low port does not do: browsers block most of them (Chromium answers port 9
 * with `ERR_UNSAFE_PORT` before trying to connect), and any fixed port may be in use on some
 * machine. Instead the port is one the system just gave out and that was closed again: binding
 * 127.0.0.1:0 gets a free ephemeral port (above where browsers' blocked ports end), and closing it
 * leaves nothing listening there.
 *
 * The same port is handed out again while it stays free, so that a page sees one stable URL; each
 * call first checks that it is still free by binding it once more, and moves to a new port when
 * another process has taken it since.
 */

import { createServer } from 'node:net';

export const CLOSED_PORT_HOST = '127.0.0.1';

/** The highest port that browsers block (Chromium's and Firefox's lists end at 10080). */
const HIGHEST_BLOCKED_PORT = 10080;

/** @type {number | null} */
let current = null;

/**
 * Binds 127.0.0.1:`port`, notes the port the system gave, closes. Resolves null when the port is
 * taken.
 * @param {number} port 0 for any free port
 * @returns {Promise<number | null>}
 */
function bindAndClose(port) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(null);
      else reject(error);
    });
    server.listen(port, CLOSED_PORT_HOST, () => {
      const address = server.address();
      const bound = address && typeof address === 'object' ? address.port : null;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * A port on 127.0.0.1 that is closed right now (nothing listens on it) and that browsers do not
 * block.
 * @returns {Promise<number>}
 */
export async function closedPort() {
  if (current !== null && (await bindAndClose(current)) === current) return current;
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await bindAndClose(0);
    if (port !== null && port > HIGHEST_BLOCKED_PORT) {
      current = port;
      return port;
    }
  }
  throw new Error('no free loopback port above 10080');
}
