import { missingHeaderRequests, unsupportedMethodRequest } from '@assay/checks';
import type { HttpRequest } from '@assay/model';
import { exchangeBatch } from '../exchange/exchange.js';
import type { OperationContext } from '../operation-context.js';
import { phaseSeed } from '../phase-seed.js';

/**
 * The method phase: HTTP method and header semantics, from a request the server accepted (else the first
 * example): once per path, the path with a safe method it does not document (`unsupported-method`
 * wants a 405 with `Allow`); and per required header parameter, that request without the header
 * (`missing-required-header` wants a 4xx). Only safe methods are tried, so a server that wrongly
 * implements one changes nothing.
 */
export async function methodPhase(op: OperationContext): Promise<void> {
  const base = op.accepted ?? op.example;
  if (base === undefined) return;
  const { api, operations, seed } = op.run.options;
  const requests: HttpRequest[] = [];
  // One probe per path: the first selected operation of the path sends it.
  if (operations.find((other) => other.path === op.operation.path) === op.operation) {
    const probe = unsupportedMethodRequest(api, op.operation, base);
    if (probe !== undefined) requests.push(probe);
  }
  requests.push(...missingHeaderRequests(op.operation, base));
  if (requests.length === 0) return;
  const origin = { seed: phaseSeed(seed, op.operation.id, 'method') };
  await exchangeBatch(op, requests, () => origin);
}
