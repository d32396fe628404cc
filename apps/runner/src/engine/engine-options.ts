import type { ApiModel, HttpRequest, Operation } from '@assay/model';
import type { Authenticator } from '../auth/create-authenticator.js';
import type { Transport } from '../transport/create-transport.js';
import type { Credentials } from './credentials.js';
import type { EngineKit } from './engine-kit.js';
import type { Failure, OperationResult, RunProgress } from './run-result.js';

/** What the engine needs for a run. */
export interface EngineOptions {
  api: ApiModel;
  operations: readonly Operation[];
  transport: Transport;
  kit: EngineKit;
  seed: number;
  maxExamples: number;
  /** Generated requests per mode for one operation, when it differs from `maxExamples` (config file). */
  maxExamplesFor?: (operation: Operation) => number;
  credentials: Credentials;
  /**
   * Sends each operation the credentials its security asks for (from `--auth-basic`,
   * `--auth-api-key`, an OAuth2 client), on top of `credentials`. Absent: `credentials` only.
   */
  authenticator?: Authenticator;
  shrink: boolean;
  /** Ids of every selected check (exchange, sequence and transport ones). */
  selectedChecks: ReadonlySet<string>;
  /** The transport's body read cap, for messages. */
  maxBodyBytes?: number;
  /** Requests a single shrink may send (default 200). */
  shrinkBudget?: number;
  /** Aborts the run: time budget or SIGINT. Results gathered so far are returned. */
  signal?: AbortSignal;
  /**
   * When the time budget ends (a `performance.now()` value). Checked between requests as well as by
   * the caller's timer, since an in-process target can answer without ever yielding to timers.
   */
  deadline?: number;
  /** Called once when the deadline passes: the caller aborts `signal`. */
  onDeadline?: () => void;
  onProgress?: (progress: RunProgress) => void;
  /** Called as an operation's first phase starts. */
  onOperationStarted?: (operation: Operation) => void;
  /**
   * Called once an operation is done (or was not reached), with its result (`failures` filled) and
   * its distinct failures, which are final by then (shrinking included).
   */
  onOperationFinished?: (result: OperationResult, failures: readonly Failure[]) => void;
  /** Called for every request of a phase once its outcome is handled (shrinking replays left out). */
  onExchange?: (exchange: ExchangeEvent) => void;
}

/** One request and what came of it, for `onExchange`. */
export interface ExchangeEvent {
  operationId: string;
  mode: HttpRequest['mode'];
  method: HttpRequest['method'];
  url: string;
  /** `null` when no response arrived (timeout, reset). */
  status: number | null;
  durationMs: number | null;
}
