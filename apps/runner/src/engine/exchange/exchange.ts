import type { HttpRequest, Violation } from '@assay/model';
import type { SendOutcome } from '../../transport/create-transport.js';
import type { OperationContext } from '../operation-context.js';
import { reportProgress } from '../run-context.js';
import { collectSeenValues } from '../seen-values.js';
import type { Origin } from './failure-of.js';
import { judgeOutcome } from './judge-outcome.js';
import { recordViolations } from './record-violations.js';
import { sendWithCredentials } from './send-with-credentials.js';
import { tallyExchange } from './tally-exchange.js';
import { transmit } from './transmit.js';

/** How a phase sends. */
export interface ExchangeOptions {
  /**
   * False for requests whose credentials were decided already and must go as they are (the auth
   * probes, which leave them out or spoil them on purpose). Default true.
   */
  credentials?: boolean;
}

/** One request through the pipeline. */
export interface Exchanged {
  /** The request as sent (credentials added). */
  request: HttpRequest;
  outcome: SendOutcome;
  /** Violations of this exchange whose reproduction should be shrunk (generated requests only). */
  shrinkable: Violation[];
}

/**
 * The exchange pipeline, for one request: credentials → transport ({@link transmit}) → checks
 * ({@link judgeOutcome}: fault counting, the unreachable decision, the exchange checks) → counts
 * ({@link tallyExchange}) and the `onExchange` event → seen values and the accepted request →
 * record ({@link recordViolations}) → progress.
 *
 * @throws AssayError `target-unreachable`
 */
export async function exchange(
  op: OperationContext,
  request: HttpRequest,
  origin: Origin,
  options: ExchangeOptions = {},
): Promise<Exchanged> {
  const [done] = await exchangeBatch(op, [request], () => origin, options);
  return done!;
}

/**
 * The pipeline for a batch: every request is handed to the transport first (which keeps that order
 * on the wire, under its concurrency), then the outcomes are handled in the order of `requests`,
 * whatever order they complete in: so a seed replays the same requests and findings whatever the
 * concurrency.
 *
 * @throws AssayError `target-unreachable`
 */
export async function exchangeBatch(
  op: OperationContext,
  requests: readonly HttpRequest[],
  originOf: (index: number) => Origin,
  options: ExchangeOptions = {},
): Promise<Exchanged[]> {
  const sends = requests.map((request) =>
    options.credentials === false
      ? transmit(op, request).then((outcome) => ({ request: outcome.wire ?? request, outcome }))
      : sendWithCredentials(op, request),
  );
  // When one send throws (credentials could not be fetched), the batch throws that error; the
  // others' rejections are the same failure and must not surface as unhandled.
  for (const send of sends) send.catch(() => undefined);
  const done: Exchanged[] = [];
  for (let index = 0; index < sends.length; index++) {
    const { request, outcome } = await sends[index]!;
    const violations = judgeOutcome(op, request, outcome);
    tallyExchange(op, request, outcome, violations);
    op.run.options.onExchange?.({
      operationId: op.operation.id,
      mode: request.mode,
      method: outcome.sent.method,
      url: outcome.sent.url,
      status: outcome.kind === 'response' ? outcome.response.status : null,
      durationMs: outcome.kind === 'response' ? outcome.response.durationMs : null,
    });
    if (outcome.kind === 'response') noteResponse(op, requests[index]!, outcome);
    const shrinkable = recordViolations(op, violations, request, outcome, originOf(index));
    reportProgress(op.run);
    done.push({ request, outcome, shrinkable });
  }
  return done;
}

/**
 * What a response teaches about the operation: its values feed the seen pool (later requests draw
 * filter and search values from it), and the first 2xx to an example, coverage or positive request
 * (`generated`, before credentials) is the accepted request the list phase may start from.
 */
function noteResponse(
  op: OperationContext,
  generated: HttpRequest,
  outcome: Extract<SendOutcome, { kind: 'response' }>,
): void {
  collectSeenValues(outcome.response, op.operation, op.seen);
  const { status } = outcome.response;
  if (op.accepted === undefined && status >= 200 && status < 300 && acceptable.has(generated.mode)) {
    op.accepted = generated;
  }
}

const acceptable = new Set<HttpRequest['mode']>(['example', 'coverage', 'positive']);
