import type { HttpRequest } from '@assay/model';
import { reportFailed, reportSpecProblem } from '../engine-warnings.js';
import type { OperationContext } from '../operation-context.js';

/**
 * The requests a generator builds for a phase. One that throws costs that phase: a `generation`
 * error is the spec's problem (a spec warning), any other a bug in Assay (a warning).
 */
export function generatedRequests(
  op: OperationContext,
  phase: string,
  make: () => HttpRequest[],
): HttpRequest[] {
  try {
    return make();
  } catch (error) {
    if (!reportSpecProblem(op.run, op.operation, phase, error)) {
      reportFailed(op.run, op.operation, `${phase} generation`, error);
    }
    return [];
  }
}
