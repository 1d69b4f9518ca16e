/**
 * The save, as a reactive controller over a {@link SettingsApi}: what "saved" means lives here
 * (DESIGN.md, "Saving"), not in the element. It
 * - makes the stored state known before a save where it is not (a save must never replace a token
 *   map it has not seen), loading it where a load can answer;
 * - stores the two parts where the server keeps them, tokens first (the server validates the whole
 *   body there, so its 422s land on every field), then the MCP servers when they changed;
 * - settles each part on its own against the snapshot the request was built from, so what the
 *   person changes while a request is in flight stays theirs.
 *
 * Loaded with the on-demand module; the element wires it and shows what it reports.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { bodySecrets, NO_SETTINGS } from '../contract/http.js';
import type { SaveOutcome, SavePart, SubmitResult } from '../contract/result.js';
import type { StoredSettings } from '../contract/schema.js';
import type { SettingsApi } from '../contract/settings-api.js';
import type { FormModel } from '../model/form-model.js';
import {
  markMcpSaved,
  markTokensSaved,
  mcpChanged,
  providersChanged,
  takeSnapshot,
  type SaveSnapshot,
} from '../model/save-snapshot.js';

/** What the controller works with: the form, the server API, and the element's two duties. */
export interface SaveControllerOptions {
  model: FormModel;
  api: SettingsApi;
  /** A loaded baseline (`null`: the server has no settings record), applied as `autoload` applies one. */
  takeStored(settings: StoredSettings | null): void;
  /** Called with the outcome before the render the task's completion asks for, so one render shows it. */
  settle(outcome: SaveOutcome): void;
}

/** Whether the form may send its token map, after {@link SaveController.makeKnown}. */
export type Readiness =
  /** The stored token set is known: the map sent keeps every stored token not removed. */
  | { kind: 'known' }
  /**
   * The server has no settings record, so the stored token set cannot be seen: a save replaces
   * whatever tokens are stored. Only the person can decide that (the element asks).
   */
  | { kind: 'tokens-unknown' }
  /** The load failed: nothing may be sent. */
  | { kind: 'failed'; outcome: SaveOutcome };

/** What a save does next, once the form's checks and what is stored are settled ({@link SaveController.plan}). */
export type Plan =
  /** Send this body (after the review, where there is one). */
  | { kind: 'send'; snapshot: SaveSnapshot }
  /** The form's checks failed: nothing is sent. */
  | { kind: 'invalid' }
  /** Ask the person before replacing a token set the form cannot see. */
  | { kind: 'confirm-replace' }
  /** Nothing to store. */
  | { kind: 'nothing' }
  /** It cannot be sent: the load failed, or the MCP servers have nowhere to go. */
  | { kind: 'failed'; outcome: SaveOutcome };

/** Why a save sent nothing, when that is decided once this module is here (the outcome's `message`). */
export const NOT_SENT = {
  confirm: 'Waiting for the person to confirm replacing the stored tokens.',
  review: 'Waiting for the review.',
  cancelled: 'The page cancelled the save.',
} as const;

const parts = (stored: readonly SavePart[], notStored: readonly SavePart[]) => ({ stored, notStored });

/** An outcome that stored nothing, for a failure before or at the first request. */
function storedNothing(result: SubmitResult, meant: readonly SavePart[] = []): SaveOutcome {
  return { ...result, ...parts([], result.kind === 'aborted' ? [] : meant) };
}

export class SaveController implements ReactiveController {
  private readonly task: Task<readonly [SaveSnapshot], SaveOutcome>;
  private readonly model: FormModel;
  /** Cancels the load before a save when the element leaves the page. */
  private loading: AbortController | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: SaveControllerOptions,
  ) {
    this.model = options.model;
    host.addController(this);
    this.task = new Task(host, {
      autoRun: false,
      task: ([snapshot], { signal }) => this.store(snapshot, signal),
      onComplete: (outcome) => options.settle(outcome),
    });
  }

  hostDisconnected(): void {
    // Leaving the page cancels the save: nothing runs for an element nobody sees.
    this.task.abort();
    this.loading?.abort();
  }

  /** True while a request of the save is in flight. */
  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /**
   * Makes sure the form knows what is stored before it sends anything: loads it when the token set
   * is unknown, or when the MCP servers changed and the stored ones are unknown (a settings write
   * replaces the stored list). A 200 becomes the baseline (what the person typed is kept, servers
   * they added are added); a 404 says no MCP servers are stored, and nothing about the tokens.
   */
  async makeKnown(): Promise<Readiness> {
    const model = this.model;
    if (model.known.tokens && (model.known.mcp || !mcpChanged(model))) return { kind: 'known' };
    this.loading = new AbortController();
    const loaded = await this.options.api.load(this.loading.signal, bodySecrets(model.toBody()));
    this.loading = null;
    if (loaded.kind === 'loaded') this.options.takeStored(loaded.settings);
    else if (loaded.kind === 'not-found') this.options.takeStored(null);
    else return { kind: 'failed', outcome: storedNothing(loaded, this.meant()) };
    return model.known.tokens ? { kind: 'known' } : { kind: 'tokens-unknown' };
  }

  /**
   * Decides what a save does: the form's checks (`checksPass`, which shows what they find), then
   * what is stored made known ({@link makeKnown}), the checks again if that brought a new baseline,
   * and where the token set cannot be known, either nothing to send, the MCP servers' failure, or
   * the person's confirmation (`replaceConfirmed` once given).
   */
  async plan(replaceConfirmed: boolean, checksPass: () => boolean): Promise<Plan> {
    const model = this.model;
    if (!checksPass()) return { kind: 'invalid' };
    const ready = await this.makeKnown();
    if (ready.kind === 'failed') return ready;
    if (!checksPass()) return { kind: 'invalid' };
    if (ready.kind === 'tokens-unknown') {
      // Nothing for the token store: only the MCP servers, which need a settings record it lacks.
      if (!providersChanged(model))
        return mcpChanged(model)
          ? { kind: 'failed', outcome: { ...NO_SETTINGS, ...parts([], ['mcp']) } }
          : { kind: 'nothing' };
      if (!replaceConfirmed) return { kind: 'confirm-replace' };
    }
    const snapshot = takeSnapshot(model);
    // What the API refuses from the content alone, before the review and before anything is sent.
    if (snapshot.mcpChanged && this.options.api.checkMcp) {
      this.loading = new AbortController();
      const refused = await this.options.api.checkMcp(snapshot.content, this.loading.signal);
      this.loading = null;
      if (refused) return { kind: 'failed', outcome: storedNothing(refused, this.meant(snapshot)) };
    }
    return { kind: 'send', snapshot };
  }

  /** The parts a save of the form as it is would store. */
  meant(snapshot?: SaveSnapshot): SavePart[] {
    return (snapshot ? snapshot.mcpChanged : mcpChanged(this.model)) ? ['tokens', 'mcp'] : ['tokens'];
  }

  /** Sends `snapshot` (tokens, then the MCP servers when they changed) and settles the model part by part. */
  async run(snapshot: SaveSnapshot): Promise<SaveOutcome> {
    await this.task.run([snapshot]);
    if (this.task.status === TaskStatus.COMPLETE) return this.task.value!;
    // A task that threw (it should not: every failure is an answer) is settled here instead.
    const failure = storedNothing(
      { kind: 'server', status: 0, message: 'The save failed unexpectedly.' },
      this.meant(snapshot),
    );
    this.options.settle(failure);
    return failure;
  }

  private async store(snapshot: SaveSnapshot, signal: AbortSignal): Promise<SaveOutcome> {
    const { model, options } = this;
    const meant = this.meant(snapshot);
    const tokens = await options.api.saveTokens(snapshot.content, signal);
    if (tokens.kind !== 'saved') return storedNothing(tokens, meant);
    // Stored on the server whatever happens next: the form says so.
    markTokensSaved(model, snapshot);
    // Status 0: nothing needed sending for the tokens (the agent-server has them as shown), so
    // this save wrote no token: a failure of the MCP servers must not say the tokens were saved.
    const tokensWritten: SavePart[] = tokens.status === 0 ? [] : ['tokens'];
    if (!snapshot.mcpChanged) return { ...tokens, ...parts(tokensWritten, []) };

    const mcp = await options.api.saveMcp(snapshot.content, signal);
    if (mcp.kind !== 'saved') return { ...mcp, ...parts(tokensWritten, mcp.kind === 'aborted' ? [] : ['mcp']) };
    markMcpSaved(model, snapshot);
    return { ...mcp, ...parts([...tokensWritten, 'mcp'], []) };
  }
}
