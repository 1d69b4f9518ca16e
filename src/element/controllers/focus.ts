import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Find = () => Element | null | undefined;

/**
 * Where focus goes after an update, and what the hidden live region says (moves and removals,
 * whose result is not otherwise in words). One controller, so that every move of focus happens
 * at one moment: once the update that changed the form is rendered.
 */
export class FocusController implements ReactiveController {
  private target: Find | null = null;
  private say: (() => string) | null = null;

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode }) {
    host.addController(this);
  }

  /** Focuses what `find` returns once the next update is rendered. */
  after(find: Find): void {
    this.target = find;
    this.host.requestUpdate();
  }

  /** Focuses the first element matching `selector` in the shadow root after the next update. */
  afterUpdateOn(...selectors: string[]): void {
    this.after(() => this.first(...selectors));
  }

  /** The first of `selectors` that matches, in order. */
  first(...selectors: string[]): Element | null {
    for (const s of selectors) {
      const found = this.host.renderRoot.querySelector(s);
      if (found) return found;
    }
    return null;
  }

  /** Announces `say()` once the next update is rendered (a row's name at its new place). */
  announceAfter(say: () => string): void {
    this.say = say;
  }

  hostUpdated(): void {
    const target = this.target?.();
    this.target = null;
    if (target instanceof HTMLElement) target.focus();
    const say = this.say;
    this.say = null;
    if (say) this.announce(say());
  }

  /**
   * Says `text` through the hidden live region. Written directly, emptied first, so the same words
   * twice are announced twice; Lit renders the region empty and never touches its text.
   */
  announce(text: string): void {
    const region = this.host.renderRoot.querySelector('#announcer');
    if (!region) return;
    region.textContent = '';
    setTimeout(() => (region.textContent = text), 100);
  }

  /** A row's element (`data-row`), optionally a control inside it matching `selector`. */
  row(id: string, selector = ''): Element | null {
    return this.host.renderRoot.querySelector(`[data-row="${CSS.escape(id)}"]${selector}`);
  }

  /** The name a row goes by: a card's legend, a variable's group label, an argument's label. */
  rowName(id: string): string {
    const el = this.row(id);
    const named = el?.querySelector(':scope > legend') ?? (el instanceof HTMLInputElement ? el.labels?.[0] : null);
    return (named?.textContent ?? el?.getAttribute('aria-label') ?? '').trim();
  }

  /** After the row of `button` goes: the row that takes its place, else the one before, else the list's add button. */
  neighbourAfterRemoval(button: HTMLButtonElement): Find {
    const item = button.closest('fieldset[data-row], li');
    const sibling = item?.nextElementSibling ?? item?.previousElementSibling;
    const siblingRow = sibling?.matches('[data-row]') ? sibling : sibling?.querySelector('[data-row]');
    const siblingId = siblingRow instanceof HTMLElement ? siblingRow.dataset.row : undefined;
    const addButton = item?.parentElement
      ?.closest('[data-path]')
      ?.querySelector(':scope > .actions > button[data-action^="add-"]');
    return () => {
      const row = siblingId === undefined ? null : this.row(siblingId);
      // Its first field, or in a long list, the name of a closed card.
      const input = row?.matches('input') ? row : (row?.querySelector('input') ?? row?.querySelector('.disclosure'));
      return input ?? (addButton?.isConnected ? addButton : null);
    };
  }
}
