import type { Failure, OperationResult } from '../engine/run-result.js';
import type { FailureReport, OperationReport } from '../report/run-report.js';
import { type ToRunReportOptions, toRunReport } from '../report/to-run-report.js';

/**
 * The report of one finished operation, as the whole run's report will show it (same states, same
 * reproductions): for the lines and events printed while the run goes on.
 */
export function operationReportOf(
  result: OperationResult,
  failures: readonly Failure[],
  run: { version: string; seed: number; spec: string; target: string },
  options: ToRunReportOptions,
): { operation: OperationReport; failures: FailureReport[] } {
  const report = toRunReport(
    {
      tool: 'assay',
      ...run,
      startedAt: new Date().toISOString(),
      durationMs: 0,
      requests: result.requests,
      operations: [result],
      failures: [...failures],
      checks: Object.keys(result.tallies ?? {}).sort(),
      incomplete: false,
      secrets: [],
    },
    options,
  );
  return { operation: report.operations[0]!, failures: report.failures };
}
