import type { HttpMethod } from '@assay/model';
import type { LatencyHistogram } from './latency-histogram.js';
import type { ListSemanticsReport } from './list-semantics-report.js';

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
 * Where an operation ended. `not-tested` means no response of it was judged (the reason says why:
 * an unsafe method without `--unsafe`, filtered out, the time budget, no request could be generated,
 * no response received); it is never counted as passed.
 */
export type OperationState = 'passed' | 'failed' | 'not-tested';

/**
 * Where one check ended on one operation: `passed` only when it judged at least one response (or
 * sequence) and none failed it; `not-applicable` when it cannot apply to the operation (auth checks
 * on an unsecured operation, pagination checks on a non-list); `not-tested` when it could apply but
 * judged nothing.
 */
export type CheckState = 'passed' | 'failed' | 'not-applicable' | 'not-tested';

/** One check on one operation. */
export interface CheckOutcome {
  check: string;
  state: CheckState;
  /** Responses (for a sequence check: sequences) the check judged. */
  judged: number;
  /** Of those, how many broke it (with an error-severity violation). */
  failed: number;
  /** Why it is `not-applicable` or `not-tested`. */
  reason?: string;
}

/** One check over the whole run: the console's per-check table. */
export interface CheckSummary {
  check: string;
  /** Responses (or sequences) judged, over every operation. */
  judged: number;
  passed: number;
  failed: number;
  /** Operations on which the check failed. */
  failedOperations: number;
}

/**
 * One deduplicated finding: every occurrence of the same bug (operation, check, fingerprint)
 * collapsed into one entry, keeping the minimal (shrunk) example.
 */
export interface FailureReport {
  operationId: string;
  /** The operation's method and path template, e.g. `GET` `/stages/identification/`. */
  method: HttpMethod;
  path: string;
  /** Check id, e.g. `response-schema-conformance`, or `transport-error` / `response-timeout`. */
  check: string;
  /** `failure` (contract broken) or `error` (could not test). Not written to the JSON report. */
  kind: FindingKind;
  message: string;
  severity: 'error' | 'warning';
  request: ReportRequest;
  /** `null` when no response arrived (timeout, reset, unreachable). */
  response: ReportResponse | null;
  /**
   * A one-line curl command that replays the request (see `curlCommand`); credentials appear as
   * shell variables (`"$ASSAY_BEARER"`), never as their value.
   */
  reproduce: string;
  /** For a run against the built-in mock: the `assay mock` command that serves what `reproduce` is sent to. */
  serve?: string;
  /** The `assay run` command that runs this operation again with the run's seed (`--operation <id> --seed <n>`). */
  rerun: string;
  /** The seed of the run that found it: `--seed` takes it. */
  seed: number;
  /** The fast-check seed of the phase that generated the request (for `fc.check(…, { seed, path })`). */
  phaseSeed: number;
  /** fast-check's replay path for the counterexample; `''` when it did not come from a property. */
  counterexamplePath: string;
  /** How the request was made: `example`, `coverage`, `positive`, `negative`, `pagination`, `auth`. */
  mode: string;
  /** What groups occurrences of this bug: `assay replay` compares it. */
  fingerprint: string;
  /** How many requests showed this finding. */
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
  state: OperationState;
  /** Why the operation is `not-tested`, or what cut it short (the time budget, Ctrl-C). */
  reason?: string;
  /** Distinct failures (kind `failure`) of this operation. */
  failures: number;
  /** Distinct errors (kind `error`) of this operation; absent when none. Not in the JSON report. */
  errors?: number;
  /** Ids of the checks that ran on at least one exchange. Not in the JSON report. */
  checks: string[];
  /** Every selected check on this operation, with its state and counts: one JUnit testcase each. */
  outcomes: CheckOutcome[];
  /** The line of the operation in the spec file, when known (for CI annotations). */
  line?: number;
  /** The list semantics the run used (convention, items, identifier, ordering, filters, search), or why it is not a list. */
  list?: ListSemanticsReport;
  /** Response times of this operation's requests, in fixed buckets. Not in the JSON report. */
  latency: LatencyHistogram;
}

/** Run totals. */
export interface ReportSummary {
  operations: number;
  /** Operations at least one response of which was judged. */
  tested: number;
  /** Operations no response of which was judged (see {@link OperationState}). */
  notTested: number;
  /** Operations with a failure or an error. */
  failed: number;
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
  /** The base URL tested, or `mock:<base path>` for the in-process mock. */
  target: string;
  /** For a run against the built-in mock: its faults and dataset size, so a replay starts the same mock. */
  mock?: { faults: string[]; items?: number };
  /** The configuration file the run read, when it read one. */
  configFile?: string;
  /** When the run started (ISO 8601). */
  startedAt?: string;
  /** Set when the run was interrupted (SIGINT, time budget) and the report holds what was gathered so far. */
  incomplete?: boolean;
  /** Why an incomplete run stopped: `interrupted`, or the time budget that ran out. */
  incompleteReason?: string;
  summary: ReportSummary;
  /** Per check, over every operation; in the order of the selected checks. */
  checks: CheckSummary[];
  operations: OperationReport[];
  failures: FailureReport[];
  /**
   * What the user should know about the run beyond findings: almost every response was a 404 (the
   * base URL is probably wrong) or a 401/403 (the credentials are), and the spec's own problems.
   */
  warnings: string[];
  /**
   * Resources the stateful phase created and could not delete afterwards (`DELETE /books/46 → 500`):
   * they are still on the target. Absent when everything was cleaned up or nothing was created.
   */
  uncleaned?: string[];
}
