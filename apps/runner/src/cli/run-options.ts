import type { AuthSettings } from '../auth/auth-settings.js';

/** The kinds of report file `--report kind=path` writes. */
export type ReportKind = 'json' | 'junit' | 'html';

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
   * From `--auth-basic`, `--auth-api-key` and the `--oauth2-*` flags (with `bearer` copied in): each
   * operation is sent the credentials its `security` asks for. Absent when none of them is given.
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
  shrink: boolean;
  /** Body read cap in bytes. */
  maxBodyBytes: number;
  /** `--mock` only: faults to inject, and dataset size. */
  faults: string[];
  items?: number;
}

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
