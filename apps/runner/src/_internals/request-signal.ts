import { setMaxListeners } from 'node:events';

/** The signal of one request: aborted by any parent signal or by its own timeout. */
export interface RequestSignal {
  signal: AbortSignal;
  /** True when the timeout (not a parent) aborted it. */
  readonly timedOut: boolean;
  /** Detaches from the parents and clears the timer: call it when the request is over. */
  dispose(): void;
}

/**
 * A per-request abort signal tied to long-lived parents (the run, the operation) and a timeout.
 * Not `AbortSignal.any`: in Node 20 and 22 every combined signal stays referenced by a long-lived
 * parent (nodejs/node#55351), so a run of a million requests would leak them; here the listeners
 * are removed when the request ends.
 */
export function requestSignal(
  parents: ReadonlyArray<AbortSignal | undefined>,
  timeoutMs?: number,
): RequestSignal {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort();
  const live = parents.filter((parent): parent is AbortSignal => parent !== undefined);
  for (const parent of live) {
    // A run signal has one listener per queued request; that is by design, not a leak.
    setMaxListeners(0, parent);
    if (parent.aborted) controller.abort();
    else parent.addEventListener('abort', onAbort, { once: true });
  }
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      for (const parent of live) parent.removeEventListener('abort', onAbort);
    },
  };
}
