import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ProviderSettingsDirtyEvent } from '../events.js';

/**
 * Unsaved changes, as the page sees them: the `dirty` attribute and the `provider-settings-dirty`
 * event when they appear or go, and with `guard-unsaved`, the `beforeunload` guard while there are
 * some and the element is in the page.
 */
export class UnsavedChangesController implements ReactiveController {
  private wasDirty = false;
  private guarded = false;
  private readonly onBeforeUnload = (event: Event) => event.preventDefault();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** `dirty`: the form differs from what is stored; `guard`: `guard-unsaved` is set. */
    private readonly state: { dirty(): boolean; guard(): boolean },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.sync();
  }

  hostUpdated(): void {
    const dirty = this.state.dirty();
    if (dirty !== this.wasDirty) {
      this.wasDirty = dirty;
      this.host.toggleAttribute('dirty', dirty);
      this.host.dispatchEvent(new ProviderSettingsDirtyEvent(dirty));
    }
    this.sync();
  }

  private sync(): void {
    const on = this.state.guard() && this.host.isConnected && this.state.dirty();
    if (on === this.guarded) return;
    this.guarded = on;
    if (on) window.addEventListener('beforeunload', this.onBeforeUnload);
    else window.removeEventListener('beforeunload', this.onBeforeUnload);
  }
}
