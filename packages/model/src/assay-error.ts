import type { SpecProblem } from './spec-problem.js';

/**
 * Every error code Assay raises. Stable: scripts and tests match on them.
 * - `usage`: a bad command line (unknown flag, malformed value).
 * - `config`: a bad option passed to the API.
 * - `spec-not-found`, `spec-parse` (YAML/JSON syntax, with line and column), `spec-unsupported`
 *   (not OpenAPI, or a version Assay does not read), `spec-invalid` (fails the meta-schema in strict mode),
 *   `spec-ref` (a broken `$ref`), `spec-ref-refused` (remote or out-of-folder `$ref` not allowed),
 *   `spec-schema` (a schema that does not compile), `spec-empty` (no operations to test).
 * - `unknown-fault`, `unknown-check`, `no-operations-selected`.
 * - `target-unreachable`: the server could not be reached at all.
 * - `auth`: credentials could not be obtained (a token endpoint or OpenID Connect discovery refused
 *   or failed), or the configured ones fit none of an operation's security requirements.
 * - `report-write`: a report file could not be written.
 * - `generation`: no valid value can be generated for a schema (e.g. contradictory constraints).
 * - `internal`: a bug in Assay.
 */
export type AssayErrorCode =
  | 'usage'
  | 'config'
  | 'spec-not-found'
  | 'spec-parse'
  | 'spec-unsupported'
  | 'spec-invalid'
  | 'spec-ref'
  | 'spec-ref-refused'
  | 'spec-schema'
  | 'spec-empty'
  | 'unknown-fault'
  | 'unknown-check'
  | 'no-operations-selected'
  | 'target-unreachable'
  | 'auth'
  | 'report-write'
  | 'generation'
  | 'internal';

/** Where an error is: a file position, a JSON pointer, or a command-line flag. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  pointer?: string;
  flag?: string;
}

/** Details an {@link AssayError} may carry. */
export interface AssayErrorDetails extends ErrorLocation {
  /** What to do about it, in one line. */
  hint?: string;
  /** For `spec-invalid`: every problem found, not just the first. */
  problems?: SpecProblem[];
  cause?: unknown;
}

/**
 * The one error class of Assay. It carries a stable code and a location; the message says what is
 * wrong and what to fix, so the CLI can print it as it is (exit code 2, no stack trace).
 */
export class AssayError extends Error {
  override readonly name = 'AssayError';
  readonly code: AssayErrorCode;
  readonly details: AssayErrorDetails;

  constructor(code: AssayErrorCode, message: string, details: AssayErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.details = details;
  }

  /** Tells an AssayError from any other thrown value, across package copies. */
  static is(value: unknown): value is AssayError {
    return value instanceof AssayError || (value instanceof Error && value.name === 'AssayError');
  }
}
