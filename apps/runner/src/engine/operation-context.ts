import type { HttpRequest, Operation } from '@assay/model';
import { emptyOperationResult } from './empty-operation-result.js';
import { isStopped, type RunContext } from './run-context.js';
import type { OperationResult } from './run-result.js';
import type { SeenPool } from './seen-values.js';

/**
 * The state of one operation while its phases run. Phases are plain functions of it
 * (`(op) => Promise<void>`, see {@link Phase}); they send through the exchange pipeline
 * (`exchange/exchange.ts`), which fills `result`, `checks`, `seen` and `accepted` as responses come.
 */
export interface OperationContext {
  readonly run: RunContext;
  readonly operation: Operation;
  /** Filled as the operation runs: requests, failures, and the latency histogram recorded into. */
  readonly result: OperationResult;
  /** Ids of the checks that ran on this operation's exchanges. */
  readonly checks: Set<string>;
  /** Whether an exchange reached the exchange checks yet (their ids are then in `checks`). */
  checked: boolean;
  /** Cancels the operation's queued and in-flight requests (see {@link maxConsecutiveFaults}). */
  readonly cancel: AbortController;
  consecutiveFaults: number;
  /**
   * Values seen in this operation's responses. Per operation, not per run: which other operations
   * ran (--operation, --shard) must not change the requests of this one for a given seed, so a CI
   * failure replays with `--operation <id> --seed <n>`.
   */
  readonly seen: SeenPool;
  /** The operation's first example request, if it has one: the auth phase's base request. */
  example?: HttpRequest;
  /** The first example, coverage or positive request the server answered with a 2xx. */
  accepted?: HttpRequest;
}

/** A fresh context for one operation of the run. */
export function operationContext(run: RunContext, operation: Operation): OperationContext {
  return {
    run,
    operation,
    result: emptyOperationResult(operation),
    checks: new Set(),
    checked: false,
    cancel: new AbortController(),
    consecutiveFaults: 0,
    seen: new Map(),
  };
}

/** Whether the operation must stop: the run stopped, or the operation was given up. */
export function isHalted(op: OperationContext): boolean {
  return isStopped(op.run) || op.cancel.signal.aborted;
}
