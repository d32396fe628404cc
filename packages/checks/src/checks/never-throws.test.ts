import type { Exchange, HttpRequest } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listOperation, STYLES } from '../_test/reference-server.js';
import { apiOf } from '../_test/run-all.js';
import { nextPageRequest } from '../pagination/next-page-request.js';
import { pageSizeVariantRequest } from '../pagination/page-size-variant-request.js';
import { pastLastPageRequest } from '../pagination/past-last-page-request.js';
import { unfilteredRequest } from '../query/unfiltered-request.js';
import { createChecks } from './create-checks.js';

const queryArbitrary = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'page',
        'page_size',
        'limit',
        'offset',
        'per_page',
        'starting_after',
        'ordering',
        'search',
        'active',
        'name',
        'x',
      ),
      fc.oneof(
        fc.constantFrom('1', '0', '-1', '2', 'abc', '', '%', 'name,-pk', '-', '1e3'),
        fc.string({ maxLength: 5 }),
      ),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));

const bodyArbitrary = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record({
      results: fc.array(fc.jsonValue(), { maxLength: 4 }),
      data: fc.array(fc.jsonValue(), { maxLength: 4 }),
      count: fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
      next: fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.webUrl()),
      previous: fc.oneof(fc.integer(), fc.constant(null), fc.webUrl()),
      has_more: fc.jsonValue(),
      pagination: fc.dictionary(
        fc.constantFrom('next', 'previous', 'count', 'current', 'total_pages', 'start_index', 'end_index'),
        fc.oneof(fc.integer({ min: -3, max: 50 }), fc.jsonValue()),
      ),
    })
    .map((v) => JSON.stringify(v)),
  fc.string(),
);

const headersArbitrary = fc.dictionary(
  fc.constantFrom('content-type', 'link', 'content-range', 'x-total'),
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'text/html',
      '*/5',
      '0-3/10',
      'items 0-1/*',
      '<http://h/x?page=2>; rel="next"',
      'garbage',
    ),
    fc.string(),
  ),
);

describe('the checks never throw, whatever the server answers', () => {
  it('for every pagination style', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STYLES),
        fc.array(
          fc.tuple(
            queryArbitrary,
            fc.integer({ min: 100, max: 599 }),
            headersArbitrary,
            bodyArbitrary,
            fc.option(fc.constantFrom('0-9', '5-2', 'x')),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (style, parts) => {
          const operation = listOperation(style);
          const { checks, sequenceChecks } = createChecks(apiOf(operation));
          const exchanges: Exchange[] = parts.map(([query, status, headers, body, range]) => {
            const request: HttpRequest = {
              method: 'GET',
              path: '/items/',
              query,
              headers: range === null ? {} : { range },
              operationId: operation.id,
              mode: 'positive',
            };
            return {
              operation,
              request,
              response: { status, headers, body, truncated: false, durationMs: 1 },
            };
          });
          for (const exchange of exchanges) {
            for (const check of checks) expect(Array.isArray(check.verify(exchange))).toBe(true);
            nextPageRequest(exchange);
            pastLastPageRequest(exchange);
            pageSizeVariantRequest(exchange);
            unfilteredRequest(exchange);
          }
          // As one walk, as walks of one page each, and the last as a probe past the first's end.
          const arrangements = [
            [{ pages: exchanges, pastLast: [] }],
            exchanges.map((exchange) => ({ pages: [exchange], pastLast: [] })),
            [{ pages: exchanges.slice(0, 1), pastLast: exchanges.slice(1) }],
          ];
          for (const walks of arrangements)
            for (const check of sequenceChecks)
              expect(Array.isArray(check.verify(exchanges, walks))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
