import type { Operation } from '@assay/model';
import { AssayError } from '@assay/model';
import type { CheckTally } from '../report/check-tally.js';
import { notApplicableReason } from './check-applicability.js';
import { reportPhaseFailed } from './engine-warnings.js';
import { isHalted, type OperationContext, operationContext } from './operation-context.js';
import { operationPhases } from './phases/operation-phases.js';
import type { NamedPhase } from './phases/phase.js';
import { isStopped, type RunContext } from './run-context.js';
import type { OperationResult } from './run-result.js';

/**
 * Tests one operation: runs its phases in order ({@link operationPhases} unless given), until the
 * run stops or the operation is given up, and returns what happened to it. Its failures go to the
 * run's book; `result.failures` is filled in by the caller once the whole run is known.
 *
 * @throws AssayError `target-unreachable`
 */
export async function runOperation(
  run: RunContext,
  operation: Operation,
  phases: readonly NamedPhase[] = operationPhases,
): Promise<OperationResult> {
  run.current = `${operation.method} ${operation.path}`;
  const op = operationContext(run, operation);
  initTallies(op);
  run.options.onOperationStarted?.(operation);
  const started = performance.now();
  for (const phase of phases) {
    if (isHalted(op)) break;
    await runPhase(op, phase);
  }
  op.result.checks = [...op.checks].sort();
  op.result.durationMs = Math.round(performance.now() - started);
  if (isStopped(run)) op.result.skipped ??= 'stopped early: the run was interrupted or ran out of time';
  return op.result;
}

/** Every selected check starts at nothing judged, or says why it cannot apply here. */
function initTallies(op: OperationContext): void {
  const tallies: Record<string, CheckTally> = {};
  const { kit } = op.run.options;
  for (const check of [...kit.checks, ...kit.sequenceChecks]) {
    const reason = notApplicableReason(check.id, op.operation);
    tallies[check.id] = { judged: 0, failed: 0, ...(reason === undefined ? {} : { notApplicable: reason }) };
  }
  op.result.tallies = tallies;
}

/**
 * Runs a phase so that a bug in Assay (a helper that throws) costs that phase only: it becomes a
 * warning and the run goes on. User-facing errors (`target-unreachable`) still end the run.
 */
async function runPhase(op: OperationContext, phase: NamedPhase): Promise<void> {
  try {
    await phase.run(op);
  } catch (error) {
    if (AssayError.is(error)) throw error;
    reportPhaseFailed(op.run, op.operation, phase.name, error);
  }
}
