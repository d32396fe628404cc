import type { HttpMethod } from '@assay/model';
import type { LatencyHistogram } from './latency-histogram.js';

/**
 * What a finding is. A `failure` means the API broke its contract; an `error` means Assay could not
 * test (the runner's own `transport-error`, `response-timeout` and the like). Reports keep them apart
 * because a red CI build should say which of the two happened.
 */
export type FindingKind = 'failure' | 'error';

/** A request as shown in reports: absolute URL, serialised body. */
export interface ReportRequest {
  method: HttpMethod;
  /** Base URL + path + `?query`. */
  url: string;
  /** Lower-case header names, as sent (credentials included; reporters redact them). */
  headers: Record<string, string>;
  /** The body as text, `null` when the request had none. */
  body: string | null;
}

/** A response as shown in reports. */
export interface ReportResponse {
  status: number;
  headers: Record<string, string>;
  /** The body, cut to the report cap with a marker saying how long it was (see `truncateBody`). */
  body: string;
}

/**
 * One deduplicated finding: every occurrence of the same bug (operation, check, fingerprint)
 * collapsed into one entry, keeping the minimal (shrunk) example.
 */
export interface FailureReport {
  operationId: string;
  /** Check id, e.g. `response-schema-conformance`, or `transport-error` / `response-timeout`. */
  check: string;
  /** `failure` (contract broken) or `error` (could not test). Not written to the JSON report. */
  kind: FindingKind;
  message: string;
  severity: 'error' | 'warning';
  request: ReportRequest;
  /** `null` when no response arrived (timeout, reset, unreachable). */
  response: ReportResponse | null;
  /** A one-line curl command that replays the request (see `curlCommand`). */
  reproduce: string;
  /** The seed of the run that found it. */
  seed: number;
  /** fast-check's replay path for the counterexample; `''` when it did not come from a property. */
  path: string;
  /** How many times this finding was seen. */
  occurrences: number;
  /**
   * For a finding of the stateful phase: the shortest sequence of calls found that shows it, in
   * order; `request` and `response` are those of its last step, the one that failed.
   */
  sequence?: ReportSequenceStep[];
}

/** One call of a failing sequence, as reports show it. */
export interface ReportSequenceStep {
  method: HttpMethod;
  /** Base URL + path + `?query`. */
  url: string;
  /** The request body as text, `null` when it had none. */
  body: string | null;
  /** `null` when no response arrived. */
  status: number | null;
  /** What the step did to the resource, e.g. `created 46`, `walked 46 items`. */
  note?: string;
}

/** One operation's totals, plus what the HTML and JUnit reports need beyond the JSON contract. */
export interface OperationReport {
  operationId: string;
  method: HttpMethod;
  /** The spec's path template, e.g. `/stages/identification/`. */
  path: string;
  requests: number;
  /** Distinct failures (kind `failure`) of this operation. */
  failures: number;
  /** Distinct errors (kind `error`) of this operation; absent when none. Not in the JSON report. */
  errors?: number;
  /** Ids of the checks that ran on at least one exchange: one JUnit testcase each. Not in the JSON report. */
  checks: string[];
  /** Response times of this operation's requests, in fixed buckets. Not in the JSON report. */
  latency: LatencyHistogram;
}

/** Run totals. */
export interface ReportSummary {
  operations: number;
  requests: number;
  /** Distinct failures (kind `failure`). */
  failures: number;
  /** Distinct errors (kind `error`); absent when none. */
  errors?: number;
  durationMs: number;
}

/**
 * The result of one run, filled by the engine and read by every reporter. Its JSON projection
 * (`jsonReport`) is the stable contract CI scripts depend on.
 */
export interface RunReport {
  tool: 'assay';
  version: string;
  seed: number;
  /** The spec path or URL as given. */
  spec: string;
  /** The base URL tested, or `mock`. */
  target: string;
  /** Set when the run was interrupted (SIGINT, time budget) and the report holds what was gathered so far. */
  incomplete?: boolean;
  /** Why an incomplete run stopped: `interrupted`, or the time budget that ran out. */
  incompleteReason?: string;
  summary: ReportSummary;
  operations: OperationReport[];
  failures: FailureReport[];
  /**
   * Resources the stateful phase created and could not delete afterwards (`DELETE /books/46 → 500`):
   * they are still on the target. Absent when everything was cleaned up or nothing was created.
   */
  uncleaned?: string[];
}
