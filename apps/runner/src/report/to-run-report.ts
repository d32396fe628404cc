import type { RunResult } from '../engine/run-result.js';
import { createRedactor, type Redactor } from './create-redactor.js';
import { curlCommand } from './curl-command.js';
import { findingKind } from './finding-kind.js';
import type { FailureReport, OperationReport, RunReport } from './run-report.js';
import { REPORT_BODY_BYTES, truncateBody } from './truncate-body.js';

/** Options of {@link toRunReport}. */
export interface ToRunReportOptions {
  /** Cap on each response body in the report, in UTF-8 bytes; 4 KiB by default. */
  maxBodyBytes?: number;
  /** Defaults to a redactor of `result.secrets`. */
  redactor?: Redactor;
}

/**
 * The report of an engine run: findings split into contract failures and could-not-test errors
 * (by check id, see `findingKind`), counts derived from them, response bodies cut to the report cap,
 * latency histograms copied from the result, and a curl reproduction for each finding. The secrets
 * the run carries are not copied; pass the result's redactor to the reporters.
 */
export function toRunReport(result: RunResult, options: ToRunReportOptions = {}): RunReport {
  const redactor = options.redactor ?? createRedactor({ secrets: result.secrets });
  const maxBodyBytes = options.maxBodyBytes ?? REPORT_BODY_BYTES;
  const failures: FailureReport[] = result.failures.map((failure) => {
    const request = {
      method: failure.request.method,
      url: failure.request.url,
      headers: { ...failure.request.headers },
      body: failure.request.body ?? null,
    };
    return {
      operationId: failure.operationId,
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
      reproduce: curlCommand(request, { redactor }),
      seed: failure.seed,
      path: failure.path ?? '',
      occurrences: failure.occurrences,
    };
  });
  const count = (operationId: string | undefined, kind: 'failure' | 'error'): number =>
    failures.filter((f) => f.kind === kind && (operationId === undefined || f.operationId === operationId))
      .length;
  const operations: OperationReport[] = result.operations.map((operation) => {
    // A copy: the report must not share (and let a reporter alter) the result's histogram.
    const latency = { ...operation.latency, counts: [...operation.latency.counts] };
    const errors = count(operation.operationId, 'error');
    return {
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      requests: operation.requests,
      failures: count(operation.operationId, 'failure'),
      ...(errors > 0 ? { errors } : {}),
      checks: [...operation.checks],
      latency,
    };
  });
  const errors = count(undefined, 'error');
  return {
    tool: 'assay',
    version: result.version,
    seed: result.seed,
    spec: result.spec,
    target: result.target,
    ...(result.incomplete ? { incomplete: true } : {}),
    ...(result.incomplete && result.incompleteReason !== undefined
      ? { incompleteReason: result.incompleteReason }
      : {}),
    summary: {
      operations: result.operations.length,
      requests: result.requests,
      failures: count(undefined, 'failure'),
      ...(errors > 0 ? { errors } : {}),
      durationMs: result.durationMs,
    },
    operations,
    failures,
  };
}
