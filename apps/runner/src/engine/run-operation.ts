import type { Operation } from '@assay/model';
import { AssayError } from '@assay/model';
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
