import type { AssayError } from '@assay/model';
import type { AuthSettings } from '../auth/auth-settings.js';

/** A status as the config writes it: a code, or a range such as `4XX`. */
export type ConfiguredStatus = number | string;

/** Settings of `assay run` that the top level of the file and each target may set. */
export interface RunSettings {
  baseUrl?: string;
  mock?: boolean;
  auth?: AuthSettings;
  headers?: Record<string, string>;
  maxExamples?: number;
  seed?: number;
  checks?: string[];
  excludeChecks?: string[];
  concurrency?: number;
  rate?: number;
  /** Milliseconds. */
  timeout?: number;
  /** Seconds. */
  timeBudget?: number;
  unsafe?: boolean;
  reports?: { json?: string; junit?: string; html?: string; ndjson?: string; github?: boolean };
  shard?: string;
  quiet?: boolean;
  verbose?: boolean;
  maxFailures?: number;
  color?: boolean;
  shrink?: boolean;
  maxBody?: number;
  faults?: string[];
  items?: number;
}

/** What the file says about the operations one selector matches. */
export interface OperationSettings {
  /** Passed to the spec loader's `pagination` option for each matched list operation. */
  list?: Record<string, unknown>;
  checks?: string[];
  excludeChecks?: string[];
  expectedStatuses?: Record<string, ConfiguredStatus[]>;
  parameters?: Record<string, unknown>;
  volatile?: string[];
  /** Response header names whose values change on every call. */
  volatileHeaders?: string[];
  maxExamples?: number;
  timeout?: number;
  skip?: string;
}

/** The config file, validated: every key typed, `${VAR}` already substituted. */
export interface AssayConfig extends RunSettings {
  spec?: string;
  target?: string;
  targets?: Record<string, RunSettings>;
  plugins?: string[];
  only?: { operations?: string[]; tags?: string[] };
  /** Keyed by selector, in file order (later entries win where they overlap). */
  operations?: Record<string, OperationSettings>;
}

/** A config file that was found and read. */
export interface LoadedConfig {
  /** Absolute path. */
  path: string;
  /** As shown in messages: relative to the working directory when inside it. */
  shown: string;
  /** The folder relative paths in the file (spec, plugins, reports) are resolved against. */
  dir: string;
  config: AssayConfig;
  /** Where each key is in the file, by its path joined with NUL, for errors found after reading. */
  positions: ReadonlyMap<string, { line: number; column: number }>;
  /** Targets whose environment variables are not all set, with the error to raise if one is chosen. */
  unresolvedTargets: ReadonlyMap<string, AssayError>;
}
