/**
 * `autoload`'s load of the stored settings: `GET /api/settings` with the element's connection, as
 * a task of @lit/task run again when its arguments (`base-url`, `sessionKey`, `autoload`) change.
 * It comes with the on-demand module, as does the request, so the element's own file carries
 * nothing of @lit/task; the element asks it only what it shows.
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { getStoredSettings, type ConnectionOptions } from '../contract/http.js';
import type { StoredSettings } from '../contract/schema.js';
import type { FormFailure } from './texts.js';

export type LoadArgs = readonly [baseUrl: string, sessionKey: string | null, autoload: boolean];

export class StoredSettingsLoad {
  private readonly task: Task<LoadArgs, void>;

  constructor(
    host: ReactiveControllerHost,
    args: () => LoadArgs,
    connection: (signal: AbortSignal) => ConnectionOptions,
    take: (settings: StoredSettings | null) => void,
  ) {
    this.task = new Task(host, {
      args,
      task: async ([, , autoload], { signal }) => {
        if (!autoload) return initialState;
        const result = await getStoredSettings(connection(signal));
        // Thrown, so the task's error is the failure to show.
        if (result.kind !== 'loaded' && result.kind !== 'not-found') throw result;
        take(result.kind === 'loaded' ? result.settings : null);
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

  /** Why the last load failed, or null. */
  get failure(): FormFailure | null {
    return this.task.status === TaskStatus.ERROR ? (this.task.error as FormFailure) : null;
  }

  run(): Promise<void> {
    return this.task.run();
  }

  abort(): void {
    this.task.abort();
  }
}
