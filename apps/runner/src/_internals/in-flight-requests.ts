/** Why a watched request was stopped. */
export type StopReason = 'timeout' | 'cancel';

/** One watched request; call {@link Watched.end} when it is over, however it ended. */
export interface Watched {
  end(): void;
}

/**
 * The requests of one transport that are in flight: their timeouts and their cancelling signals.
 * See {@link inFlightRequests}.
 */
export interface InFlightRequests {
  /**
   * Watches a request until `end()`: `stop` is called at most once, with `timeout` when the
   * request outlives the transport's timeout, or `cancel` when `a` or `b` aborts (a signal already
   * aborted stops it at once, before `watch` returns).
   */
  watch(stop: (why: StopReason) => void, a?: AbortSignal, b?: AbortSignal): Watched;
  /** Requests being watched (for tests). */
  readonly size: number;
}

class Entry implements Watched {
  constructor(
    readonly owner: Registry,
    readonly deadline: number,
    readonly stop: (why: StopReason) => void,
    readonly a: AbortSignal | undefined,
    readonly b: AbortSignal | undefined,
  ) {}

  end(): void {
    this.owner.forget(this);
  }
}

class Registry implements InFlightRequests {
  /** In start order, which is deadline order: every request has the same timeout. */
  readonly #entries = new Set<Entry>();
  /** The watched requests of each cancelling signal; each signal gets one listener, ever. */
  readonly #bySignal = new WeakMap<AbortSignal, Set<Entry>>();
  readonly #timeoutMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  get size(): number {
    return this.#entries.size;
  }

  watch(stop: (why: StopReason) => void, a?: AbortSignal, b?: AbortSignal): Watched {
    const entry = new Entry(this, performance.now() + this.#timeoutMs, stop, a, b);
    if (a?.aborted === true || b?.aborted === true) {
      stop('cancel');
      return entry;
    }
    this.#entries.add(entry);
    if (a !== undefined) this.#follow(a, entry);
    if (b !== undefined) this.#follow(b, entry);
    if (this.#timer === undefined) this.#arm(entry.deadline);
    return entry;
  }

  forget(entry: Entry): void {
    if (!this.#entries.delete(entry)) return;
    if (entry.a !== undefined) this.#bySignal.get(entry.a)?.delete(entry);
    if (entry.b !== undefined) this.#bySignal.get(entry.b)?.delete(entry);
    // An idle transport holds no timer, so it never keeps the process alive.
    if (this.#entries.size === 0 && this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  #follow(signal: AbortSignal, entry: Entry): void {
    let watched = this.#bySignal.get(signal);
    if (watched === undefined) {
      const set = new Set<Entry>();
      watched = set;
      this.#bySignal.set(signal, set);
      signal.addEventListener(
        'abort',
        () => {
          for (const each of [...set]) {
            this.forget(each);
            each.stop('cancel');
          }
        },
        { once: true },
      );
    }
    watched.add(entry);
  }

  #arm(at: number): void {
    this.#timer = setTimeout(() => this.#expire(), Math.max(0, at - performance.now()));
  }

  /**
   * One timer for all: it fires at the oldest request's deadline, stops every request past its
   * deadline, and is armed again for the oldest one left. A request that ends early costs no timer.
   */
  #expire(): void {
    this.#timer = undefined;
    const now = performance.now();
    for (const entry of this.#entries) {
      if (entry.deadline > now) {
        this.#arm(entry.deadline);
        return;
      }
      this.forget(entry);
      entry.stop('timeout');
    }
  }
}

/**
 * Timeouts and cancellation for the requests of one transport without an AbortSignal, a listener
 * or a timer per request: profiles of fast targets showed the per-request signal, its listeners on
 * the long-lived run and operation signals and `setMaxListeners` at several per cent of the CPU.
 * Every request has the same timeout, so deadlines come in start order and one timer (armed for the
 * oldest) serves them all; each cancelling signal gets a single listener that stops the requests
 * it covers.
 */
export function inFlightRequests(timeoutMs: number): InFlightRequests {
  return new Registry(timeoutMs);
}
