import type { AuthSettings } from '../auth/auth-settings.js';
import type { ConfiguredRun } from '../config/configured-run.js';

/**
 * The kinds of report `--report kind=path` writes (`json` and `ndjson` also to `-`, stdout), and
 * `github` (no path: the step summary and annotations of GitHub Actions).
 */
export type ReportKind = 'json' | 'junit' | 'html' | 'ndjson' | 'github';

/** `assay run`, parsed and validated. */
export interface RunOptions {
  command: 'run';
  spec: string;
  /** Absent with `--mock`. */
  baseUrl?: URL;
  mock: boolean;
  operations: string[];
  tags: string[];
  bearer?: string;
  /**
   * Credentials for the spec's security schemes, from `--auth-basic`, `--auth-api-key`, the
   * `--oauth2-*` flags (with `bearer` copied in) or the config file: each operation is sent the
   * credentials its `security` asks for. Absent when none is given.
   */
  auth?: AuthSettings;
  /** From `--header "Name: value"`, names lower-cased, in the order given. */
  headers: Array<[name: string, value: string]>;
  maxExamples: number;
  seed: number;
  /** `undefined`: every check. */
  checks?: string[];
  excludeChecks: string[];
  concurrency: number;
  /** Requests per second; absent: unlimited. */
  rate?: number;
  timeoutMs: number;
  /** Seconds; absent: unlimited. */
  timeBudgetS?: number;
  unsafe: boolean;
  reports: Array<{ kind: ReportKind; path: string }>;
  /** 1-based shard index and count. */
  shard?: { index: number; count: number };
  quiet: boolean;
  /** Also a line per passing operation in plain (non-TTY) output. */
  verbose?: boolean;
  /** Stop the run after this many distinct failures. */
  maxFailures?: number;
  /** `--color` (true) or `--no-color` (false); absent: decided by the environment (see `colorEnabled`). */
  color?: boolean;
  shrink: boolean;
  /** Body read cap in bytes. */
  maxBodyBytes: number;
  /** `--mock` only: faults to inject, and dataset size. */
  faults: string[];
  items?: number;
  /** `--config <file>`: the config file to read instead of looking for one in the working directory. */
  config?: string;
  /** `--target <name>`: which of the config file's targets to run against. */
  target?: string;
  /** The fields the command line set (they win over the config file); absent: all of them. */
  fromFlags?: Array<keyof RunOptions>;
  /** What the config file says per operation, and the checks and hooks its plugins add. */
  configured?: ConfiguredRun;
}

/** `assay diff`: the options of `run` against A (`--base-url`), and B (`--against`). */
export type DiffOptions = Omit<RunOptions, 'command'> & { command: 'diff'; against: URL };

/** `assay mock`, parsed and validated. */
export interface MockOptions {
  command: 'mock';
  spec: string;
  port: number;
  host: string;
  seed: number;
  items?: number;
  token?: string;
  faults: string[];
}

/** `assay replay`, parsed and validated. */
export interface ReplayOptions {
  command: 'replay';
  /** The JSON report of the run to replay. */
  report: string;
  /** 1-based index into the report's failures; absent: every failure. */
  failure?: number;
  /** Send to this base URL instead of the report's target. */
  baseUrl?: URL;
  bearer?: string;
}
