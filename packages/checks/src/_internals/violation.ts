import type { Violation } from '@assay/model';

/** Builds a violation; severity defaults to `error`. */
export function violation(
  check: string,
  fields: Omit<Violation, 'check' | 'severity'> & { severity?: Violation['severity'] },
): Violation {
  return { check, severity: fields.severity ?? 'error', ...fields };
}
