import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySearch } from './apply-search.js';

describe('applySearch', () => {
  it('keeps exactly the items holding the term, ignoring case, whatever the items are (objects, strings, numbers, null)', () => {
    const item = fc.oneof(
      fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.string({ maxLength: 6 }), fc.integer())),
      fc.string({ maxLength: 6 }),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 8 }),
        fc.string({ minLength: 1, maxLength: 2 }),
        (items, term) => {
          const holds = (value: unknown): boolean =>
            typeof value === 'string'
              ? value.toLowerCase().includes(term.toLowerCase())
              : value !== null &&
                typeof value === 'object' &&
                Object.values(value).some((v) => holds(v) && typeof v === 'string');
          const kept = applySearch(items as Record<string, unknown>[], term);
          expect(kept).toEqual(items.filter(holds));
        },
      ),
      { numRuns: 300 },
    );
  });
});
