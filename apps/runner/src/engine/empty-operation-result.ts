import type { Operation } from '@assay/model';
import { latencyHistogram } from '../report/latency-histogram.js';
import type { OperationResult } from './run-result.js';

/** The result of an operation before anything was sent: no requests, no failures, an empty histogram. */
export function emptyOperationResult(operation: Operation): OperationResult {
  return {
    operationId: operation.id,
    method: operation.method,
    path: operation.path,
    tags: operation.tags,
    requests: 0,
    byMode: {},
    failures: 0,
    checks: [],
    latency: latencyHistogram(),
    durationMs: 0,
  };
}
