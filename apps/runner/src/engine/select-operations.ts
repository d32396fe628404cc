import type { HttpMethod, Operation } from '@assay/model';
import { AssayError } from '@assay/model';
import { stableHash } from '../_internals/stable-hash.js';

/** Methods that cannot change server state (RFC 9110 §9.2.1); the only ones sent without --unsafe. */
export const safeMethods: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Which operations a run tests. */
export interface OperationSelection {
  /** operationIds or `METHOD /path`; empty: every operation. */
  operations: readonly string[];
  /** Empty: every tag. */
  tags: readonly string[];
  shard?: { index: number; count: number };
  unsafe: boolean;
}

/** The selected operations, and those left out with the reason. */
export interface SelectedOperations {
  selected: Operation[];
  /** Every other operation of the spec, with why: unsafe without --unsafe, or not selected. */
  skipped: Array<{ operation: Operation; reason: string }>;
}

/**
 * Applies --operation, --tag, --shard and --unsafe in that order. `--operation` and `--tag` must both
 * match when both are given. A shard holds the operations whose stable hash of the id falls in it, so
 * every CI job computes the same split without talking to the others. A selector that matches nothing
 * is an error (a typo must not turn a CI gate green). Every operation left out is returned with
 * its reason, so reports list it as not tested rather than leaving it out.
 */
export function selectOperations(
  operations: readonly Operation[],
  selection: OperationSelection,
): SelectedOperations {
  // Not a selector's fault: the document itself has nothing to send (a webhooks-only 3.1 document).
  if (operations.length === 0) {
    throw new AssayError(
      'no-operations-selected',
      'the spec defines no operation under paths, so there is nothing to test (webhooks and callbacks are not sent)',
    );
  }
  for (const wanted of selection.operations) {
    if (!operations.some((op) => matchesOperation(op, wanted))) {
      const known = operations
        .slice(0, 8)
        .map((op) => op.id)
        .join(', ');
      throw new AssayError(
        'no-operations-selected',
        `--operation ${JSON.stringify(wanted)} matches no operation (known: ${known}${operations.length > 8 ? ', …' : ''})`,
        { flag: '--operation' },
      );
    }
  }
  for (const tag of selection.tags) {
    if (!operations.some((op) => op.tags.includes(tag))) {
      throw new AssayError('no-operations-selected', `--tag ${JSON.stringify(tag)} matches no operation`, {
        flag: '--tag',
      });
    }
  }
  const left: SelectedOperations['skipped'] = [];
  let chosen: Operation[] = [];
  for (const op of operations) {
    const reason = leftOutBy(op, selection);
    if (reason === undefined) chosen.push(op);
    else left.push({ operation: op, reason });
  }
  if (chosen.length === 0) {
    throw new AssayError('no-operations-selected', '--operation and --tag together select no operation', {
      flag: '--operation',
    });
  }
  const shard = selection.shard;
  if (shard !== undefined) {
    const inShard: Operation[] = [];
    for (const op of chosen) {
      const own = (stableHash(op.id) % shard.count) + 1;
      if (own === shard.index) inShard.push(op);
      else
        left.push({ operation: op, reason: `${NOT_SELECTED} (in shard ${own} of ${shard.count}, --shard)` });
    }
    chosen = inShard;
  }
  const selected: Operation[] = [];
  const skipped: SelectedOperations['skipped'] = [];
  for (const op of chosen) {
    if (selection.unsafe || safeMethods.has(op.method)) selected.push(op);
    else skipped.push({ operation: op, reason: `${op.method} is not sent without --unsafe` });
  }
  // Left out by the selection comes last, in spec order: listed as not tested, never silently absent.
  const order = new Map(operations.map((op, index) => [op, index] as const));
  left.sort((a, b) => order.get(a.operation)! - order.get(b.operation)!);
  return { selected, skipped: [...skipped, ...left] };
}

/** How the reason of an operation the selection left out begins (`--operation`, `--tag`, `--shard`). */
export const NOT_SELECTED = 'not selected';

/** Whether a not-tested reason is the selection's (the operation was not asked for), not a failure to test it. */
export function leftOutBySelection(reason: string): boolean {
  return reason.startsWith(NOT_SELECTED);
}

function leftOutBy(op: Operation, selection: OperationSelection): string | undefined {
  if (selection.operations.length > 0 && !selection.operations.some((wanted) => matchesOperation(op, wanted)))
    return `${NOT_SELECTED} (--operation)`;
  if (selection.tags.length > 0 && !selection.tags.some((tag) => op.tags.includes(tag)))
    return `${NOT_SELECTED} (--tag)`;
  return undefined;
}

function matchesOperation(op: Operation, wanted: string): boolean {
  if (op.id === wanted) return true;
  const match = /^([A-Za-z]+)\s+(\S+)$/.exec(wanted.trim());
  return match !== null && match[1]!.toUpperCase() === op.method && match[2] === op.path;
}
