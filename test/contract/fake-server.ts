/**
 * A fetch double for the clients' tests: answers by `METHOD path` (the path under the base URL),
 * each route a queue of answers (the last one repeats), and records every call with its parsed
 * JSON body and headers. A call no route answers gets a FastAPI-like 404.
 */
export const BASE = 'https://oh.example.com/prefix';
export const SESSION_KEY = 'sk-session-key-123';

export interface Call {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

export type Reply = Response | (() => Response);

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export function fakeServer(routes: Record<string, Reply | Reply[]>) {
  const calls: Call[] = [];
  const queues = new Map<string, Reply[]>(
    Object.entries(routes).map(([route, reply]) => [route, Array.isArray(reply) ? [...reply] : [reply]]),
  );
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const path = decodeURIComponent(url.startsWith(BASE + '/') ? url.slice(BASE.length + 1) : url);
    const method = init?.method ?? 'GET';
    const text = typeof init?.body === 'string' ? init.body : undefined;
    calls.push({
      method,
      path,
      headers: new Headers(init?.headers),
      body: text === undefined ? undefined : JSON.parse(text),
    });
    const queue = queues.get(`${method} ${path}`);
    const reply = queue === undefined ? undefined : queue.length > 1 ? queue.shift() : queue[0];
    const response =
      reply === undefined ? json(404, { detail: 'Not Found' }) : typeof reply === 'function' ? reply() : reply.clone();
    return Promise.resolve(response);
  }) as typeof globalThis.fetch;
  return { fetch, calls, routes: () => calls.map((c) => `${c.method} ${c.path}`) };
}
