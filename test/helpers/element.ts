/**
 * Mounting the element for a test, and the few helpers that are not about its markup. Tests act on
 * it and read it through its harness (./harness.ts, re-exported here); `control` and `group` find
 * what is at a JSON Pointer (the `data-path` of the DOM contract), for tests about pointers.
 */
import { fixture, html } from '@open-wc/testing';
import '../../src/openhands-provider-settings.js';
import './element-equality.js';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { harness } from './harness.js';

export { harness, leave, type } from './harness.js';

/**
 * A new element in the test's fixture, `setup` applied before its first update. It speaks V0 (`api`
 * set): the V0 tests run as before the other APIs came, with no probe before the first request;
 * tests of `auto` set it back (test/element/server-apis.test.ts).
 */
export async function mount(
  setup: (el: OpenHandsProviderSettings) => void = () => {},
): Promise<OpenHandsProviderSettings> {
  const el = await fixture<OpenHandsProviderSettings>(
    html`<openhands-provider-settings api="v0"></openhands-provider-settings>`,
  );
  setup(el);
  await el.updateComplete;
  return el;
}

/** The control at a JSON Pointer (inputs first: an env row's group shares its value's pointer). */
export function control(el: OpenHandsProviderSettings, pointer: string): HTMLInputElement {
  return harness(el).control(pointer);
}

/** The group (card, list, section) at a JSON Pointer. */
export function group(el: OpenHandsProviderSettings, pointer: string): HTMLElement {
  return harness(el).group(pointer);
}

/** The text of the message an element's aria-describedby names, found in the same shadow root. */
export function description(el: OpenHandsProviderSettings, target: Element): string {
  return harness(el).description(target);
}

export function errorOf(el: OpenHandsProviderSettings, target: Element): string {
  return harness(el).errorOf(target);
}

/** The next event of that name, typed from GlobalEventHandlersEventMap. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) =>
    target.addEventListener(name, (e) => resolve(e as GlobalEventHandlersEventMap[K]), { once: true }),
  );
}

/** Counts the element's renders from now on (its `render` wrapped), for tests that a change renders nothing or once. */
export function countRenders(el: OpenHandsProviderSettings): { count: number } {
  const counter = { count: 0 };
  const original = (el as unknown as { render(): unknown }).render.bind(el);
  (el as unknown as { render(): unknown }).render = () => {
    counter.count++;
    return original();
  };
  return counter;
}
