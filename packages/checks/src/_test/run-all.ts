import type { ApiModel, Exchange, HttpRequest, Operation, Violation } from '@assay/model';
import { createChecks } from '../checks/create-checks.js';
import { pageSizeVariantRequest } from '../pagination/page-size-variant-request.js';
import { pastLastPageRequest } from '../pagination/past-last-page-request.js';
import { unfilteredRequest } from '../query/unfiltered-request.js';
import { exchangeOf, type Server, walk } from './reference-server.js';

export function apiOf(operation: Operation): ApiModel {
  return {
    title: 't',
    version: '1',
    format: 'openapi-3.1',
    specVersion: '3.1.0',
    source: '<memory>',
    servers: ['http://testserver/api/v3'],
    operations: [operation],
    securitySchemes: {},
    schemas: {},
    problems: [],
  };
}

/**
 * Everything the runner does for a list operation: walk from the first request, probe past the
 * last page, walk again with another page size, and walk the unfiltered variant.
 */
export function probeAll(operation: Operation, server: Server, first: HttpRequest): Exchange[] {
  const exchanges = walk(operation, server, first);
  const last = exchanges.at(-1)!;
  const past = pastLastPageRequest(last, { basePath: '/api/v3' });
  if (past !== undefined) exchanges.push(exchangeOf(operation, server, past));
  const variant = pageSizeVariantRequest(exchanges[0]!);
  if (variant !== undefined) {
    const variantWalk = walk(operation, server, variant);
    exchanges.push(...variantWalk);
    const variantPast = pastLastPageRequest(variantWalk.at(-1)!, { basePath: '/api/v3' });
    if (variantPast !== undefined) exchanges.push(exchangeOf(operation, server, variantPast));
  }
  const unfiltered = unfilteredRequest(exchanges[0]!);
  if (unfiltered !== undefined) exchanges.push(...walk(operation, server, unfiltered));
  return exchanges;
}

/** Every exchange check on every exchange, then every sequence check on the whole sequence. */
export function runAll(operation: Operation, exchanges: readonly Exchange[]): Violation[] {
  const { checks, sequenceChecks } = createChecks(apiOf(operation));
  const out: Violation[] = [];
  for (const exchange of exchanges) for (const check of checks) out.push(...check.verify(exchange));
  for (const check of sequenceChecks) out.push(...check.verify(exchanges));
  return out;
}
