import type { Check, Exchange } from '@assay/model';
import type { DifferenceLabel } from './diff-result.js';

/** The failing check ids of an exchange: the same exchange checks `assay run` applies. */
export function failingChecks(checks: readonly Check[], exchange: Exchange): string[] {
  const failing = new Set<string>();
  for (const check of checks) {
    try {
      if (check.verify(exchange).some((v) => v.severity === 'error')) failing.add(check.id);
    } catch {
      // A check that throws judges nothing: the run's own warnings report it on A's side.
    }
  }
  return [...failing].sort();
}

/** Which side breaks the spec, from the failing checks of each side's answer. */
export function labelDifference(failingA: readonly string[], failingB: readonly string[]): DifferenceLabel {
  if (failingA.length === 0 && failingB.length === 0) return 'both-conform';
  if (failingA.length === 0) return 'b-breaks-spec';
  if (failingB.length === 0) return 'a-breaks-spec';
  return 'both-break-spec';
}
