import { fixture, html } from '@open-wc/testing';
import '../../src/openhands-provider-settings.js';
import './element-equality.js';
import type { OpenHandsProviderSettings } from '../../src/index.js';

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

export function $(el: OpenHandsProviderSettings, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function $$(el: OpenHandsProviderSettings, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

/** The control at a JSON Pointer (inputs first: an env row's group shares its value's pointer). */
export function control(el: OpenHandsProviderSettings, pointer: string): HTMLInputElement {
  return $(el, `input[data-path="${CSS.escape(pointer)}"]`) as HTMLInputElement;
}

export function group(el: OpenHandsProviderSettings, pointer: string): HTMLElement {
  return $(el, `:not(input)[data-path="${CSS.escape(pointer)}"]`);
}

/** The text of the element's status (a live region): "Saving…", "Saved.", "Loading stored settings…". */
export function statusText(el: OpenHandsProviderSettings): string {
  return $(el, '[part="status"]').textContent!.trim();
}

/** A save is under way, as a person sees it: Save unavailable (yet focusable) and the status says so. */
export function showsSaving(el: OpenHandsProviderSettings): boolean {
  return $(el, '[part="save-button"]').getAttribute('aria-disabled') === 'true' && statusText(el) === 'Saving…';
}

/** Opens the card of the server at `pointer` if it is shown compact (a long list), as a person would. */
export async function openServer(el: OpenHandsProviderSettings, pointer: string): Promise<void> {
  const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>(
    `fieldset[data-path="${CSS.escape(pointer)}"] > legend > button[data-action="toggle-server"]`,
  );
  if (toggle?.getAttribute('aria-expanded') === 'false') {
    toggle.click();
    await el.updateComplete;
  }
}

/** Types as a person would: value set, `input` fired, then focus leaves (blur checks run). */
export async function type(el: OpenHandsProviderSettings, input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  leave(input);
  await el.updateComplete;
}

/**
 * Moves focus away from a control. Test pages run side by side and only one has the window's
 * focus; in the others Chromium does not fire focus events, so deliver `focusout` as a focused
 * window would.
 */
export function leave(input: HTMLElement): void {
  let delivered = false;
  const seen = () => (delivered = true);
  input.addEventListener('focusout', seen, { once: true });
  input.blur();
  input.removeEventListener('focusout', seen);
  if (!delivered) input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
}

export async function click(el: OpenHandsProviderSettings, selector: string): Promise<void> {
  $(el, selector).click();
  await el.updateComplete;
}

/** The text of the message an element's aria-describedby names, found in the same shadow root. */
export function description(el: OpenHandsProviderSettings, target: Element): string {
  const ids = (target.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .map((id) => {
      const node = el.shadowRoot!.getElementById(id);
      if (!node) throw new Error(`aria-describedby names #${id}, which is not in the shadow root`);
      return node.textContent!.trim();
    })
    .join(' | ');
}

export function errorOf(el: OpenHandsProviderSettings, target: Element): string {
  const ids = (target.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .map((id) => el.shadowRoot!.getElementById(id))
    .filter((node) => node?.classList.contains('error'))
    .map((node) => node!.textContent!.trim())
    .join('\n');
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
