import type { Check, HttpRequest, JsonSchema, Operation, SequenceCheck, StatefulCheck } from '@assay/model';
import type fc from 'fast-check';
import type { ListSequence, SendExchange } from './list-sequence.js';

/**
 * Values seen in earlier responses, by item property name, in the order seen: fed to the
 * generators for filter and search parameters (the shape of @assay/generators' SeenValues).
 */
export type SeenValues = Readonly<Record<string, readonly unknown[]>>;

/**
 * Everything the engine needs from the generators and the checks, as values: the engine wires
 * nothing itself, so tests and other front ends can pass their own.
 */
export interface EngineKit {
  exampleRequests(operation: Operation): HttpRequest[];
  coverageRequests(operation: Operation): HttpRequest[];
  /**
   * Negative requests a lenient framework accepts silently (an extra property, `"7"` for a number,
   * `1` for a boolean, `null` for a required field), made from a request the server accepted.
   */
  coercionRequests?(operation: Operation, request: HttpRequest): HttpRequest[];
  /** @throws AssayError `generation` when the mode cannot be generated for the operation. */
  requestArbitrary(
    operation: Operation,
    mode: 'positive' | 'negative',
    seen: SeenValues,
  ): fc.Arbitrary<HttpRequest>;
  /** Exchange checks, already narrowed to the selected ids. */
  checks: readonly Check[];
  /** Sequence checks (pagination walks, query probes), already narrowed to the selected ids. */
  sequenceChecks: readonly SequenceCheck[];
  /** Checks of create/read/update/delete sequences (the stateful phase), narrowed to the selected ids. */
  statefulChecks?: readonly StatefulCheck[];
  /** The project's validator, for the stateful phase's partial bodies (without it, patches are sent whole). */
  isValid?: (schema: JsonSchema, value: unknown) => boolean;
  /**
   * Phase 4 of a list operation: makes the dependent requests (walks, variants, probes) through
   * `send` and returns the exchanges, in order, with the walks they form, for the sequence checks. `seen` reads the pool as it
   * grows (the walk's pages feed the filter probes). `accepted` is an earlier request of the
   * operation that got a 2xx, for operations whose first page needs path parameters.
   */
  listSequence(
    operation: Operation,
    seen: () => SeenValues,
    send: SendExchange,
    isAborted: () => boolean,
    accepted: HttpRequest | undefined,
  ): Promise<ListSequence>;
}
