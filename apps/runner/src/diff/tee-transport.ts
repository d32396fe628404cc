import { compareExchanges } from '@assay/checks';
import type { ApiModel, Check, Difference, Exchange, HttpRequest, Operation } from '@assay/model';
import type { SendOutcome, Transport } from '../transport/create-transport.js';
import { type DifferenceBook, recordDifference } from './difference-book.js';
import { failingChecks, labelDifference } from './label-difference.js';

/** What {@link teeTransport} compares with. */
export interface TeeOptions {
  api: ApiModel;
  /** The exchange checks, to label each difference with the side that breaks the spec. */
  checks: readonly Check[];
  /** Config `volatile` pointers by operation id. */
  volatileFor: (operationId: string) => readonly string[];
  /** Config `volatileHeaders` (lower case) by operation id. */
  volatileHeadersFor?: (operationId: string) => readonly string[];
  book: DifferenceBook;
}

/**
 * A transport that sends every request to A and the very same request to B, hands A's outcome to
 * the engine (so the engine's walks, probes and shrinking follow A's answers exactly as in
 * `assay run`, and B sees the same sequence), and compares the two answers as they arrive.
 */
export function teeTransport(a: Transport, b: Transport, options: TeeOptions): Transport {
  const operations = new Map<string, Operation>(options.api.operations.map((op) => [op.id, op]));
  return {
    urlOf: (request) => a.urlOf(request),
    get sent() {
      return a.sent;
    },
    async send(request: HttpRequest, signal?: AbortSignal): Promise<SendOutcome> {
      const [outcomeA, outcomeB] = await Promise.all([a.send(request, signal), b.send(request, signal)]);
      const operation = operations.get(request.operationId);
      if (operation !== undefined && outcomeA.kind === 'response') {
        compare(operation, request, outcomeA, outcomeB, options);
      }
      return outcomeA;
    },
  };
}

function compare(
  operation: Operation,
  request: HttpRequest,
  outcomeA: Extract<SendOutcome, { kind: 'response' }>,
  outcomeB: SendOutcome,
  options: TeeOptions,
): void {
  const { book } = options;
  if (outcomeB.kind === 'aborted') return;
  const exchangeA: Exchange = { operation, request, response: outcomeA.response };
  if (outcomeB.kind === 'fault') {
    book.unansweredByB += 1;
    const difference: Difference = {
      kind: 'status',
      pointer: '',
      message: `status ${outcomeA.response.status} on A; B gave no usable answer (${outcomeB.fault.code})`,
      a: outcomeA.response.status,
      b: outcomeB.fault.code,
      fingerprint: `unanswered:${operation.method} ${operation.path}:${outcomeB.fault.code}`,
    };
    recordDifference(book, {
      operation,
      difference,
      label: labelDifference(failingChecks(options.checks, exchangeA), ['transport-error']),
      violationsA: failingChecks(options.checks, exchangeA),
      violationsB: ['transport-error'],
      sent: outcomeA.sent,
      responseA: outcomeA.response,
    });
    return;
  }
  book.answeredByB += 1;
  const exchangeB: Exchange = { operation, request, response: outcomeB.response };
  const differences = compareExchanges(exchangeA, exchangeB, {
    defs: options.api.schemas,
    volatile: options.volatileFor(operation.id),
    volatileHeaders: options.volatileHeadersFor?.(operation.id) ?? [],
  });
  if (differences.length === 0) return;
  const violationsA = failingChecks(options.checks, exchangeA);
  const violationsB = failingChecks(options.checks, exchangeB);
  const label = labelDifference(violationsA, violationsB);
  for (const difference of differences) {
    recordDifference(book, {
      operation,
      difference,
      label,
      violationsA,
      violationsB,
      sent: outcomeA.sent,
      responseA: outcomeA.response,
      responseB: outcomeB.response,
    });
  }
}
