/**
 * A broken contract, as data. Formatting is a reporter's job.
 */
export interface Violation {
  /** The id of the check that found it, e.g. `response-schema-conformance`. */
  check: string;
  /** `error` breaks the contract; `warning` is suspicious but allowed by the spec. */
  severity: 'error' | 'warning';
  /** One line for people. */
  message: string;
  /** JSON pointer to the offending value in the response body; `''` for the whole body or a non-body part. */
  pointer: string;
  /** The rule broken: a schema keyword (`type`, `required`), or the check's own name for it (`total-pages`). */
  keyword: string;
  expected: unknown;
  actual: unknown;
  /**
   * What makes two violations "the same bug" when grouping failures, e.g. a schema path. Checks set
   * it so that the value (which varies per request) does not split one bug into many.
   */
  fingerprint: string;
  /**
   * Sequence checks only: the index, among the exchanges the check was given, of the one whose
   * answer broke the rule (the second page of a walk, the page past the last). Reports show that
   * request and its response, so its curl reproduces the finding alone. Absent when the sequence
   * as a whole broke it: the sequence's first request stands for it.
   */
  at?: number;
}
