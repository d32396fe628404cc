import type { Exchange, HttpRequest } from '@assay/model';
import type { SendOutcome, Transport } from '../../transport/create-transport.js';
import { reportCheckThrew } from '../engine-warnings.js';
import { exchange } from '../exchange/exchange.js';
import { recordViolations } from '../exchange/record-violations.js';
import { isHalted, type OperationContext } from '../operation-context.js';
import { phaseSeed } from '../phase-seed.js';
import type { SentRequest } from '../run-result.js';
import { snapshot } from '../seen-values.js';

/**
 * Phase 4, list operations only: pagination walks and query probes (`kit.listSequence`), sent one
 * after the other since each depends on the last, each through the exchange pipeline (their pages
 * feed the seen pool, which the filter probes read), then the sequence checks over all of them and
 * the walks they form. A sequence failure is shown with the request of the page that broke the rule
 * (its `at`), else with the request that started the sequence.
 */
export async function listPhase(op: OperationContext): Promise<void> {
  if (op.operation.list === undefined) return;
  const { kit, transport } = op.run.options;
  const origin = { seed: phaseSeed(op.run.options.seed, op.operation.id, 'list') };
  const send = async (request: HttpRequest): Promise<Exchange | undefined> => {
    const { request: sent, outcome } = await exchange(op, request, origin);
    if (outcome.kind !== 'response') return undefined;
    return { operation: op.operation, request: sent, response: outcome.response };
  };
  const { exchanges, walks } = await kit.listSequence(
    op.operation,
    () => snapshot(op.seen),
    send,
    () => isHalted(op),
    op.accepted,
  );
  const head = exchanges[0];
  if (head === undefined) return;
  const outcomeOf = (at: Exchange): SendOutcome => ({
    kind: 'response',
    sent: describeSent(at.request, transport),
    response: at.response,
    attempts: 1,
  });
  const headOutcome = outcomeOf(head);
  for (const check of kit.sequenceChecks) {
    op.checks.add(check.id);
    let violations: ReturnType<typeof check.verify> = [];
    try {
      violations = check.verify(exchanges, walks);
    } catch (error) {
      reportCheckThrew(op.run, check.id, error);
    }
    const tally = op.result.tallies?.[check.id];
    if (tally !== undefined && tally.notApplicable === undefined) {
      tally.judged += 1;
      if (violations.some((v) => v.severity === 'error')) tally.failed += 1;
    }
    // A finding on one page (the second page of a walk, the page past the last) is shown with that
    // page's request and response, so its curl reproduces it alone; the rest with the first request.
    const whole = violations.filter((v) => v.at === undefined || exchanges[v.at] === undefined);
    if (whole.length > 0) recordViolations(op, whole, head.request, headOutcome, origin);
    for (const v of violations) {
      const at = v.at === undefined ? undefined : exchanges[v.at];
      if (at !== undefined) recordViolations(op, [v], at.request, outcomeOf(at), origin);
    }
  }
}

function describeSent(request: HttpRequest, transport: Transport): SentRequest {
  const sent: SentRequest = {
    method: request.method,
    url: transport.urlOf(request),
    headers: request.headers,
  };
  if (request.body !== undefined) {
    sent.body = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
  }
  return sent;
}
