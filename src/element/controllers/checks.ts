import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FormModel } from '../../model/form-model.js';
import { loadOnDemand, onDemand, type OnDemand } from './on-demand.js';

/** The key of a row's field in {@link ChecksController}'s set of touched fields. */
const fieldKey = (row: string, field: string) => row + '\u0000' + field;

/**
 * The form's checks: they arrive with the on-demand module (loaded at the first edit), then check
 * the servers ahead in the background (check-ahead.ts), a field when the person leaves it after
 * typing in it (tabbing through stays quiet), and the whole form on `validate()` and before a save.
 */
export class ChecksController implements ReactiveController {
  /** Fields the person has typed in: only those are checked on blur. */
  private readonly touched = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean; readonly renderRoot: ParentNode },
    private readonly model: FormModel,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.checkAhead();
  }

  /** Gives the model the contract's checks, loading them first if they are not here yet. */
  load(): Promise<OnDemand> | void {
    if (this.model.canValidate) return;
    if (onDemand) return this.hand(onDemand);
    return loadOnDemand().then((m) => (this.hand(m), m));
  }

  /** {@link load}, resolving to the on-demand module (null when it could not be loaded). */
  ready(): Promise<OnDemand | null> {
    return Promise.resolve(this.load()).then(
      () => onDemand!,
      () => null,
    );
  }

  private hand(m: OnDemand): void {
    if (this.model.canValidate) return;
    this.model.useChecks(m.CONTRACT_CHECKS);
    this.checkAhead();
  }

  /** Checks the servers in the background once the checks are here: nothing shown changes. */
  checkAhead(): void {
    onDemand?.checkAheadInSlices(this.model, () => this.host.isConnected);
  }

  /** The person typed in a field: the checks start loading, and the field is checked when left. */
  typedIn(row: string, field: string): void {
    void Promise.resolve(this.load()).catch(() => {});
    this.touched.add(fieldKey(row, field));
  }

  /** Forgets which fields were typed in (after a save or a reset). */
  forget(): void {
    this.touched.clear();
  }

  /** A field lost focus to `next`: checked if typed in or showing an error. */
  left(row: string, field: string, next: EventTarget | null): void {
    if (!this.touched.has(fieldKey(row, field)) && this.model.errorsFor(row, field).length === 0) return;
    if (next instanceof HTMLButtonElement && this.host.renderRoot.contains(next)) {
      // Focus left for one of our buttons: check once the press is over, so a message appearing
      // above the button does not move it from under the pointer and swallow the click.
      const later = () => {
        window.removeEventListener('pointerup', later, true);
        window.removeEventListener('keyup', later, true);
        setTimeout(() => this.checkField(row, field));
      };
      window.addEventListener('pointerup', later, true);
      window.addEventListener('keyup', later, true);
      return;
    }
    this.checkField(row, field);
  }

  private checkField(row: string, field: string): void {
    const check = () => {
      if (this.model.validateField(row, field)) this.host.requestUpdate();
    };
    // A field left before the checks are here is checked when they are (the row may be gone by
    // then: nothing to check).
    const loading = this.load();
    if (loading) loading.then(check, () => {});
    else check();
  }
}
