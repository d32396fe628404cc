import type { Operation, ResponseSpec } from '@assay/model';

/**
 * The documented response that covers a status, as OpenAPI 3.1 §4.8.16 orders them: the exact code,
 * then its range (`4XX`), then `default`. `undefined` when none does.
 */
export function matchResponse(operation: Operation, status: number): ResponseSpec | undefined {
  const responses = operation.responses;
  const exact = responses[String(status)];
  if (exact !== undefined) return exact;
  const range = `${Math.floor(status / 100)}XX`;
  for (const key of Object.keys(responses)) {
    if (key.toUpperCase() === range) return responses[key];
  }
  return responses.default;
}
