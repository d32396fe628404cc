import fc from 'fast-check';
import type { Item } from './reference-server.js';

const NAMES = ['alpha', 'Beta', 'gamma', 'Delta', 'epsilon', 'zeta', 'Eta', 'theta', 'iota', 'kappa'];

/** A data set of items with unique identifiers and realistic, partly repeated values. */
export function itemsArbitrary(maxLength = 70, minLength = 0): fc.Arbitrary<Item[]> {
  return fc
    .array(
      fc.record({
        name: fc
          .tuple(fc.constantFrom(...NAMES), fc.integer({ min: 0, max: 99 }))
          .map(([n, i]) => `${n} ${i}`),
        active: fc.boolean(),
        rank: fc.integer({ min: 0, max: 5 }),
        note: fc.option(fc.constantFrom('x', 'y', 'z'), { nil: null }),
      }),
      { minLength, maxLength },
    )
    .map((rows) =>
      rows.map((row, index) => ({
        ...row,
        pk: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      })),
    );
}
