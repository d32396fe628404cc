import type { EngineOptions } from './engine-options.js';
import { isStopped, reportProgress, runContext } from './run-context.js';
import { runOperation } from './run-operation.js';
import type { Failure, OperationResult, RunWarning } from './run-result.js';
import { skippedOperationResult } from './skipped-operation-result.js';

/** What the engine found. */
export interface EngineOutcome {
  operations: OperationResult[];
  failures: Failure[];
  requests: number;
  aborted: boolean;
  /** Things Assay could not do (a generator or check that threw): bugs in Assay, not in the API. */
  warnings: RunWarning[];
  /** Problems of the spec met while generating (a schema no value satisfies): the spec's to fix. */
  specWarnings: RunWarning[];
}

/**
 * Tests each operation in turn ({@link runOperation}): examples, coverage cases, property-based
 * positive and negative requests, then (list operations) pagination walks and query probes, and
 * ignored-auth probes. Requests of a phase are generated first, in a fixed order, then sent through
 * the transport (which keeps that order on the wire), and their responses are handled in that same
 * order: so a seed replays the same requests whatever the concurrency.
 *
 * @throws AssayError `target-unreachable` when the first requests find nothing listening
 */
export async function runEngine(options: EngineOptions): Promise<EngineOutcome> {
  const run = runContext(options);
  const results: OperationResult[] = [];
  for (const operation of options.operations) {
    if (isStopped(run)) {
      // Listed, so a report of a cut run shows what was never tested.
      results.push(
        skippedOperationResult(operation, 'not reached: the run was interrupted or ran out of time'),
      );
      continue;
    }
    results.push(await runOperation(run, operation));
    run.operationsDone += 1;
    reportProgress(run);
  }
  const failures = run.book
    .list()
    .sort(
      (a, b) =>
        compare(a.operationId, b.operationId) ||
        compare(a.violation.check, b.violation.check) ||
        compare(a.violation.fingerprint, b.violation.fingerprint),
    );
  for (const result of results) result.failures = run.book.countFor(result.operationId);
  return {
    operations: results,
    failures,
    requests: run.requests,
    aborted: isStopped(run),
    warnings: run.warnings,
    specWarnings: run.specWarnings,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
