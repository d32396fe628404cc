import type { TransportFault } from '../../_internals/classify-transport-error.js';
import type { OperationContext } from '../operation-context.js';

/**
 * Transport failures in a row after which an operation is given up: a server that hangs or resets
 * on one operation must not eat the whole time budget, and the other operations carry on.
 */
export const maxConsecutiveFaults = 5;

/**
 * Fault counting: one more transport failure in a row for the operation; at
 * {@link maxConsecutiveFaults} the operation is given up (marked skipped, its queued and in-flight
 * requests cancelled). A response resets the count ({@link clearFaults}).
 */
export function countFault(op: OperationContext, fault: TransportFault): void {
  op.consecutiveFaults += 1;
  if (op.consecutiveFaults >= maxConsecutiveFaults && !op.cancel.signal.aborted) {
    op.result.skipped = `given up after ${maxConsecutiveFaults} transport failures in a row (last: ${fault.message})`;
    op.cancel.abort();
  }
}

/** A response came back: the operation's run of transport failures is over. */
export function clearFaults(op: OperationContext): void {
  op.consecutiveFaults = 0;
}
