import type { HttpRequest } from '@assay/model';
import { reportGenerationFailed, reportSpecProblem } from '../engine-warnings.js';
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
      reportGenerationFailed(op.run, op.operation, phase, error);
    }
    return [];
  }
}
