import type { EngineOptions } from './engine-options.js';
import { FailureBook } from './failure-book.js';
import type { RunWarning } from './run-result.js';

/**
 * The state of a whole run, shared by its operations: the options, the failure book, the counters
 * behind the progress line, and what Assay could not do (warnings). Everything of one operation
 * lives in its {@link OperationContext} instead.
 */
export interface RunContext {
  readonly options: EngineOptions;
  /** Every distinct failure found so far, grouped by operation, check and fingerprint. */
  readonly book: FailureBook;
  /** `performance.now()` when the run started. */
  readonly started: number;
  /** Requests sent (retries included). */
  requests: number;
  operationsDone: number;
  /** Whether any request got a response: once one did, a fault is no longer "target unreachable". */
  anyResponse: boolean;
  /** Set once the deadline was seen to pass (the caller was told through `onDeadline`). */
  deadlinePassed: boolean;
  /** The operation being tested, for the progress line. */
  current?: string;
  /** Things Assay could not do (a generator or check that threw): bugs in Assay, not in the API. */
  readonly warnings: RunWarning[];
  /** Problems of the spec met while generating (a schema no value satisfies): the spec's to fix. */
  readonly specWarnings: RunWarning[];
  /** Keys of the warnings said once (see `engine-warnings.ts`). */
  readonly warned: Set<string>;
}

/** A fresh run context for the given options. */
export function runContext(options: EngineOptions): RunContext {
  return {
    options,
    book: new FailureBook(),
    started: performance.now(),
    requests: 0,
    operationsDone: 0,
    anyResponse: false,
    deadlinePassed: false,
    warnings: [],
    specWarnings: [],
    warned: new Set(),
  };
}

/** Whether the run must stop: the deadline passed (the caller is told once) or the signal aborted. */
export function isStopped(run: RunContext): boolean {
  const { deadline, onDeadline, signal } = run.options;
  if (!run.deadlinePassed && deadline !== undefined && performance.now() >= deadline) {
    run.deadlinePassed = true;
    onDeadline?.();
  }
  return run.deadlinePassed || signal?.aborted === true;
}

/** Emits the progress line's figures, when the caller listens. */
export function reportProgress(run: RunContext): void {
  run.options.onProgress?.({
    operationsDone: run.operationsDone,
    operationsTotal: run.options.operations.length,
    requests: run.requests,
    failures: run.book.size,
    errors: run.book.errors,
    elapsedMs: performance.now() - run.started,
    ...(run.current === undefined ? {} : { current: run.current }),
  });
}
