import type { Operation } from '@assay/model';
import { emptyOperationResult } from './empty-operation-result.js';
import type { OperationResult } from './run-result.js';

/**
 * The result of an operation that sent nothing, with the reason. Listed so that a report shows
 * what was never tested (not selected for this method, or not reached before the run stopped).
 */
export function skippedOperationResult(operation: Operation, reason: string): OperationResult {
  return { ...emptyOperationResult(operation), skipped: reason };
}
