/**
 * `autoload`'s load of the stored settings: `GET /api/settings` with the element's connection, as
 * a task of @lit/task run again when its arguments (`base-url`, `sessionKey`, `autoload`) change.
 * It comes with the on-demand module, as does the request, so the element's own file carries
 * nothing of @lit/task; the element asks it only what it shows.
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { ApiConnection, SettingsApi } from '../contract/settings-api.js';
import { serverApi } from './server-api.js';
import type { StoredSettings } from '../contract/schema.js';
import type { FormModel } from '../model/form-model.js';
import { agreesWithStored } from '../model/stored-agreement.js';
import type { FormFailure } from './failure-texts.js';

/** How long a load runs before the status says so. */
const SAY_LOADING_AFTER_MS = 100;

/** The element's settings a load depends on (`api` and `authScheme` after these three). */
export type LoadArgs = readonly [baseUrl: string, sessionKey: string | null, autoload: boolean, ...rest: unknown[]];

export class StoredSettingsLoad {
  private readonly task: Task<LoadArgs, void>;
  /** The server API the element speaks (server-api.ts): its load of what is stored. */
  private readonly api: SettingsApi;
  /** The load after a save ({@link refresh}), while it is in flight. */
  private refreshing: AbortController | null = null;
  /** The current load has run long enough to say so ({@link saysLoading}). */
  private slow = false;
  private slowTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    args: () => LoadArgs,
    connection: (signal: AbortSignal) => ApiConnection,
    /** A load's answer, the form's new baseline (`null`: nothing stored yet, a 404). */
    private readonly take: (settings: StoredSettings | null) => void,
    private readonly model: FormModel,
    /** A load after a save that agrees with what the form takes as stored: the element's `settings`, nothing more. */
    private readonly keep: (settings: StoredSettings | null) => void,
  ) {
    this.api = serverApi(connection, () => model.providers);
    this.task = new Task(host, {
      args,
      task: async ([, , autoload], { signal }) => {
        // A new load (new connection, Retry) supersedes a refresh: its answer is the one to take.
        this.refreshing?.abort();
        // What a load before said does not carry over (turning `autoload` off runs the task too).
        this.slow = false;
        clearTimeout(this.slowTimer);
        if (!autoload) return initialState;
        const timer = (this.slowTimer = setTimeout(() => {
          this.slow = true;
          if (this.loading) this.host.requestUpdate();
        }, SAY_LOADING_AFTER_MS));
        const result = await this.api.load(signal);
        // This run's timer only: a newer run (new connection) has its own.
        clearTimeout(timer);
        // Thrown, so the task's error is the failure to show.
        if (result.kind !== 'loaded' && result.kind !== 'not-found') throw result;
        this.take(result.kind === 'loaded' ? result.settings : null);
      },
    });
  }

  /** The request is in flight. */
  get loading(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** The last load answered, and its settings are the form's baseline. */
  get loaded(): boolean {
    return this.task.status === TaskStatus.COMPLETE;
  }

  /**
   * The status says "Loading…": the load is still running after {@link SAY_LOADING_AFTER_MS}. Text
   * written into a live region the moment the region enters the page is often not announced, and
   * the first load starts with the element's first render; a fast load says nothing at all.
   */
  get saysLoading(): boolean {
    return this.slow && this.loading;
  }

  /** Why the last load failed, or null. */
  get failure(): FormFailure | null {
    return this.task.status === TaskStatus.ERROR ? (this.task.error as FormFailure) : null;
  }

  run(): Promise<void> {
    return this.task.run();
  }

  /**
   * Loads again after a save, to show what the server now holds. The baseline stays known while it
   * runs (the save settled it), so nothing turns busy or disabled under the person's focus; a
   * failure is quiet (the baseline the save settled stands). An answer that agrees with that
   * baseline changes nothing in the form (model/stored-agreement.ts); one that does not (another
   * session stored something meanwhile) is the new baseline, as any load's.
   */
  async refresh(): Promise<void> {
    if (!this.loaded) return;
    this.refreshing?.abort();
    const control = (this.refreshing = new AbortController());
    const result = await this.api.load(control.signal);
    if (control.signal.aborted) return;
    this.refreshing = null;
    if (result.kind !== 'loaded' && result.kind !== 'not-found') return;
    const settings = result.kind === 'loaded' ? result.settings : null;
    if (agreesWithStored(this.model, settings)) this.keep(settings);
    else this.take(settings);
  }

  abort(): void {
    this.refreshing?.abort();
    this.task.abort();
  }
}
