import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOrdering, compareValues } from './apply-ordering.js';

describe('applyOrdering', () => {
  it('orders booleans false first, numbers and date-times by value, nulls last ascending and first descending', () => {
    const scalar = fc.oneof(fc.boolean(), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.array(fc.record({ v: scalar }), { maxLength: 20 }),
        fc.boolean(),
        (items, descending) => {
          const out = applyOrdering(items, [{ field: 'v', descending }]);
          expect(out).toHaveLength(items.length);
          for (let i = 1; i < out.length; i++) {
            const order = compareValues(out[i - 1]?.v, out[i]?.v);
            expect(descending ? order >= 0 : order <= 0).toBe(true);
          }
        },
      ),
    );
    expect(
      applyOrdering([{ v: true }, { v: null }, { v: false }], [{ field: 'v', descending: false }]),
    ).toEqual([{ v: false }, { v: true }, { v: null }]);
  });

  it('compares RFC 3339 date-times by the instant they name', () => {
    expect(compareValues('2024-05-01T10:00:00+02:00', '2024-05-01T09:00:00Z')).toBeLessThan(0);
    expect(compareValues('2024-05-01T08:00:00.5Z', '2024-05-01T08:00:00Z')).toBeGreaterThan(0);
    expect(compareValues('b', 'a')).toBeGreaterThan(0);
  });
});
