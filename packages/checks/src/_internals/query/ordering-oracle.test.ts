import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderingVerdict, parseOrdering } from './ordering-oracle.js';

const rows = (field: string, values: unknown[]) => values.map((v) => ({ [field]: v }));

describe('parseOrdering', () => {
  it('reads fields, "-" for descending, comma lists', () => {
    expect(parseOrdering('name,-pk, +rank')).toEqual([
      { field: 'name', descending: false },
      { field: 'pk', descending: true },
      { field: 'rank', descending: false },
    ]);
  });
});

describe('orderingVerdict', () => {
  it('accepts binary, case-insensitive and locale collations', () => {
    expect(orderingVerdict(rows('n', ['B', 'a', 'c']), parseOrdering('n')).sorted).toBe(true); // binary
    expect(orderingVerdict(rows('n', ['a', 'B', 'c']), parseOrdering('n')).sorted).toBe(true); // case-insensitive
    expect(orderingVerdict(rows('n', ['a-b', 'ab', 'a c']), parseOrdering('n')).sorted).toBe(true); // ignore punctuation
    expect(orderingVerdict(rows('n', ['résumé', 'rope']), parseOrdering('n')).sorted).toBe(true); // locale accents
    expect(orderingVerdict(rows('price', ['9.50', '10.00']), parseOrdering('price')).sorted).toBe(true); // decimals as strings
  });
  it('accepts nulls first or last, absolute or relative to the direction', () => {
    expect(orderingVerdict(rows('n', [null, 1, 2]), parseOrdering('n')).sorted).toBe(true);
    expect(orderingVerdict(rows('n', [1, 2, null]), parseOrdering('n')).sorted).toBe(true);
    expect(orderingVerdict(rows('n', [null, 2, 1]), parseOrdering('-n')).sorted).toBe(true);
    const mixed = [
      { a: 1, b: 2 },
      { a: 1, b: 1 },
      { a: 1, b: null },
      { a: null, b: null },
    ];
    // PostgreSQL default: nulls largest, so last ascending and first descending.
    expect(orderingVerdict(mixed, parseOrdering('a,-b')).sorted).not.toBe(false);
  });
  it('breaks ties by the next key and accepts any order of equal items', () => {
    const items = [
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 0, b: 'z' },
    ];
    expect(orderingVerdict(items, parseOrdering('-a,b')).sorted).toBe(true);
    expect(orderingVerdict(items, parseOrdering('-a,-b')).sorted).toBe(false);
    expect(orderingVerdict(rows('n', [1, 1, 1]), parseOrdering('-n')).sorted).toBe(true);
  });
  it('reports a sequence sorted under no collation, at the first item out of order', () => {
    const verdict = orderingVerdict(rows('n', [1, 3, 2, 4]), parseOrdering('n'));
    expect(verdict).toEqual({ sorted: false, index: 2, field: 'n', previous: 3, value: 2 });
    expect(orderingVerdict(rows('n', ['b', 'a']), parseOrdering('n')).sorted).toBe(false);
  });
  it('cannot tell when a key is missing or types are mixed', () => {
    expect(orderingVerdict([{ n: 2 }, { m: 1 }], parseOrdering('n')).sorted).toBe('unknown');
    expect(orderingVerdict(rows('n', [2, '1']), parseOrdering('n')).sorted).toBe('unknown');
    expect(orderingVerdict(rows('n', [{ x: 1 }, { x: 0 }]), parseOrdering('n')).sorted).toBe('unknown');
  });
  it('accepts every sequence sorted by a comparator, and rejects its reversal when values differ', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer(), { minLength: 2, maxLength: 30 }),
        fc.boolean(),
        (values, descending) => {
          const sorted = [...values].sort((x, y) => (descending ? y - x : x - y));
          const keys = parseOrdering(descending ? '-v' : 'v');
          expect(orderingVerdict(rows('v', sorted), keys).sorted).toBe(true);
          expect(orderingVerdict(rows('v', [...sorted].reverse()), keys).sorted).toBe(false);
        },
      ),
    );
  });
  it('accepts a case-insensitive locale order that keeps punctuation (MySQL utf8mb4_0900_ai_ci)', () => {
    // Found by the property below: sorted by lower-cased locale comparison.
    expect(orderingVerdict(rows('v', [',0', '!', 'H', 'h']), parseOrdering('v')).sorted).toBe(true);
  });
  it('accepts strings sorted by any of the collations databases use', () => {
    const collators = [
      (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0),
      (x: string, y: string) => x.toLowerCase().localeCompare(y.toLowerCase()),
      new Intl.Collator('en').compare,
    ];
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 20 }),
        fc.constantFrom(0, 1, 2),
        (values, c) => {
          const sorted = [...values].sort(collators[c]);
          expect(orderingVerdict(rows('v', sorted), parseOrdering('v')).sorted).toBe(true);
        },
      ),
    );
  });
});

describe('orderingVerdict on date-times', () => {
  it('accepts timestamps ordered by instant, whatever their offsets, and rejects them out of order', () => {
    const instant = fc.integer({ min: 0, max: 4_000_000_000_000 });
    const offset = fc.integer({ min: -12, max: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, offset), { minLength: 2, maxLength: 12 }), (stamps) => {
        const text = ([ms, hours]: [number, number]) => {
          const local = new Date(ms + hours * 3_600_000).toISOString().slice(0, 19);
          const sign = hours < 0 ? '-' : '+';
          return `${local}${sign}${String(Math.abs(hours)).padStart(2, '0')}:00`;
        };
        const sorted = [...stamps].sort((a, b) => a[0] - b[0]).map((s) => ({ at: text(s) }));
        expect(orderingVerdict(sorted, [{ field: 'at', descending: false }]).sorted).toBe(true);
      }),
    );
    const late = { at: '2024-05-01T10:00:00+02:00' };
    const early = { at: '2024-05-01T09:00:00Z' };
    expect(orderingVerdict([early, late], [{ field: 'at', descending: false }]).sorted).toBe(true);
    expect(orderingVerdict([late, early], [{ field: 'at', descending: true }]).sorted).toBe(true);
  });
});
