import type { Exchange, HttpRequest, Violation } from '@assay/model';
import type { TransportFault } from '../../_internals/classify-transport-error.js';
import type { SendOutcome } from '../../transport/create-transport.js';
import { reportCheckThrew } from '../engine-warnings.js';
import type { OperationContext } from '../operation-context.js';
import { assertReachable } from './assert-reachable.js';
import { clearFaults, countFault } from './count-fault.js';

/**
 * The checks step of the exchange pipeline: the violations of one outcome, under the selected
 * checks. A fault goes through the unreachable decision ({@link assertReachable}, which may end the
 * run) and fault counting ({@link countFault}, which may give the operation up), then becomes a
 * `response-timeout` / `transport-error` violation; a response resets the fault count and goes
 * through every exchange check. A check that throws is a warning, never a finding.
 *
 * @throws AssayError `target-unreachable`
 */
export function judgeOutcome(op: OperationContext, request: HttpRequest, outcome: SendOutcome): Violation[] {
  if (outcome.kind === 'aborted') return [];
  const { selectedChecks, kit } = op.run.options;
  if (outcome.kind === 'fault') {
    assertReachable(op, outcome.sent.url, outcome.fault);
    countFault(op, outcome.fault);
    if (!selectedChecks.has(outcome.fault.check)) return [];
    op.checks.add(outcome.fault.check);
    return [faultViolation(outcome.fault)];
  }
  clearFaults(op);
  const exchange: Exchange = { operation: op.operation, request, response: outcome.response };
  const found: Violation[] = [];
  if (outcome.response.truncated && selectedChecks.has('transport-error')) {
    // Checks stay silent on a cut body (they cannot be sure); say here that it was not fully tested.
    op.checks.add('transport-error');
    found.push(cutBodyViolation(op.run.options.maxBodyBytes));
  }
  if (!op.checked) {
    for (const check of kit.checks) op.checks.add(check.id);
    op.checked = true;
  }
  // The hottest loop of a run: no closure nor spread per check and request.
  for (const check of kit.checks) {
    let violations: Violation[];
    try {
      violations = check.verify(exchange);
    } catch (error) {
      reportCheckThrew(op.run, check.id, error);
      continue;
    }
    for (const violation of violations) found.push(violation);
  }
  return found;
}

function faultViolation(fault: TransportFault): Violation {
  return {
    check: fault.check,
    severity: 'error',
    message: fault.message,
    pointer: '',
    keyword: fault.code,
    expected: 'a complete response',
    actual: fault.code,
    fingerprint: fault.code,
  };
}

function cutBodyViolation(maxBodyBytes: number | undefined): Violation {
  return {
    check: 'transport-error',
    severity: 'warning',
    message: `the response body is longer than the read cap${maxBodyBytes === undefined ? '' : ` of ${maxBodyBytes} bytes`} (--max-body): it was cut and not fully checked`,
    pointer: '',
    keyword: 'max-body',
    expected: `at most ${maxBodyBytes ?? 'the cap'} bytes`,
    actual: 'more',
    fingerprint: 'transport-error|max-body',
  };
}
