import type { Violation } from '@assay/model';

/** Builds a violation; severity defaults to `error`. */
export function violation(
  check: string,
  fields: Omit<Violation, 'check' | 'severity'> & { severity?: Violation['severity'] },
): Violation {
  // Built field by field (no spread): checks of a page breaking a rule on every item make many.
  const out: Violation = {
    check,
    severity: fields.severity ?? 'error',
    message: fields.message,
    pointer: fields.pointer,
    keyword: fields.keyword,
    expected: fields.expected,
    actual: fields.actual,
    fingerprint: fields.fingerprint,
  };
  if (fields.at !== undefined && fields.at >= 0) out.at = fields.at;
  return out;
}
