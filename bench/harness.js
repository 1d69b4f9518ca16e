// The in-page half of the benchmark, shared by the element page and the floor page so both are
// measured by the same code. scripts/bench.js drives it through `window.bench`.
//
// Every time is performance.now() in the page, and every measurement ends with a forced style
// and layout (reading document.body.offsetHeight), so both pages pay for the DOM they change up
// to layout; neither includes paint (the next frame), which headless Chromium ties to its
// 60 Hz timer. See BENCHMARKS.md for what each figure covers.
import { makeBody } from './fixture.js';

/**
 * @typedef {object} Impl
 * @property {string} name
 * @property {(body: object) => Promise<HTMLElement>} mount builds the form for `body` and attaches it
 * @property {(host: HTMLElement) => Promise<unknown>} settle resolves once the form's DOM is up to date
 * @property {(host: HTMLElement) => HTMLInputElement | Promise<HTMLInputElement>} lastCommand the last stdio server's command input (the element opens its card first, as a person would in a long list)
 * @property {(host: HTMLElement) => boolean | Promise<boolean>} validate validates everything, shows the problems (the element's `validate()` is asynchronous)
 * @property {(host: HTMLElement, baseUrl: string) => Promise<unknown>} submit saves to baseUrl
 * @property {(host: HTMLElement) => number} summaryEntries how many problems the error summary accounts for (its entries, or the count on its "show all" button when it lists only the first 100)
 */

const forceLayout = () => document.body.offsetHeight;

function countNodes(root) {
  let nodes = 0;
  let elements = 0;
  const visit = (node) => {
    nodes += 1;
    if (node.nodeType === Node.ELEMENT_NODE) {
      elements += 1;
      if (node.shadowRoot) for (const child of node.shadowRoot.childNodes) visit(child);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return { nodes, elements };
}

/** @param {Impl} impl */
export function installHarness(impl) {
  /** @type {HTMLElement | null} */
  let host = null;
  let typing = null;
  const realFetch = window.fetch.bind(window);
  let arrived = NaN;

  // The answer "arrives" when its whole body is in the page: the wrapper reads it before the
  // form sees it, so the network and the server are outside the timed part.
  window.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const body = await response.arrayBuffer();
    const copy = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    arrived = performance.now();
    return copy;
  };

  window.bench = {
    name: impl.name,

    async mount(n) {
      const body = makeBody(n);
      const t0 = performance.now();
      host = await impl.mount(body);
      const tDom = performance.now();
      forceLayout();
      const t1 = performance.now();
      return { domMs: tDom - t0, mountMs: t1 - t0 };
    },

    count() {
      return countNodes(host);
    },

    /** Focuses the last stdio server's command field; each key typed from now on is timed. */
    async startTyping(text) {
      const input = await impl.lastCommand(host);
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
      const start = input.value;
      const state = { samples: [], script: [], wrong: 0, t0: NaN, done: null };
      const onKeydown = () => {
        state.t0 = performance.now();
      };
      const onInput = async (event) => {
        const target = event.composedPath()[0];
        const k = state.samples.length;
        await impl.settle(host);
        if (target !== input || input.value !== start + text.slice(0, k + 1)) state.wrong += 1;
        state.script.push(performance.now() - state.t0);
        forceLayout();
        state.samples.push(performance.now() - state.t0);
        if (state.samples.length === text.length) state.done?.();
      };
      window.addEventListener('keydown', onKeydown, true);
      window.addEventListener('input', onInput);
      state.stop = () => {
        window.removeEventListener('keydown', onKeydown, true);
        window.removeEventListener('input', onInput);
      };
      typing = state;
      return true;
    },

    async typed(count) {
      const state = typing;
      if (state.samples.length < count) {
        await new Promise((resolve, reject) => {
          state.done = resolve;
          setTimeout(() => reject(new Error(`only ${state.samples.length} of ${count} keystrokes arrived`)), 10_000);
        });
      }
      state.stop();
      return { samples: state.samples, script: state.script, wrong: state.wrong };
    },

    async validate() {
      const t0 = performance.now();
      const valid = await impl.validate(host);
      const tSync = performance.now();
      await impl.settle(host);
      forceLayout();
      const t1 = performance.now();
      return { valid, syncMs: tSync - t0, totalMs: t1 - t0 };
    },

    /**
     * Saves to `baseUrl`, a tenant of the reference server that scripts/bench.js set up to answer
     * with a 422 (its control endpoint takes at most 1 MiB, so the runner scripts it in-process).
     */
    async apply422(baseUrl) {
      arrived = NaN;
      // "Placed": the errors are in the form's state, nothing rendered for them yet (the element
      // says so with its failed event, the floor by calling benchPlaced before it touches the DOM).
      let tPlaced = NaN;
      window.benchPlaced = () => {
        tPlaced = performance.now();
      };
      host.addEventListener('provider-settings-failed', window.benchPlaced, { once: true });
      const outcome = await impl.submit(host, baseUrl);
      await impl.settle(host);
      forceLayout();
      const t1 = performance.now();
      return {
        kind: outcome?.kind,
        message: outcome?.message,
        shown: impl.summaryEntries(host),
        placedMs: tPlaced - arrived,
        totalMs: t1 - arrived,
      };
    },
  };
  window.benchReady = true;
}
