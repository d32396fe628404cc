import type { Check, Exchange, HttpRequest, Operation, SequenceCheck } from '@assay/model';
import type fc from 'fast-check';

/** Values seen in earlier responses, by property name: fed to the generators for filters and search. */
export type SeenValues = Map<string, unknown[]>;

/**
 * Everything the engine needs from the generators and the checks, as values: the engine wires
 * nothing itself, so tests and other front ends can pass their own.
 */
export interface EngineKit {
  exampleRequests(operation: Operation): HttpRequest[];
  coverageRequests(operation: Operation): HttpRequest[];
  requestArbitrary(
    operation: Operation,
    mode: 'positive' | 'negative',
    seen: SeenValues,
  ): fc.Arbitrary<HttpRequest>;
  /** Exchange checks, already narrowed to the selected ids. */
  checks: readonly Check[];
  /** Sequence checks (pagination walks, query probes), already narrowed to the selected ids. */
  sequenceChecks: readonly SequenceCheck[];
  /**
   * Phase 4 of a list operation: the sequences of requests to make (pagination walks, query
   * probes). Each plan is driven by the engine: it sends `start`, then asks `next` with every
   * exchange so far until it returns undefined, then runs the sequence checks on the exchanges.
   */
  listPlans(operation: Operation, seen: SeenValues): ListPlan[];
}

/** One sequence of dependent requests, e.g. a walk through every page. */
export interface ListPlan {
  /** For messages: `walk`, `walk page_size=7`, `filter name` … */
  name: string;
  start: HttpRequest;
  /** The next request given the exchanges so far; undefined ends the sequence. */
  next(exchanges: readonly Exchange[]): HttpRequest | undefined;
  /** Upper bound on requests, whatever `next` says (a walk that never ends is itself a finding). */
  maxRequests: number;
}
