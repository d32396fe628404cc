import type { FindingKind } from './run-report.js';

/**
 * The check ids the runner itself raises when it could not test (no response, unreadable body,
 * unreachable target): findings of kind `error`, never contract failures.
 */
export const ERROR_CHECKS: ReadonlySet<string> = new Set([
  'transport-error',
  'response-timeout',
  'target-unreachable',
]);

/** `error` for the runner's own could-not-test ids ({@link ERROR_CHECKS}), `failure` for every contract check. */
export function findingKind(check: string): FindingKind {
  return ERROR_CHECKS.has(check) ? 'error' : 'failure';
}
