/**
 * What one check did on one operation, counted by the engine as it runs: how many responses (for a
 * sequence check: sequences) it judged, and how many of those broke it. A check that judged nothing
 * carries the reason it could not apply, when it cannot (see `CheckOutcome`).
 */
export interface CheckTally {
  judged: number;
  /** Responses (or sequences) with at least one error-severity violation of this check. */
  failed: number;
  /** Set when the check cannot apply to the operation, e.g. `the operation is not a list`. */
  notApplicable?: string;
}
