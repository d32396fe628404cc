import type { Difference, HttpMethod } from '@assay/model';
import type { ReceivedResponse, RunResult, SentRequest } from '../engine/run-result.js';

/**
 * What the spec says of a difference: which side (if any) breaks the documented contract on that
 * request, by the exchange checks of `assay run` run on each side's answer.
 */
export type DifferenceLabel = 'a-breaks-spec' | 'b-breaks-spec' | 'both-conform' | 'both-break-spec';

/** One distinct difference between the two implementations, grouped across the requests that showed it. */
export interface DiffFinding {
  operationId: string;
  method: HttpMethod;
  operationPath: string;
  difference: Difference;
  label: DifferenceLabel;
  /** Check ids that failed on each side's answer to the reported request. */
  violationsA: string[];
  violationsB: string[];
  /** The shortest request that showed it (fewest characters of URL and body), sent alike to both. */
  request: SentRequest;
  responseA: ReceivedResponse;
  /** Absent when B gave no usable answer (timeout, reset): then `difference.b` says what happened. */
  responseB?: ReceivedResponse;
  /** How many requests showed this same difference. */
  occurrences: number;
}

/** The outcome of `assay diff`: the run against A (its own findings included) and the differences with B. */
export interface DiffResult {
  run: RunResult;
  /** B's base URL. */
  against: string;
  /** Requests B answered, and those it gave no usable answer to. */
  answeredByB: number;
  unansweredByB: number;
  differences: DiffFinding[];
}
