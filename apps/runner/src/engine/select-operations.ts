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
  skipped: Array<{ operation: Operation; reason: string }>;
}

/**
 * Applies --operation, --tag, --shard and --unsafe in that order. `--operation` and `--tag` must both
 * match when both are given. A shard holds the operations whose stable hash of the id falls in it, so
 * every CI job computes the same split without talking to the others. A selector that matches nothing
 * is an error (a typo must not turn a CI gate green).
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
  let chosen = operations.filter(
    (op) =>
      (selection.operations.length === 0 ||
        selection.operations.some((wanted) => matchesOperation(op, wanted))) &&
      (selection.tags.length === 0 || selection.tags.some((tag) => op.tags.includes(tag))),
  );
  if (chosen.length === 0) {
    throw new AssayError('no-operations-selected', '--operation and --tag together select no operation', {
      flag: '--operation',
    });
  }
  const shard = selection.shard;
  if (shard !== undefined)
    chosen = chosen.filter((op) => stableHash(op.id) % shard.count === shard.index - 1);
  const selected: Operation[] = [];
  const skipped: SelectedOperations['skipped'] = [];
  for (const op of chosen) {
    if (selection.unsafe || safeMethods.has(op.method)) selected.push(op);
    else skipped.push({ operation: op, reason: `${op.method} is not sent without --unsafe` });
  }
  return { selected, skipped };
}

function matchesOperation(op: Operation, wanted: string): boolean {
  if (op.id === wanted) return true;
  const match = /^([A-Za-z]+)\s+(\S+)$/.exec(wanted.trim());
  return match !== null && match[1]!.toUpperCase() === op.method && match[2] === op.path;
}
