import type { HttpRequest, Violation } from '@assay/model';
import type { SendOutcome } from '../../transport/create-transport.js';
import { judgesExchange } from '../check-applicability.js';
import type { OperationContext } from '../operation-context.js';

/**
 * The counting step of the exchange pipeline: the response's status (auth probes left out, since
 * they are refused on purpose), and for each exchange check that applies to the operation whether
 * it judged this response and whether the response broke it. The reports' per-check counts and
 * states come from here.
 */
export function tallyExchange(
  op: OperationContext,
  request: HttpRequest,
  outcome: SendOutcome,
  violations: readonly Violation[],
): void {
  if (outcome.kind !== 'response') return;
  const { status } = outcome.response;
  const { statuses, tallies } = op.result;
  if (request.mode !== 'auth' && statuses !== undefined) statuses[status] = (statuses[status] ?? 0) + 1;
  if (tallies === undefined) return;
  for (const check of op.run.options.kit.checks) {
    const tally = tallies[check.id];
    if (tally === undefined || tally.notApplicable !== undefined) continue;
    if (!judgesExchange(check.id, request.mode, status)) continue;
    tally.judged += 1;
    if (violations.some((v) => v.check === check.id && v.severity === 'error')) tally.failed += 1;
  }
}
