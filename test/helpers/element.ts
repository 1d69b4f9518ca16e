import { fixture, html } from '@open-wc/testing';
import '../../src/openhands-provider-settings.js';
import './element-equality.js';
import type { OpenHandsProviderSettings } from '../../src/index.js';
import { harness } from './harness.js';

export { harness, leave, type } from './harness.js';

export async function mount(
  setup: (el: OpenHandsProviderSettings) => void = () => {},
): Promise<OpenHandsProviderSettings> {
  const el = await fixture<OpenHandsProviderSettings>(
    html`<openhands-provider-settings></openhands-provider-settings>`,
  );
  setup(el);
  await el.updateComplete;
  return el;
}

/**
 * The first match of a selector in the shadow root. For tests of the DOM contract itself (what the
 * markup says); everything else acts through the harness (./harness.ts).
 */
export function $(el: OpenHandsProviderSettings, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** Every match of a selector in the shadow root (see {@link $}). */
export function $$(el: OpenHandsProviderSettings, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

/** The control at a JSON Pointer (inputs first: an env row's group shares its value's pointer). */
export function control(el: OpenHandsProviderSettings, pointer: string): HTMLInputElement {
  return harness(el).control(pointer);
}

/** The group (card, list, section) at a JSON Pointer. */
export function group(el: OpenHandsProviderSettings, pointer: string): HTMLElement {
  return harness(el).group(pointer);
}

/** The text of the element's status (a live region): "Saving…", "Saved.", "Loading stored settings…". */
export function statusText(el: OpenHandsProviderSettings): string {
  return harness(el).status.text;
}

/** A save is under way, as a person sees it: Save unavailable (yet focusable) and the status says so. */
export function showsSaving(el: OpenHandsProviderSettings): boolean {
  return harness(el).showsSaving;
}

/** Opens the card of the server at `pointer` if it is shown compact (a long list), as a person would. */
export async function openServer(el: OpenHandsProviderSettings, pointer: string): Promise<void> {
  const [, kind, index] = /^\/mcp_config\/(\w+)_servers\/(\d+)$/.exec(pointer)!;
  await harness(el)
    .server(kind as 'sse', Number(index))
    .expand();
}

export async function click(el: OpenHandsProviderSettings, selector: string): Promise<void> {
  $(el, selector).click();
  await el.updateComplete;
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
