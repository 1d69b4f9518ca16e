import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ApiConnection } from '../../contract/settings-api.js';
import type { StoredSettings } from '../../contract/schema.js';
import type { FormModel } from '../../model/form-model.js';
import type { LoadArgs, StoredSettingsLoad } from '../load-task.js';
import type { ProviderSettingsStrings } from '../strings.js';
import type { FormFailure } from '../failure-texts.js';
import { failureSentence } from '../failure-sentence.js';
import { loadOnDemand, NOT_LOADED, onDemand } from './on-demand.js';
import { act } from '../actions.js';

/** What `autoload` needs of the element. */
export interface AutoloadOptions {
  /** `autoload` is set. */
  on(): boolean;
  /** The load's arguments: a change of any runs it again. */
  args(): LoadArgs;
  connection(signal: AbortSignal): ApiConnection;
  model: FormModel;
  /** A load's answer becomes the baseline (`null`: a 404, nothing stored yet). */
  take(settings: StoredSettings | null): void;
  /** A load after a save that agrees with the form: only the element's `settings` change. */
  keep(settings: StoredSettings | null): void;
}

/**
 * `autoload`: the stored settings loaded with `GET /api/settings` (load-task.ts, which comes with
 * the on-demand module, as the request does). The loader is made the first time `autoload` is
 * set, so an element without it runs no task at all. While the settings are unknown nothing can be saved.
 */
export class AutoloadController implements ReactiveController {
  private loader?: StoredSettingsLoad;
  /** The on-demand module (the request, the Task class) did not load. */
  private unavailable = false;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    private readonly options: AutoloadOptions,
  ) {
    host.addController(this);
  }

  /**
   * Runs after the element's `willUpdate` and before its render: a loader made here adds its task
   * as a controller, whose own `hostUpdate` runs in this same update and starts the load.
   */
  hostUpdate(): void {
    if (!this.options.on() || this.loader || this.unavailable) return;
    const o = this.options;
    if (onDemand)
      this.loader = new onDemand.StoredSettingsLoad(this.host, o.args, o.connection, o.take, o.model, o.keep);
    else
      void loadOnDemand().then(
        () => this.host.requestUpdate(),
        () => {
          this.unavailable = true;
          this.host.requestUpdate();
        },
      );
  }

  hostConnected(): void {
    // Back in the page: a load that disconnecting aborted runs again.
    if (this.options.on() && this.loader) void this.loader.run();
  }

  hostDisconnected(): void {
    // Nothing runs for an element nobody sees (the save, through its own controller, stops too).
    this.loader?.abort();
  }

  /** The stored settings are still unknown (loading or failed): saving is off. */
  get unloaded(): boolean {
    return this.options.on() && !this.loader?.loaded;
  }

  get loading(): boolean {
    return this.loader ? this.loader.loading : this.options.on() && !this.unavailable;
  }

  /** The status says "Loading stored settings…" (after a while: load-task.ts). */
  get saysLoading(): boolean {
    return this.loader?.saysLoading ?? false;
  }

  /** Loads again after a save, in the background. */
  refresh(): void {
    void this.loader?.refresh();
  }

  retry(): void {
    if (this.loader) void this.loader.run();
    else {
      this.unavailable = false;
      this.host.requestUpdate();
    }
  }

  /** Why the stored settings could not be loaded, with a Retry button; nothing when they could. */
  render(t: ProviderSettingsStrings) {
    const failure: FormFailure | null = this.unavailable ? NOT_LOADED : (this.loader?.failure ?? null);
    if (!failure) return nothing;
    return html`<div class="summary" part="load-error" role="alert">
      <p>${t.loadFailed} ${failureSentence(t, failure)}</p>
      <button type="button" data-action=${act('retry-load')}>${t.retryLoad}</button>
    </div>`;
  }
}
