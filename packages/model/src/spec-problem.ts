/** A problem found in a spec: where it is and what is wrong. Data, not an exception. */
export interface SpecProblem {
  severity: 'error' | 'warning';
  /** A stable kebab-case code, e.g. `duplicate-operation-id`, `meta-schema`. */
  code: string;
  /** JSON pointer into the source document. */
  pointer: string;
  message: string;
  /** The file that holds it, for multi-file specs. */
  file?: string;
  line?: number;
  column?: number;
}
