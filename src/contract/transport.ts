/**
 * One HTTP exchange with a deadline, a caller's cancel signal and a cap on how much body is read.
 * Resolves to what happened (an answer, a timeout, a cancel, a network failure) and never
 * rejects. It does not rely on `fetch` honouring the abort signal: a stuck `fetch` or a stalled
 * body stream still ends at the deadline.
 */

export interface ExchangeRequest {
  url: string;
  init: RequestInit;
  fetch: typeof fetch;
  signal?: AbortSignal | undefined;
  /** 0 or Infinity: no deadline. */
  timeoutMs: number;
  maxBodyBytes: number;
}

export type Exchange =
  | { kind: 'answer'; status: number; contentType: string | null; bodyText: string; truncated: boolean }
  /** The server answered with a redirect, which `redirect: 'manual'` stops (an opaque, unreadable response). */
  | { kind: 'redirect'; status: number }
  | { kind: 'timeout' }
  | { kind: 'aborted' }
  | { kind: 'network' };

/** setTimeout fires at once for delays above 2^31-1 ms; such a deadline is treated as none. */
const MAX_TIMER_MS = 2_147_483_647;

class Stopped extends Error {}

/** Reads at most `maxBytes` of the body; more than that -> `truncated` (and the rest is not downloaded). */
async function readCapped(
  response: Response,
  maxBytes: number,
  stopped: Promise<never>,
): Promise<{ text: string; truncated: boolean }> {
  const declared = Number(response.headers?.get('content-length') ?? NaN);
  const body = response.body;
  if (Number.isFinite(declared) && declared > maxBytes) {
    void body?.cancel().catch(() => undefined);
    return { text: '', truncated: true };
  }
  if (body === null || body === undefined || typeof body.getReader !== 'function') {
    // A Response-like object without a stream (a test double): fall back to text().
    const text = await Promise.race([response.text(), stopped]);
    return new TextEncoder().encode(text).length > maxBytes
      ? { text: '', truncated: true }
      : { text, truncated: false };
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), stopped]);
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        void reader.cancel().catch(() => undefined);
        return { text: '', truncated: true };
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw error;
  }
  return { text: text + decoder.decode(), truncated: false };
}

export async function exchange(request: ExchangeRequest): Promise<Exchange> {
  const { signal } = request;
  if (signal?.aborted) return { kind: 'aborted' };

  const controller = new AbortController();
  // An object, not a `let`: it is set from callbacks, and its value is read after an await.
  const state: { why: 'timeout' | 'aborted' | null } = { why: null };
  const stop = (reason: 'timeout' | 'aborted') => {
    if (state.why !== null) return;
    state.why = reason;
    controller.abort();
  };
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new Stopped()), { once: true });
  });
  stopped.catch(() => undefined);

  const onCallerAbort = () => stop('aborted');
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timeoutMs = request.timeoutMs;
  const timer = timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS ? setTimeout(() => stop('timeout'), timeoutMs) : undefined;

  try {
    const pending = Promise.resolve().then(() =>
      request.fetch(request.url, { ...request.init, signal: controller.signal }),
    );
    pending.catch(() => undefined);
    const response = await Promise.race([pending, stopped]);
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status <= 399)) {
      void response.body?.cancel().catch(() => undefined);
      return { kind: 'redirect', status: response.status };
    }
    const contentType = response.headers?.get('content-type') ?? null;
    const { text, truncated } = await readCapped(response, request.maxBodyBytes, stopped);
    return { kind: 'answer', status: response.status, contentType, bodyText: text, truncated };
  } catch {
    // Which of our own flags is set decides, not the error's type: a fetch double may reject with anything.
    if (state.why !== null) return { kind: state.why };
    if (signal?.aborted) return { kind: 'aborted' };
    return { kind: 'network' };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}
