import type { QueryFilter } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFilters } from './apply-filters.js';

// The rule, stated plainly: an item stays when, for every filter in the request, one of its
// property's values (the value, or an element of an array) equals one wanted value as text.
function kept(item: Record<string, unknown>, filters: QueryFilter[], values: Map<string, unknown>): boolean {
  return filters
    .filter((filter) => values.has(filter.param))
    .every((filter) => {
      const wanted = values.get(filter.param);
      const options = Array.isArray(wanted) ? wanted : [wanted];
      const actual = item[filter.property];
      const candidates = Array.isArray(actual) ? actual : [actual];
      return candidates.some((c) =>
        options.some(
          (o) =>
            c !== null &&
            c !== undefined &&
            o !== null &&
            o !== undefined &&
            typeof c !== 'object' &&
            typeof o !== 'object' &&
            String(c) === String(o),
        ),
      );
    });
}

const scalar = fc.oneof(
  fc.constantFrom('a', 'b', '1', '2', 'true', '', null),
  fc.integer({ min: 0, max: 2 }),
  fc.boolean(),
  fc.constant({ x: 1 }),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));

describe('applyFilters', () => {
  it('keeps exactly the items every requested filter matches, in their order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ p: value, q: value }), { maxLength: 8 }),
        fc.dictionary(fc.constantFrom('fp', 'fq', 'other'), value, { maxKeys: 3 }),
        (items, query) => {
          const filters: QueryFilter[] = [
            { param: 'fp', property: 'p', kind: 'equality' },
            { param: 'fq', property: 'q', kind: 'text' },
          ];
          const values = new Map(Object.entries(query));
          const expected = items.filter((item) => kept(item, filters, values));
          expect(applyFilters(items, filters, values)).toEqual(expected);
        },
      ),
    );
  });
});
