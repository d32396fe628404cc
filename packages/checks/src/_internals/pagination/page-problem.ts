/** A pagination rule a page breaks, before it becomes a violation of some check. */
export interface PageProblem {
  keyword: string;
  pointer: string;
  expected: unknown;
  actual: unknown;
  message: string;
}
