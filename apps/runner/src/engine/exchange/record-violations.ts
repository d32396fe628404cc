import type { HttpRequest, Violation } from '@assay/model';
import type { SendOutcome } from '../../transport/create-transport.js';
import { FailureBook } from '../failure-book.js';
import type { OperationContext } from '../operation-context.js';
import { failureOf, type Origin } from './failure-of.js';

/**
 * The record step of the exchange pipeline: puts each violation in the run's failure book (a new
 * bug, or one more occurrence of a known one). Returns the violations whose reproduction this
 * occurrence should shrink (see {@link FailureBook.claimForShrink}).
 */
export function recordViolations(
  op: OperationContext,
  violations: readonly Violation[],
  request: HttpRequest,
  outcome: SendOutcome,
  origin: Origin,
): Violation[] {
  const { book } = op.run;
  const toShrink: Violation[] = [];
  // A check reports up to 20 violations of one fingerprint per exchange (items breaking one rule)
  // and a broken server repeats them on every request: the key of the last one is reused when
  // the next has the same check and fingerprint, so the book hashes one key string, not twenty.
  let lastCheck = '';
  let lastFingerprint = '';
  let key = '';
  for (const violation of violations) {
    if (violation.check !== lastCheck || violation.fingerprint !== lastFingerprint || key === '') {
      lastCheck = violation.check;
      lastFingerprint = violation.fingerprint;
      key = FailureBook.key(op.operation.id, violation.check, violation.fingerprint);
    }
    if (book.recordRepeat(key)) {
      if (origin.path !== undefined && book.claimKey(key)) toShrink.push(violation);
      continue;
    }
    const failure = failureOf(op, violation, request, outcome, origin);
    book.record(failure);
    if (book.claimForShrink(failure)) toShrink.push(violation);
  }
  return toShrink;
}
