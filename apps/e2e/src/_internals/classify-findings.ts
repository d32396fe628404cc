import type { Failure } from '@assay/runner';
import { describeFailure } from './run-assay.js';

/**
 * A finding we expect from a run, judged real: the server breaks the document it is tested
 * against. `required` findings must show up (their loss means Assay stopped seeing the bug);
 * the others may, depending on which requests the generators happen to make.
 */
export interface ExpectedFinding {
  check: string;
  /** Why the server is at fault, in one line, for the test output. */
  why: string;
  required: boolean;
  matches(failure: Failure): boolean;
}

/** The findings of a run sorted into explained (expected, real), unexplained, and expected but missing. */
export interface Classification {
  explained: Array<{ failure: Failure; expected: ExpectedFinding }>;
  /** Findings no expectation explains: false positives of the tool, or new real bugs to record. */
  unexplained: Failure[];
  missing: ExpectedFinding[];
  /** A table for the test output. */
  table: string;
}

/** Sorts each failure under the first expectation that matches it. */
export function classifyFindings(
  failures: readonly Failure[],
  expected: readonly ExpectedFinding[],
): Classification {
  const explained: Classification['explained'] = [];
  const unexplained: Failure[] = [];
  for (const failure of failures) {
    const match = expected.find((e) => e.check === failure.violation.check && e.matches(failure));
    if (match === undefined) unexplained.push(failure);
    else explained.push({ failure, expected: match });
  }
  const missing = expected.filter((e) => e.required && !explained.some((x) => x.expected === e));
  const table = [
    ...explained.map(
      ({ failure, expected }) => `  real  ${describeFailure(failure)}\n        why: ${expected.why}`,
    ),
    ...unexplained.map((failure) => `  ???   ${describeFailure(failure)}`),
    ...missing.map((e) => `  MISSING ${e.check}: ${e.why}`),
  ].join('\n');
  return { explained, unexplained, missing, table };
}

/** The query parameters of the failure's request. */
export function queryOf(failure: Failure): URLSearchParams {
  return new URL(failure.request.url).searchParams;
}
