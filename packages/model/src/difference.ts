/** What part of two answers to the same request differs. */
export type DifferenceKind = 'status' | 'content-type' | 'body' | 'header';

/**
 * How two implementations answered one request differently, as data (formatting is a reporter's
 * job). `a` and `b` are the two sides' values at `pointer`.
 */
export interface Difference {
  kind: DifferenceKind;
  /** A JSON pointer into the body for `body`; the header name for `header`; `''` otherwise. */
  pointer: string;
  /** One line for people. */
  message: string;
  a: unknown;
  b: unknown;
  /** Groups occurrences of the same difference across requests (kind, operation, schema location). */
  fingerprint: string;
}
