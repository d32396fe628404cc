import type { ApiModel, Exchange, HttpRequest, Operation, Violation, Walk } from '@assay/model';
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

/** What a list phase hands the sequence checks: every exchange in order, and the walks that made them. */
export interface ListSequence {
  exchanges: Exchange[];
  walks: Walk[];
}

/** A sequence of walks, each given by its pages in order, none probed past its last page. */
export function sequenceOf(...walks: Exchange[][]): ListSequence {
  return { exchanges: walks.flat(), walks: walks.map((pages) => ({ pages, pastLast: [] })) };
}

/**
 * Everything the runner does for a list operation, recording its walks as it makes them: walk from
 * the first request, probe past the last page, walk again with another page size (and probe past
 * its last page), and walk the unfiltered variant.
 */
export function probeAll(operation: Operation, server: Server, first: HttpRequest): ListSequence {
  const exchanges: Exchange[] = [];
  const walks: Walk[] = [];
  const walkFrom = (request: HttpRequest): { pages: Exchange[]; pastLast: Exchange[] } => {
    const made = { pages: walk(operation, server, request), pastLast: [] as Exchange[] };
    exchanges.push(...made.pages);
    walks.push(made);
    return made;
  };
  const probePast = (made: { pages: Exchange[]; pastLast: Exchange[] }) => {
    const past = pastLastPageRequest(made.pages.at(-1)!, { basePath: '/api/v3' });
    if (past === undefined) return;
    const exchange = exchangeOf(operation, server, past);
    made.pastLast.push(exchange);
    exchanges.push(exchange);
  };
  const main = walkFrom(first);
  probePast(main);
  const variant = pageSizeVariantRequest(main.pages[0]!);
  if (variant !== undefined) probePast(walkFrom(variant));
  const unfiltered = unfilteredRequest(main.pages[0]!);
  if (unfiltered !== undefined) walkFrom(unfiltered);
  return { exchanges, walks };
}

/** Every exchange check on every exchange, then every sequence check on the whole sequence. */
export function runAll(operation: Operation, sequence: ListSequence): Violation[] {
  const { checks, sequenceChecks } = createChecks(apiOf(operation));
  const out: Violation[] = [];
  for (const exchange of sequence.exchanges) for (const check of checks) out.push(...check.verify(exchange));
  for (const check of sequenceChecks) out.push(...check.verify(sequence.exchanges, sequence.walks));
  return out;
}
