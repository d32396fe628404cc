import type { Operation } from '@assay/model';
import { latencyHistogram } from '../report/latency-histogram.js';
import type { OperationResult } from './run-result.js';

/**
 * The result of an operation that sent nothing, with the reason. Listed so that a report shows
 * what was never tested (not selected for this method, or not reached before the run stopped).
 */
export function skippedOperationResult(operation: Operation, reason: string): OperationResult {
  return {
    operationId: operation.id,
    method: operation.method,
    path: operation.path,
    tags: operation.tags,
    requests: 0,
    failures: 0,
    checks: [],
    latency: latencyHistogram(),
    durationMs: 0,
    skipped: reason,
  };
}
