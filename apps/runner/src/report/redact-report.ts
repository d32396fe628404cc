import type { Redactor } from './create-redactor.js';
import { curlCommand } from './curl-command.js';
import type { RunReport } from './run-report.js';

/**
 * A copy of `report` with the run's credentials removed from every string: headers, URLs, bodies,
 * messages, the spec and target. Each `reproduce` command is rebuilt from the redacted request, so
 * a reproduction never carries a credential the engine forgot to strip. Every reporter calls it.
 */
export function redactReport(report: RunReport, redactor: Redactor): RunReport {
  const text = redactor.text;
  return {
    ...report,
    version: text(report.version),
    spec: redactor.url(report.spec),
    target: redactor.url(report.target),
    summary: { ...report.summary },
    operations: report.operations.map((operation) => ({
      ...operation,
      operationId: text(operation.operationId),
      path: text(operation.path),
      checks: operation.checks.map(text),
      latency: { ...operation.latency, counts: [...operation.latency.counts] },
    })),
    failures: report.failures.map((failure) => {
      const request = redactor.request(failure.request);
      return {
        ...failure,
        operationId: text(failure.operationId),
        check: text(failure.check),
        message: text(failure.message),
        request,
        response: failure.response === null ? null : redactor.response(failure.response),
        reproduce: curlCommand(request, { redactor }),
        path: text(failure.path),
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
