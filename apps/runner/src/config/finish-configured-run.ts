import type { Failure, RunResult, RunWarning } from '../engine/run-result.js';
import { checkEnabled } from './check-enabled.js';
import type { ConfiguredRun } from './configured-run.js';
import type { TransportRecord } from './configured-transport.js';
import type { RunViolation } from './define-check.js';

/**
 * Completes a run's result with what the config file changed: the checks an operation's settings
 * turned off are not listed as run on it (a report must not show them as passed); the plugins' run
 * checks judge every exchange once; hook warnings and hook secrets are added.
 */
export function finishConfiguredRun(
  result: RunResult,
  configured: ConfiguredRun,
  record: TransportRecord,
  selected: ReadonlySet<string>,
): RunResult {
  const operations = result.operations.map((op) => {
    const planned = configured.plan.get(op.operationId);
    if (planned === undefined) return op;
    const tallies = Object.fromEntries(
      Object.entries(op.tallies ?? {}).filter(([id]) => checkEnabled(planned, id)),
    );
    return { ...op, checks: op.checks.filter((id) => checkEnabled(planned, id)), tallies };
  });
  const warnings: RunWarning[] = [...(result.warnings ?? []), ...record.warnings];
  // Transport findings (timeouts, resets) are recorded by the engine itself: an operation whose
  // settings turn their check off does not report them either.
  const failures = result.failures.filter((f) =>
    checkEnabled(configured.plan.get(f.operationId), f.violation.check),
  );
  const exchanges = record.exchanges.map((entry) => entry.exchange);
  const runChecks = configured.plugins.runChecks.filter((check) => selected.has(check.id));
  const last = record.exchanges.at(-1);
  for (const check of last === undefined ? [] : runChecks) {
    let violations: RunViolation[];
    try {
      violations = check.verify(exchanges);
    } catch (error) {
      warnings.push({
        code: 'check-threw',
        message: `check ${check.id} threw: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    for (const op of operations)
      if (op.requests > 0 && !op.checks.includes(check.id)) op.checks = [...op.checks, check.id].sort();
    for (const violation of violations) {
      const shown = record.exchanges.find((entry) => entry.exchange === violation.exchange) ?? last!;
      const { operation, request, response } = shown.exchange;
      const same = failures.find(
        (f) =>
          f.operationId === operation.id &&
          f.violation.check === violation.check &&
          f.violation.fingerprint === violation.fingerprint,
      );
      if (same !== undefined) {
        same.occurrences += 1;
        continue;
      }
      const failure: Failure = {
        operationId: operation.id,
        method: operation.method,
        operationPath: operation.path,
        violation: {
          check: violation.check,
          severity: violation.severity,
          message: violation.message,
          pointer: violation.pointer,
          keyword: violation.keyword,
          expected: violation.expected,
          actual: violation.actual,
          fingerprint: violation.fingerprint,
        },
        mode: request.mode,
        request: shown.outcome.sent,
        response: {
          status: response.status,
          headers: response.headers,
          body: response.body,
          truncated: response.truncated,
          durationMs: response.durationMs,
        },
        seed: result.seed,
        shrunk: false,
        occurrences: 1,
      };
      failures.push(failure);
      const op = operations.find((o) => o.operationId === operation.id);
      if (op !== undefined) op.failures += 1;
    }
  }
  const finished: RunResult = {
    ...result,
    operations,
    failures,
    checks: [...new Set([...result.checks, ...runChecks.map((c) => c.id)])].sort(),
    secrets: [...result.secrets, ...record.secrets],
  };
  if (warnings.length > 0) finished.warnings = warnings;
  return finished;
}
