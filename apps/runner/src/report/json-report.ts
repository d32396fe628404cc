import { createRedactor } from './create-redactor.js';
import { redactReport } from './redact-report.js';
import type { ReporterOptions } from './reporter-options.js';
import type { RunReport } from './run-report.js';

/**
 * The JSON report: exactly the documented contract, keys in contract order, pretty-printed.
 * `incomplete` appears only on an interrupted run and `summary.errors` only when there were errors;
 * the in-memory extras (`kind`, checks run, latency) are left out. Errors are told from failures by
 * their check id (`transport-error`, `response-timeout`). Credentials are redacted, and a last pass
 * over the text catches a secret that only appears once escaped.
 */
export function jsonReport(report: RunReport, options: ReporterOptions = {}): string {
  const redactor = options.redactor ?? createRedactor();
  const safe = redactReport(report, redactor);
  const contract = {
    tool: safe.tool,
    version: safe.version,
    seed: safe.seed,
    spec: safe.spec,
    target: safe.target,
    ...(safe.incomplete === true ? { incomplete: true } : {}),
    ...(safe.incomplete === true && safe.incompleteReason !== undefined
      ? { incompleteReason: safe.incompleteReason }
      : {}),
    summary: {
      operations: safe.summary.operations,
      requests: safe.summary.requests,
      failures: safe.summary.failures,
      ...(safe.summary.errors === undefined ? {} : { errors: safe.summary.errors }),
      durationMs: safe.summary.durationMs,
    },
    operations: safe.operations.map((operation) => ({
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      requests: operation.requests,
      failures: operation.failures,
    })),
    failures: safe.failures.map((failure) => ({
      operationId: failure.operationId,
      check: failure.check,
      message: failure.message,
      severity: failure.severity,
      request: {
        method: failure.request.method,
        url: failure.request.url,
        headers: failure.request.headers,
        body: failure.request.body,
      },
      response:
        failure.response === null
          ? null
          : {
              status: failure.response.status,
              headers: failure.response.headers,
              body: failure.response.body,
            },
      reproduce: failure.reproduce,
      seed: failure.seed,
      path: failure.path,
      occurrences: failure.occurrences,
      ...(failure.sequence === undefined ? {} : { sequence: failure.sequence }),
    })),
    ...(safe.uncleaned === undefined ? {} : { uncleaned: safe.uncleaned }),
  };
  return redactor.text(`${JSON.stringify(contract, null, 2)}\n`);
}
