import type { Violation } from '@assay/model';

/** At most this many violations of one fingerprint come from one exchange. */
export const MAX_PER_FINGERPRINT = 20;

/**
 * Keeps the first few violations of each fingerprint: a page of ten thousand items breaking one
 * rule is one bug, and a report of ten thousand copies helps nobody.
 */
export function capPerFingerprint(violations: Violation[], max = MAX_PER_FINGERPRINT): Violation[] {
  if (violations.length <= max) return violations;
  const seen = new Map<string, number>();
  return violations.filter((v) => {
    const n = (seen.get(v.fingerprint) ?? 0) + 1;
    seen.set(v.fingerprint, n);
    return n <= max;
  });
}
