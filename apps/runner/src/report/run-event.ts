import type { HttpMethod } from '@assay/model';
import type { CheckOutcome, OperationState, ReportSummary } from './run-report.js';

/**
 * One line of `--report ndjson=<path|->`: what a run does, as it does it, for tools that stream.
 * Every event has `event` and `time` (ISO 8601). In order: one `run-started`; per operation an
 * `operation-started`, its `exchange`s and `failure`s, an `operation-finished`; then one
 * `run-finished`. Operations never sent (unsafe methods, not reached) get only `operation-finished`
 * with state `not-tested`. Credentials are redacted as in every report.
 */
export type RunEvent =
  | {
      event: 'run-started';
      time: string;
      version: string;
      seed: number;
      spec: string;
      target: string;
      configFile?: string;
      /** Operations in the spec (some may not be selected or sent: see each `operation-finished`). */
      operations: number;
    }
  | { event: 'operation-started'; time: string; operationId: string; method: HttpMethod; path: string }
  | {
      event: 'exchange';
      time: string;
      operationId: string;
      /** How the request was made: `example`, `coverage`, `positive`, `negative`, `pagination`, `auth`. */
      mode: string;
      method: HttpMethod;
      url: string;
      /** `null` when no response arrived (timeout, reset). */
      status: number | null;
      durationMs: number | null;
    }
  | {
      event: 'failure';
      time: string;
      operationId: string;
      method: HttpMethod;
      path: string;
      check: string;
      severity: 'error' | 'warning';
      message: string;
      /** The (shrunk) request's URL. */
      url: string;
      status: number | null;
    }
  | {
      event: 'operation-finished';
      time: string;
      operationId: string;
      method: HttpMethod;
      path: string;
      state: OperationState;
      reason?: string;
      requests: number;
      failures: number;
      checks: CheckOutcome[];
    }
  | {
      event: 'run-finished';
      time: string;
      incomplete?: boolean;
      incompleteReason?: string;
      summary: ReportSummary;
    };
