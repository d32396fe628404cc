import type { CheckTally } from '../check-tally.js';
import { ERROR_CHECKS } from '../finding-kind.js';
import type { CheckOutcome, FailureReport, OperationState } from '../run-report.js';

/** What the engine says of one operation, as far as its state depends on it. */
export interface OperationFacts {
  requests: number;
  /** Responses received (timeouts and resets are not responses). */
  responses: number;
  /** Why the operation was not (fully) tested. */
  skipped?: string;
  /** Why no valid request of the operation exists: then nothing it was sent counts as a test of it. */
  untestable?: string;
  /** Checks that ran on at least one exchange. */
  checks: readonly string[];
  /** Per check, what it judged; absent from engines that do not count (the checks' totals are then estimated). */
  tallies?: Readonly<Record<string, CheckTally>>;
}

/**
 * The state of an operation and of each selected check on it. An operation is `failed` when a
 * finding of severity `error` (a contract failure, or an error that kept it from being tested)
 * names it, `not-tested` when no response of it was judged or no valid request of it exists
 * (whatever else was sent), `passed` otherwise. A check is
 * `failed` when one of its findings is an error, `passed` when it judged something, and else
 * `not-applicable` (the engine said why) or `not-tested`. The runner's own could-not-test ids
 * (`transport-error`, `response-timeout`) get an outcome only when they have a finding.
 */
export function operationOutcome(
  facts: OperationFacts,
  selectedChecks: readonly string[],
  findings: readonly FailureReport[],
): { state: OperationState; reason?: string; outcomes: CheckOutcome[] } {
  const failing = findings.filter((f) => f.severity === 'error');
  // An operation no valid request exists for is never passed on what else was sent (a spec example
  // of an unsatisfiable schema is invalid too); a finding of it still fails it.
  const tested = facts.responses > 0 && facts.untestable === undefined;
  const state: OperationState = failing.length > 0 ? 'failed' : tested ? 'passed' : 'not-tested';
  const untestedReason =
    facts.untestable ??
    facts.skipped ??
    (facts.requests === 0 ? 'no request could be generated' : 'no response was received');
  const reason = state === 'not-tested' ? untestedReason : (facts.untestable ?? facts.skipped);
  // With the engine's counts, an operation has the checks it was given (the config file may turn
  // some off for it); without them (an operation never started), every selected check.
  const tallies =
    facts.tallies === undefined || Object.keys(facts.tallies).length === 0 ? undefined : facts.tallies;
  const ids = selectedChecks.filter(
    (id) => !ERROR_CHECKS.has(id) && (tallies === undefined || id in tallies || facts.checks.includes(id)),
  );
  for (const finding of findings) if (!ids.includes(finding.check)) ids.push(finding.check);
  const outcomes = ids.map((check): CheckOutcome => {
    const own = findings.filter((f) => f.check === check);
    const errors = own.filter((f) => f.severity === 'error');
    const tally = tallies?.[check] ?? estimate(facts, check, errors);
    const failed = Math.max(tally.failed, errors.length > 0 ? 1 : 0);
    const judged = Math.max(tally.judged, failed);
    if (errors.length > 0) return { check, state: 'failed', judged, failed };
    if (judged > 0 && facts.untestable === undefined) return { check, state: 'passed', judged, failed: 0 };
    if (tally.notApplicable !== undefined) {
      return { check, state: 'not-applicable', judged: 0, failed: 0, reason: tally.notApplicable };
    }
    return {
      check,
      state: 'not-tested',
      judged: 0,
      failed: 0,
      reason: tested ? 'no response it applies to' : untestedReason,
    };
  });
  return { state, ...(reason === undefined ? {} : { reason }), outcomes };
}

/**
 * Without the engine's counts: a check that ran judged every response, and failed on as many as its
 * error findings occurred (capped at the responses).
 */
function estimate(facts: OperationFacts, check: string, errors: readonly FailureReport[]): CheckTally {
  if (!facts.checks.includes(check)) return { judged: 0, failed: 0 };
  const occurrences = errors.reduce((sum, f) => sum + f.occurrences, 0);
  return { judged: facts.responses, failed: Math.min(facts.responses, occurrences) };
}
