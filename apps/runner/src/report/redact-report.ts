import type { Redactor } from './create-redactor.js';
import { curlCommand } from './curl-command.js';
import type { RunReport } from './run-report.js';

/**
 * A copy of `report` with the run's credentials removed from every string: headers, URLs, bodies,
 * messages, commands, the spec and target. A reproduction keeps its shell variables
 * (`"$ASSAY_BEARER"`) and loses any configured secret value; one that is missing is built from the
 * redacted request. Every reporter calls it.
 */
export function redactReport(report: RunReport, redactor: Redactor): RunReport {
  const text = redactor.text;
  return {
    ...report,
    version: text(report.version),
    spec: redactor.url(report.spec),
    target: redactor.url(report.target),
    summary: { ...report.summary },
    checks: report.checks.map((check) => ({ ...check, check: text(check.check) })),
    warnings: report.warnings.map(text),
    ...(report.configFile === undefined ? {} : { configFile: text(report.configFile) }),
    operations: report.operations.map((operation) => ({
      ...operation,
      operationId: text(operation.operationId),
      path: text(operation.path),
      ...(operation.reason === undefined ? {} : { reason: text(operation.reason) }),
      checks: operation.checks.map(text),
      outcomes: operation.outcomes.map((outcome) => ({
        ...outcome,
        check: text(outcome.check),
        ...(outcome.reason === undefined ? {} : { reason: text(outcome.reason) }),
      })),
      latency: { ...operation.latency, counts: [...operation.latency.counts] },
    })),
    failures: report.failures.map((failure) => {
      const request = redactor.request(failure.request);
      return {
        ...failure,
        operationId: text(failure.operationId),
        path: text(failure.path),
        check: text(failure.check),
        message: text(failure.message),
        request,
        response: failure.response === null ? null : redactor.response(failure.response),
        reproduce: failure.reproduce === '' ? curlCommand(request, { redactor }) : text(failure.reproduce),
        ...(failure.serve === undefined ? {} : { serve: text(failure.serve) }),
        rerun: text(failure.rerun),
        counterexamplePath: text(failure.counterexamplePath),
        fingerprint: text(failure.fingerprint),
        ...(failure.sequence === undefined
          ? {}
          : {
              sequence: failure.sequence.map((step) => ({
                ...step,
                url: redactor.url(step.url),
                body: step.body === null ? null : text(step.body),
                ...(step.note === undefined ? {} : { note: text(step.note) }),
              })),
            }),
      };
    }),
    ...(report.uncleaned === undefined ? {} : { uncleaned: report.uncleaned.map(text) }),
  };
}
