// @ts-check
/**
 * Routing as Starlette does it for the newer APIs: path templates with `{param}` segments
 * (`[^/]+`), `404 {"detail": "Not Found"}` for an unknown path, `405 {"detail": "Method Not
 * Allowed"}` with `Allow` for a known path and another method, and a `307` to the path without
 * its trailing slash when only that one exists (method, body and query kept).
 */

import { sendJson } from './http.js';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * @template C
 * @typedef {[template: string, methods: Record<string, (context: C, params: Record<string, string>) => unknown>]} Route
 */

/**
 * @template C
 * @param {Route<C>[]} routes
 * @param {string} path
 * @returns {{ methods: Route<C>[1], params: Record<string, string> }[]} the routes whose template matches, in order
 */
function matching(routes, path) {
  const found = [];
  for (const [template, methods] of routes) {
    const params = matchTemplate(template, path);
    if (params) found.push({ methods, params });
  }
  return found;
}

/**
 * @param {string} template e.g. `/api/settings/secrets/{name}`
 * @param {string} path
 * @returns {Record<string, string> | null}
 */
function matchTemplate(template, path) {
  /** @type {string[]} */
  const names = [];
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1] ?? '');
      return '([^/]+)';
    })
    .join('/');
  const match = new RegExp(`^${source}$`).exec(path);
  if (!match) return null;
  return Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? '']));
}

/**
 * Runs the handler for the request, or answers 404 / 405 / 307 as Starlette does.
 * @template C
 * @param {Route<C>[]} routes
 * @param {object} request
 * @param {IncomingMessage} request.req
 * @param {ServerResponse} request.res
 * @param {URL} request.url
 * @param {string} request.apiPath
 * @param {Record<string, string>} request.cors
 * @param {C} context handed to the handler
 */
export function dispatch(routes, { req, res, url, apiPath, cors }, context) {
  const found = matching(routes, apiPath);
  if (found.length === 0) {
    const withoutSlash = apiPath.replace(/\/+$/, '');
    if (withoutSlash !== apiPath && matching(routes, withoutSlash).length > 0) {
      return redirectWithoutSlash(req, res, url, cors);
    }
    return sendJson(res, 404, { detail: 'Not Found' }, cors);
  }
  const method = req.method ?? '';
  const hit = found.find(({ methods }) => Object.hasOwn(methods, method));
  if (!hit) {
    const allow = [...new Set(found.flatMap(({ methods }) => Object.keys(methods)))].join(', ');
    return sendJson(res, 405, { detail: 'Method Not Allowed' }, { ...cors, allow });
  }
  return /** @type {Function} */ (hit.methods[method])(context, hit.params);
}

/**
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {URL} url
 * @param {Record<string, string>} cors
 */
export function redirectWithoutSlash(req, res, url, cors) {
  const scheme = /** @type {{ encrypted?: boolean }} */ (req.socket).encrypted ? 'https' : 'http';
  const location = `${scheme}://${req.headers.host ?? 'localhost'}${url.pathname.replace(/\/+$/, '')}${url.search}`;
  res.writeHead(307, { ...cors, location, 'content-length': '0' });
  res.end();
}
