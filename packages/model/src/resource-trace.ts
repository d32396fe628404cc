import type { ApiResource } from './api-resource.js';
import type { Exchange } from './exchange.js';
import type { Violation } from './violation.js';

/** What one step of a stateful sequence did to a resource. */
export type ResourceAction = 'create' | 'read' | 'replace' | 'patch' | 'delete' | 'list';

/** One step of a stateful sequence, with the exchange it made. */
export interface ResourceStep {
  action: ResourceAction;
  /** The exchange; for `list`, the first page of the walk. */
  exchange: Exchange;
  /** The id of the resource acted on (as text, the way it goes into a path); absent for `list`. */
  id?: string;
  /** For `list`: the full walk of the list as its own pagination leads. */
  walk?: ListWalk;
  /**
   * False when the write's documented answer is not the resource as a read shows it (a boolean, an
   * envelope, a status object): its body then says nothing about the resource's state.
   */
  representation?: false;
}

/** A walk of a whole list, following its own pagination. */
export interface ListWalk {
  /** The ids of the items seen, in order (as text), across every page. */
  ids: string[];
  /** Whether the walk reached the last page (a check that needs the whole list is silent otherwise). */
  complete: boolean;
  /** The total the list reported on its first page, when it reports one. */
  total?: number;
}

/** A stateful sequence on one resource, as the sequence checks read it. */
export interface ResourceTrace {
  resource: ApiResource;
  steps: ResourceStep[];
  /**
   * Top-level item properties whose values the server may set on its own (the spec's `readOnly`
   * ones, config's volatile ones): never compared.
   */
  volatile: readonly string[];
  /**
   * False when another client may write meanwhile or the config declares eventual consistency:
   * the checks then say nothing.
   */
  certain: boolean;
}

/** A check over a stateful sequence: a pure function from a trace to the violations it shows. */
export interface StatefulCheck {
  id: string;
  description: string;
  clause: string;
  /** Violations with the index of the step that shows each. */
  verify(trace: ResourceTrace): StatefulViolation[];
}

/** A violation found in a sequence, and the step (index into the trace's steps) that shows it. */
export interface StatefulViolation {
  violation: Violation;
  step: number;
}
