/**
 * The element's events: one prefix, all bubbling and composed, each its own `Event` subclass.
 * No detail ever holds a token, an API key or the session key.
 */
import type { FailureKind, SaveOutcome, SavePart, SubmitResult } from '../contract/result.js';
import type { ApiKind } from '../contract/settings-api.js';

const init = { bubbles: true, composed: true } as const;

/** A save's outcome when it failed (nothing sent counts as neither). */
export type FailedOutcome = Exclude<SaveOutcome, { kind: 'saved' | 'aborted' }>;

/** Fired before a request is sent. Cancel it (`preventDefault()`) to stop the save. */
export class ProviderSettingsSubmitEvent extends Event {
  static readonly eventName = 'provider-settings-submit';
  /** The providers the request will carry (keys only). */
  readonly providers: readonly string[];
  constructor(providers: readonly string[]) {
    super(ProviderSettingsSubmitEvent.eventName, { ...init, cancelable: true });
    this.providers = providers;
  }
}

/** Fired when the server stored everything the save meant to store. */
export class ProviderSettingsSavedEvent extends Event {
  static readonly eventName = 'provider-settings-saved';
  readonly message: string;
  /** Providers that have a stored token after this save. */
  readonly storedProviders: readonly string[];
  /** The parts this save stored: `tokens`, and `mcp` when the MCP servers changed. */
  readonly stored: readonly SavePart[];
  constructor(message: string, storedProviders: readonly string[], stored: readonly SavePart[] = ['tokens']) {
    super(ProviderSettingsSavedEvent.eventName, init);
    this.message = message;
    this.storedProviders = storedProviders;
    this.stored = stored;
  }
}

/** Fired when the element knows which server API it speaks: `api` set, or the one that answered for `auto`. */
export class ProviderSettingsApiEvent extends Event {
  static readonly eventName = 'provider-settings-api';
  /** `v0`, `v1` or `agent-server`. */
  readonly api: ApiKind;
  constructor(api: ApiKind) {
    super(ProviderSettingsApiEvent.eventName, init);
    this.api = api;
  }
}

/** Fired when a save did not succeed, whatever stopped it. */
export class ProviderSettingsFailedEvent extends Event {
  static readonly eventName = 'provider-settings-failed';
  readonly kind: FailureKind;
  readonly message: string;
  /** HTTP status when the server answered, else 0. */
  readonly status: number;
  /** How many field errors the form now shows. */
  readonly errorCount: number;
  /** Parts this save stored before it failed (`['tokens']` when the tokens were saved and the MCP servers not). */
  readonly stored: readonly SavePart[];
  /** Parts this save meant to store and did not: their edits are kept, unsaved. */
  readonly notStored: readonly SavePart[];
  constructor(outcome: FailedOutcome, errorCount: number) {
    super(ProviderSettingsFailedEvent.eventName, init);
    this.kind = outcome.kind;
    this.message = outcome.message;
    this.status = 'status' in outcome ? outcome.status : 0;
    this.errorCount = errorCount;
    this.stored = outcome.stored;
    this.notStored = outcome.notStored;
  }
}

/** Fired when the person edits the form. */
export class ProviderSettingsChangeEvent extends Event {
  static readonly eventName = 'provider-settings-change';
  readonly dirty: boolean;
  constructor(dirty: boolean) {
    super(ProviderSettingsChangeEvent.eventName, init);
    this.dirty = dirty;
  }
}

/**
 * Fired when `dirty` flips: the form starts or stops differing from what is stored (an edit, an
 * undo, a save, a reset, new `settings` or `value`). Fired after the update that flipped it.
 */
export class ProviderSettingsDirtyEvent extends Event {
  static readonly eventName = 'provider-settings-dirty';
  readonly dirty: boolean;
  constructor(dirty: boolean) {
    super(ProviderSettingsDirtyEvent.eventName, init);
    this.dirty = dirty;
  }
}

export type { SubmitResult };

/**
 * Every event of the element, by name, with the class it is: what `addEventListener` and the
 * framework typings (`./vue`, `./jsx`) are derived from.
 */
export interface ProviderSettingsEventMap {
  'provider-settings-submit': ProviderSettingsSubmitEvent;
  'provider-settings-saved': ProviderSettingsSavedEvent;
  'provider-settings-failed': ProviderSettingsFailedEvent;
  'provider-settings-change': ProviderSettingsChangeEvent;
  'provider-settings-dirty': ProviderSettingsDirtyEvent;
  'provider-settings-api': ProviderSettingsApiEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the DOM's own map
  interface GlobalEventHandlersEventMap extends ProviderSettingsEventMap {}
}
