import type { ApiModel, Operation } from '@assay/model';
import type { Transport } from '../transport/create-transport.js';
import type { Credentials } from './credentials.js';
import type { EngineKit } from './engine-kit.js';
import type { RunProgress } from './run-result.js';

/** What the engine needs for a run. */
export interface EngineOptions {
  api: ApiModel;
  operations: readonly Operation[];
  transport: Transport;
  kit: EngineKit;
  seed: number;
  maxExamples: number;
  credentials: Credentials;
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
}
