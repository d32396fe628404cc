import type { AuthSettings } from '../auth/auth-settings.js';
import type { ConfiguredRun } from '../config/configured-run.js';

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
  /** `--config <file>`: the config file to read instead of looking for one in the working directory. */
  config?: string;
  /** `--target <name>`: which of the config file's targets to run against. */
  target?: string;
  /** The fields the command line set (they win over the config file); absent: all of them. */
  fromFlags?: Array<keyof RunOptions>;
  /** Credentials for the spec's security schemes, from the config file (flags fill `bearer`). */
  auth?: AuthSettings;
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
