import type { HttpMethod } from './http-method.js';
import type { NegativeReason } from './negative-reason.js';

/** How a request was made: it decides what its response is expected to be. */
export type GenerationMode =
  | 'example'
  | 'coverage'
  | 'positive'
  | 'negative'
  | 'pagination'
  | 'auth'
  /** A method the spec does not document on the operation's path: only `unsupported-method` judges it. */
  | 'method';

/** Which credential an ignored-auth probe leaves out or spoils: one scheme, or all of them. */
export interface AuthProbe {
  /** The security scheme's name; absent when every credential is missing or wrong at once. */
  scheme?: string;
  kind: 'missing' | 'wrong';
}

/**
 * A request ready to send, relative to the target's base URL. Everything is already serialised:
 * the transport adds only the base URL and the credentials.
 */
export interface HttpRequest {
  method: HttpMethod;
  /** The expanded, percent-encoded path, starting with `/` (the spec's path template filled in). */
  path: string;
  /** The percent-encoded query string without the leading `?`; empty when there is none. */
  query: string;
  /** Lower-case header names. Cookies travel in `cookie`. */
  headers: Record<string, string>;
  /** The serialised body, when there is one; its media type is in `content-type`. */
  body?: string | Uint8Array;
  /** The operation this request exercises. */
  operationId: string;
  mode: GenerationMode;
  /** Set in negative mode: the one thing made invalid. */
  reason?: NegativeReason;
  /** Set in auth mode: the credential the probe leaves out or spoils. */
  authProbe?: AuthProbe;
}
