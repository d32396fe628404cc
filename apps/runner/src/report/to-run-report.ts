import { formatWarning } from '../engine/format-warning.js';
import type { OperationResult, RunResult } from '../engine/run-result.js';
import { MOCK_ORIGIN } from './_internals/mock-origin.js';
import { operationOutcome } from './_internals/operation-outcome.js';
import { type RunInvocation, rerunCommand, serveCommand } from './_internals/run-commands.js';
import type { CheckTally } from './check-tally.js';
import { createRedactor, type Redactor } from './create-redactor.js';
import { curlCommand } from './curl-command.js';
import { findingKind } from './finding-kind.js';
import type { ListSemanticsReport } from './list-semantics-report.js';
import type { CheckSummary, FailureReport, OperationReport, RunReport } from './run-report.js';
import { statusWarnings } from './status-warnings.js';
import { REPORT_BODY_BYTES, truncateBody } from './truncate-body.js';

export type { RunInvocation } from './_internals/run-commands.js';

/** Options of {@link toRunReport}. */
export interface ToRunReportOptions {
  /** Cap on each response body in the report, in UTF-8 bytes; 4 KiB by default. */
  maxBodyBytes?: number;
  /** Defaults to a redactor of `result.secrets`. */
  redactor?: Redactor;
  /** How the run was invoked: for reproductions that run as printed (see {@link RunInvocation}). */
  invocation?: RunInvocation;
  /** Line of each operation (by operationId) in the spec file, for CI annotations. */
  lines?: ReadonlyMap<string, number>;
  /** The list semantics of each operation (by operationId), as the run read them (see `listSemanticsReport`). */
  lists?: ReadonlyMap<string, ListSemanticsReport>;
}

/**
 * What the engine may count beyond the `OperationResult` contract: per check tallies, and the
 * statuses answered (auth probes left out), for the 404 warning.
 */
type CountedOperation = OperationResult & {
  tallies?: Record<string, CheckTally>;
  statuses?: Record<string, number>;
};

/**
 * The report of an engine run: findings split into contract failures and could-not-test errors
 * (by check id, see `findingKind`); each operation and each check on it given a state (passed,
 * failed, not applicable, not tested, with the reason); counts derived from them; response bodies
 * cut to the report cap; latency histograms copied from the result; and for each finding a curl
 * reproduction (credentials as shell variables; for a mock run, sent to where `assay mock` listens)
 * and the `assay run` command that finds it again. The secrets the run carries are not copied; pass
 * the result's redactor to the reporters.
 */
export function toRunReport(result: RunResult, options: ToRunReportOptions = {}): RunReport {
  const redactor = options.redactor ?? createRedactor({ secrets: result.secrets });
  const maxBodyBytes = options.maxBodyBytes ?? REPORT_BODY_BYTES;
  const invocation = options.invocation ?? {};
  const serve = serveCommand(result.spec, result.seed, invocation);
  const mockBase = `http://127.0.0.1:${invocation.mock?.port ?? 8080}`;
  const failures: FailureReport[] = result.failures.map((failure) => {
    const request = {
      method: failure.request.method,
      url: failure.request.url,
      headers: { ...failure.request.headers },
      body: failure.request.body ?? null,
    };
    // The in-process mock's address never resolves: the reproduction goes where `assay mock` listens.
    const sent =
      serve !== undefined && request.url.startsWith(MOCK_ORIGIN)
        ? { ...request, url: mockBase + request.url.slice(MOCK_ORIGIN.length) }
        : request;
    return {
      operationId: failure.operationId,
      method: failure.method,
      path: failure.operationPath,
      check: failure.violation.check,
      kind: findingKind(failure.violation.check),
      message: failure.violation.message,
      severity: failure.violation.severity,
      request,
      response:
        failure.response === undefined
          ? null
          : {
              status: failure.response.status,
              headers: { ...failure.response.headers },
              body: truncateBody(failure.response.body, maxBodyBytes, failure.response.truncated),
            },
      reproduce: curlCommand(sent, { redactor, variables: invocation.variables ?? [] }),
      ...(serve === undefined ? {} : { serve }),
      rerun: rerunCommand(result, failure, invocation),
      seed: result.seed,
      phaseSeed: failure.seed,
      counterexamplePath: failure.path ?? '',
      mode: failure.mode,
      fingerprint: failure.violation.fingerprint,
      occurrences: failure.occurrences,
      ...(failure.sequence === undefined
        ? {}
        : {
            sequence: failure.sequence.map((step) => ({
              method: step.request.method,
              url: step.request.url,
              body: step.request.body ?? null,
              status: step.status ?? null,
              ...(step.note === undefined ? {} : { note: step.note }),
            })),
          }),
    };
  });
  const count = (operationId: string | undefined, kind: 'failure' | 'error'): number =>
    failures.filter((f) => f.kind === kind && (operationId === undefined || f.operationId === operationId))
      .length;
  const statuses: Record<string, number> = {};
  const operations: OperationReport[] = result.operations.map((op) => {
    const operation = op as CountedOperation;
    for (const [status, n] of Object.entries(operation.statuses ?? {}))
      statuses[status] = (statuses[status] ?? 0) + n;
    // A copy: the report must not share (and let a reporter alter) the result's histogram.
    const latency = { ...operation.latency, counts: [...operation.latency.counts] };
    const errors = count(operation.operationId, 'error');
    const outcome = operationOutcome(
      {
        requests: operation.requests,
        responses: operation.latency.count,
        checks: operation.checks,
        ...(operation.skipped === undefined ? {} : { skipped: operation.skipped }),
        ...(operation.untestable === undefined ? {} : { untestable: operation.untestable }),
        ...(operation.tallies === undefined ? {} : { tallies: operation.tallies }),
      },
      result.checks,
      failures.filter((f) => f.operationId === operation.operationId),
    );
    const line = options.lines?.get(operation.operationId);
    const list = options.lists?.get(operation.operationId);
    return {
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      requests: operation.requests,
      state: outcome.state,
      ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
      failures: count(operation.operationId, 'failure'),
      ...(errors > 0 ? { errors } : {}),
      checks: [...operation.checks],
      outcomes: outcome.outcomes,
      ...(line === undefined ? {} : { line }),
      ...(list === undefined ? {} : { list }),
      latency,
    };
  });
  const errors = count(undefined, 'error');
  const tested = operations.filter((o) => o.state !== 'not-tested').length;
  return {
    tool: 'assay',
    version: result.version,
    seed: result.seed,
    spec: result.spec,
    target: result.target,
    ...(invocation.mock === undefined
      ? {}
      : {
          mock: {
            faults: [...invocation.mock.faults],
            ...(invocation.mock.items === undefined ? {} : { items: invocation.mock.items }),
          },
        }),
    ...(invocation.configFile === undefined ? {} : { configFile: invocation.configFile }),
    startedAt: result.startedAt,
    ...(result.incomplete ? { incomplete: true } : {}),
    ...(result.incomplete && result.incompleteReason !== undefined
      ? { incompleteReason: result.incompleteReason }
      : {}),
    summary: {
      operations: result.operations.length,
      tested,
      notTested: operations.length - tested,
      failed: operations.filter((o) => o.state === 'failed').length,
      requests: result.requests,
      failures: count(undefined, 'failure'),
      ...(errors > 0 ? { errors } : {}),
      durationMs: result.durationMs,
    },
    checks: checkSummaries(operations),
    operations,
    failures,
    warnings: [
      ...statusWarnings(statuses, {
        mock: invocation.mock !== undefined,
        hasCredentials: (invocation.variables ?? []).length > 0,
      }),
      ...(result.specWarnings ?? []).map(formatWarning),
    ],
    ...(result.uncleaned === undefined || result.uncleaned.length === 0
      ? {}
      : { uncleaned: [...result.uncleaned] }),
  };
}

/** Per check over every operation, in first-seen order (the selected checks' order). */
function checkSummaries(operations: readonly OperationReport[]): CheckSummary[] {
  const byCheck = new Map<string, CheckSummary>();
  for (const operation of operations) {
    for (const outcome of operation.outcomes) {
      const summary = byCheck.get(outcome.check) ?? {
        check: outcome.check,
        judged: 0,
        passed: 0,
        failed: 0,
        failedOperations: 0,
      };
      summary.judged += outcome.judged;
      summary.failed += outcome.failed;
      summary.passed = summary.judged - summary.failed;
      if (outcome.state === 'failed') summary.failedOperations += 1;
      byCheck.set(outcome.check, summary);
    }
  }
  return [...byCheck.values()];
}
