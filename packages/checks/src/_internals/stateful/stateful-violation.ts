import type { ResourceTrace, StatefulViolation, Violation } from '@assay/model';
import { fingerprint } from '../fingerprint.js';
import { violation } from '../violation.js';

/**
 * A violation of a sequence check at one step; one bug per check, resource and rule, whatever the
 * ids and values of the sequence that showed it.
 */
export function statefulViolation(
  check: string,
  trace: ResourceTrace,
  step: number,
  fields: Omit<Violation, 'check' | 'severity' | 'fingerprint' | 'pointer'> & { pointer?: string },
): StatefulViolation {
  return {
    step,
    violation: violation(check, {
      message: fields.message,
      pointer: fields.pointer ?? '',
      keyword: fields.keyword,
      expected: fields.expected,
      actual: fields.actual,
      fingerprint: fingerprint(check, trace.resource.collection, fields.keyword),
    }),
  };
}
