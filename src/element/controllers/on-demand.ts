/**
 * The on-demand module (../on-demand.ts: the checks, the save, the error summary, the load of
 * `autoload`), loaded once for every element on the page: at the first edit, save or load. A
 * page that only shows the form never loads it. A failed load is tried again next time.
 */
export type OnDemand = typeof import('../on-demand.js');

let loading: Promise<OnDemand> | undefined;

/** The module once it has arrived (a live binding), for what renders synchronously. */
export let onDemand: OnDemand | undefined;

export const loadOnDemand = (): Promise<OnDemand> =>
  (loading ??= import('../on-demand.js').then(
    (m) => (onDemand = m),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));

/** What a request ends with when the on-demand module could not be loaded. */
export const NOT_LOADED = { kind: 'network', message: 'The request could not be made.' } as const;
