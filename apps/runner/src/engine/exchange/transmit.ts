import type { HttpRequest } from '@assay/model';
import { recordLatency } from '../../report/latency-histogram.js';
import type { SendOutcome } from '../../transport/create-transport.js';
import type { OperationContext } from '../operation-context.js';

/**
 * The transport step of the exchange pipeline: sends a request exactly as given (credentials
 * already decided) and counts it, for the run and the operation, as soon as it completes (so the
 * unreachable decision knows whether any response came back, whatever the order of handling).
 */
export async function transmit(op: OperationContext, request: HttpRequest): Promise<SendOutcome> {
  const outcome = await op.run.options.transport.send(request, op.cancel.signal);
  op.run.requests += outcome.attempts;
  op.result.requests += outcome.attempts;
  if (outcome.kind === 'response') {
    op.run.anyResponse = true;
    recordLatency(op.result.latency, outcome.response.durationMs);
  }
  return outcome;
}
