import { ERROR_CHECKS } from '../report/finding-kind.js';
import type { Failure } from './run-result.js';

/**
 * Groups failures by operation, check and fingerprint: one entry per bug, with a count of the
 * requests that showed it. The first occurrence is kept until shrinking replaces it with a smaller one.
 */
export class FailureBook {
  readonly #entries = new Map<string, Failure>();
  readonly #claimed = new Set<string>();
  #errors = 0;

  /** Records one occurrence; returns true when it is a bug not seen before. */
  record(failure: Failure): boolean {
    const key = FailureBook.key(failure.operationId, failure.violation.check, failure.violation.fingerprint);
    const known = this.#entries.get(key);
    if (known !== undefined) {
      known.occurrences += 1;
      return false;
    }
    this.#entries.set(key, { ...failure, occurrences: 1 });
    if (ERROR_CHECKS.has(failure.violation.check)) this.#errors += 1;
    return true;
  }

  /**
   * True once per bug, for the first occurrence that came from an arbitrary (it has a fast-check
   * path) while the bug's kept reproduction does not come from shrinking yet: that occurrence is the
   * one to shrink. Bugs first seen in the examples or coverage phases thus still get a shrunk
   * reproduction when fuzzing meets them too.
   */
  claimForShrink(failure: Failure): boolean {
    if (failure.path === undefined) return false;
    return this.claimKey(
      FailureBook.key(failure.operationId, failure.violation.check, failure.violation.fingerprint),
    );
  }

  /**
   * Counts one more occurrence of a bug already recorded under `key` (see {@link FailureBook.key});
   * false when the bug is new. Lets the engine skip building a whole failure for a repeat, which a
   * server breaking a rule on every response otherwise pays for on every request.
   */
  recordRepeat(key: string): boolean {
    const known = this.#entries.get(key);
    if (known === undefined) return false;
    known.occurrences += 1;
    return true;
  }

  /** {@link claimForShrink} for a recorded bug's key, for an occurrence that came from an arbitrary. */
  claimKey(key: string): boolean {
    if (this.#claimed.has(key) || !this.#entries.has(key)) return false;
    this.#claimed.add(key);
    return true;
  }

  /**
   * Swaps in the reproduction found by shrinking, keeping the count: always over a generated
   * occurrence (shrinking never grows it), and over an example or coverage request only when it is
   * not longer (URL plus body), since those are already deterministic.
   */
  replace(failure: Failure): void {
    const key = FailureBook.key(failure.operationId, failure.violation.check, failure.violation.fingerprint);
    const known = this.#entries.get(key);
    if (known === undefined) return;
    if (known.path === undefined && size(failure) > size(known)) return;
    this.#entries.set(key, { ...failure, occurrences: known.occurrences });
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Of {@link size}, the findings that say Assay could not test (transport errors, timeouts), not that the API broke its contract. */
  get errors(): number {
    return this.#errors;
  }

  /** Distinct failures of one operation. */
  countFor(operationId: string): number {
    let count = 0;
    for (const failure of this.#entries.values()) if (failure.operationId === operationId) count += 1;
    return count;
  }

  /** Every distinct failure, in the order first seen. */
  list(): Failure[] {
    return [...this.#entries.values()];
  }

  static key(operationId: string, check: string, fingerprint: string): string {
    return `${operationId}\u0000${check}\u0000${fingerprint}`;
  }
}

function size(failure: Failure): number {
  return failure.request.url.length + (failure.request.body?.length ?? 0);
}
