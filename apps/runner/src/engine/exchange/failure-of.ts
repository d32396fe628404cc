import type { HttpRequest, Violation } from '@assay/model';
import type { SendOutcome } from '../../transport/create-transport.js';
import type { OperationContext } from '../operation-context.js';
import type { Failure, ReceivedResponse } from '../run-result.js';

/** Where a request came from, to replay it: the phase's fast-check seed, and its path when generated. */
export interface Origin {
  seed: number;
  /** The fast-check path of a generated request; absent for examples, coverage, walks, probes. */
  path?: string;
}

/** The failure one violation of one exchange makes (first occurrence, not shrunk). */
export function failureOf(
  op: OperationContext,
  violation: Violation,
  request: HttpRequest,
  outcome: SendOutcome,
  origin: Origin,
): Failure {
  const failure: Failure = {
    operationId: op.operation.id,
    method: op.operation.method,
    operationPath: op.operation.path,
    violation,
    mode: request.mode,
    request: outcome.sent,
    seed: origin.seed,
    shrunk: false,
    occurrences: 1,
  };
  if (origin.path !== undefined) failure.path = origin.path;
  if (outcome.kind === 'response') failure.response = received(outcome.response);
  return failure;
}

/** Characters of a response body a failure keeps: reports show 4 KiB, and many failures must fit in memory. */
const keptBodyChars = 64 * 1024;

function received(response: ReceivedResponse): ReceivedResponse {
  const cut = response.body.length > keptBodyChars;
  return {
    status: response.status,
    headers: response.headers,
    body: cut ? response.body.slice(0, keptBodyChars) : response.body,
    truncated: response.truncated || cut,
    durationMs: response.durationMs,
  };
}
