import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemsArbitrary } from '../_test/items-arbitrary.js';
import { firstRequest, listOperation, STYLES, serve } from '../_test/reference-server.js';
import { probeAll, runAll } from '../_test/run-all.js';

const queryArbitrary = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    'ordering=name',
    'ordering=-rank,name',
    'ordering=note,pk',
    'ordering=-note,-pk',
    'ordering=-name,note',
  ),
  fc.constantFrom('active=true', 'active=false&ordering=name', 'name=ALPHA', 'rank=3', 'search=a%201'),
);

describe('consistent pages and walks', () => {
  for (const style of STYLES) {
    it(`raise no violation for ${style}`, () => {
      const operation = listOperation(style);
      fc.assert(
        fc.property(
          itemsArbitrary(),
          fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
          queryArbitrary,
          fc.record({
            collation: fc.constantFrom('binary' as const, 'case-insensitive' as const, 'locale' as const),
            nulls: fc.constantFrom('largest' as const, 'first' as const, 'last' as const),
          }),
          (data, size, query, variant) => {
            const server = (request: Parameters<typeof serve>[2]) => serve(style, data, request, variant);
            const sequence = probeAll(operation, server, firstRequest(style, size, query));
            expect(runAll(operation, sequence)).toEqual([]);
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});
