import type { Difference, HttpResponse, Operation } from '@assay/model';
import type { SentRequest } from '../engine/run-result.js';
import type { DifferenceLabel, DiffFinding } from './diff-result.js';

/** The differences found so far, one entry per operation and fingerprint. */
export interface DifferenceBook {
  readonly entries: Map<string, DiffFinding>;
  answeredByB: number;
  unansweredByB: number;
}

/** An empty book. */
export function differenceBook(): DifferenceBook {
  return { entries: new Map(), answeredByB: 0, unansweredByB: 0 };
}

/** One request's difference, as the tee transport saw it. */
export interface SeenDifference {
  operation: Operation;
  difference: Difference;
  label: DifferenceLabel;
  violationsA: string[];
  violationsB: string[];
  sent: SentRequest;
  responseA: HttpResponse;
  responseB?: HttpResponse;
}

/**
 * Records a difference: a new fingerprint is a new finding; a known one counts another occurrence
 * and keeps the shortest request that showed it (the smallest reproduction seen, since a difference
 * is not shrunk by generation).
 */
export function recordDifference(book: DifferenceBook, seen: SeenDifference): void {
  const key = `${seen.operation.id}\u0000${seen.difference.fingerprint}`;
  const known = book.entries.get(key);
  if (known !== undefined) {
    known.occurrences += 1;
    if (size(seen.sent) >= size(known.request)) return;
  }
  const finding: DiffFinding = {
    operationId: seen.operation.id,
    method: seen.operation.method,
    operationPath: seen.operation.path,
    difference: seen.difference,
    label: seen.label,
    violationsA: seen.violationsA,
    violationsB: seen.violationsB,
    request: { ...seen.sent, headers: { ...seen.sent.headers } },
    responseA: received(seen.responseA),
    ...(seen.responseB === undefined ? {} : { responseB: received(seen.responseB) }),
    occurrences: known?.occurrences ?? 1,
  };
  book.entries.set(key, finding);
}

function size(request: SentRequest): number {
  return request.url.length + (request.body?.length ?? 0);
}

function received(response: HttpResponse): DiffFinding['responseA'] {
  return {
    status: response.status,
    headers: { ...response.headers },
    body: response.body,
    truncated: response.truncated,
    durationMs: response.durationMs,
  };
}
