/**
 * A FIFO gate that bounds requests in flight and spaces their starts to a rate. Grants follow the
 * order of `acquire` calls, so requests reach the target in the order the engine generated them,
 * whatever the concurrency: this is what keeps a seed's replay exact.
 */
export interface RequestSlots {
  /**
   * Resolves when a slot is free and the rate allows a start; false when `signal` or `also` is
   * aborted by then (the slot is then not taken).
   */
  acquire(signal?: AbortSignal, also?: AbortSignal): Promise<boolean>;
  release(): void;
}

/** Builds a {@link RequestSlots} for `concurrency` slots and at most `rate` starts per second. */
export function requestSlots(concurrency: number, rate?: number): RequestSlots {
  const waiters: Array<() => void> = [];
  let inFlight = 0;
  let nextStart = 0;
  const spacingMs = rate === undefined ? 0 : 1000 / rate;

  const pump = () => {
    while (inFlight < concurrency && waiters.length > 0) {
      inFlight += 1;
      waiters.shift()!();
    }
  };

  return {
    async acquire(signal, also) {
      if (signal?.aborted || also?.aborted) return false;
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        pump();
      });
      if (spacingMs > 0) {
        const now = performance.now();
        const start = Math.max(now, nextStart);
        nextStart = start + spacingMs;
        if (start > now) await sleep(start - now, signal);
      }
      if (signal?.aborted || also?.aborted) {
        this.release();
        return false;
      }
      return true;
    },
    release() {
      inFlight -= 1;
      pump();
    },
  };
}

/** Waits `ms`, or less when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
