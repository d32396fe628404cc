import type { Failure } from './run-result.js';

/**
 * Groups failures by operation, check and fingerprint: one entry per bug, with a count of the
 * requests that showed it. The first occurrence is kept until shrinking replaces it with a smaller one.
 */
export class FailureBook {
  readonly #entries = new Map<string, Failure>();

  /** Records one occurrence; returns true when it is a bug not seen before. */
  record(failure: Failure): boolean {
    const key = FailureBook.key(failure.operationId, failure.check, failure.fingerprint);
    const known = this.#entries.get(key);
    if (known !== undefined) {
      known.occurrences += 1;
      return false;
    }
    this.#entries.set(key, { ...failure, occurrences: 1 });
    return true;
  }

  /** Swaps in the minimal reproduction found by shrinking, keeping the count. */
  replace(failure: Failure): void {
    const key = FailureBook.key(failure.operationId, failure.check, failure.fingerprint);
    const known = this.#entries.get(key);
    if (known !== undefined) this.#entries.set(key, { ...failure, occurrences: known.occurrences });
  }

  get size(): number {
    return this.#entries.size;
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
