import type { QueryFilter } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterMatches } from './filter-oracle.js';

const eq = (property: string): QueryFilter => ({ param: property, property, kind: 'equality' });
const text = (property: string): QueryFilter => ({ param: property, property, kind: 'text' });

describe('filterMatches', () => {
  it('compares booleans, integers, enums and uuids by equality', () => {
    expect(filterMatches(eq('on'), { on: true }, ['true'])).toBe(true);
    expect(filterMatches(eq('on'), { on: true }, ['True'])).toBe(true);
    expect(filterMatches(eq('on'), { on: false }, ['true'])).toBe(false);
    expect(filterMatches(eq('n'), { n: 3 }, ['3'])).toBe(true);
    expect(filterMatches(eq('n'), { n: 3 }, ['4'])).toBe(false);
    expect(filterMatches(eq('e'), { e: 'open' }, ['closed'])).toBe(false);
    const id = '5c7d1a6e-3f2b-4c1d-9a8e-1b2c3d4e5f60';
    expect(filterMatches(eq('u'), { u: id }, [id.toUpperCase()])).toBe(true);
    expect(filterMatches(eq('u'), { u: id }, [id.replace(/-/g, '')])).toBe(true);
    expect(filterMatches(eq('u'), { u: null }, [id])).toBe(false);
  });
  it('matches free text by case-insensitive containment, so exact and icontains servers pass', () => {
    expect(filterMatches(text('name'), { name: 'Default Stage' }, ['default stage'])).toBe(true);
    expect(filterMatches(text('name'), { name: 'Default Stage' }, ['STAGE'])).toBe(true);
    expect(filterMatches(text('name'), { name: 'Café' }, ['cafe'])).toBe(true);
    expect(filterMatches(text('name'), { name: 'Default' }, ['other'])).toBe(false);
  });
  it('matches when any of several values does', () => {
    expect(filterMatches(eq('n'), { n: 2 }, ['1', '2'])).toBe(true);
    expect(filterMatches(eq('n'), { n: 2 }, ['1,2'])).toBe(true);
    expect(filterMatches(eq('tags'), { tags: ['a', 'b'] }, ['b'])).toBe(true);
  });
  it('cannot tell for an empty value, an unreadable value or a missing property', () => {
    expect(filterMatches(eq('on'), { on: true }, [''])).toBeUndefined();
    expect(filterMatches(eq('on'), { on: true }, ['maybe'])).toBeUndefined();
    expect(filterMatches(eq('n'), { n: 1 }, ['abc'])).toBeUndefined();
    expect(filterMatches(eq('n'), { m: 1 }, ['1'])).toBeUndefined();
    expect(filterMatches(eq('n'), { n: { nested: 1 } }, ['1'])).toBeUndefined();
    expect(filterMatches(eq('u'), { u: null }, ['null'])).toBeUndefined();
  });

  it('matches UUIDs whatever their dashes and case, and other strings exactly', () => {
    const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
    const reference = (actual: string, value: string) =>
      UUID.test(actual) && UUID.test(value)
        ? actual.replace(/-/g, '').toLowerCase() === value.replace(/-/g, '').toLowerCase()
        : actual === value;
    const hex = fc.stringMatching(/^[0-9a-fA-F]{32}$/);
    // A UUID's digits with a dash (or not) at each of the four places, or some other text.
    const spelled = fc
      .tuple(hex, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }))
      .map(([h, dashes]) =>
        [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)]
          .map((part, i) => (i > 0 && dashes[i - 1] ? `-${part}` : part))
          .join(''),
      );
    const text = fc.oneof(spelled, fc.string({ maxLength: 40 }));
    const filter = { param: 'pk', property: 'pk', kind: 'equality' as const };
    fc.assert(
      fc.property(text, text, fc.boolean(), (actual, value, sameDigits) => {
        const asked = sameDigits ? actual.replace(/-/g, '').toUpperCase() : value;
        if (asked.trim() === '' || asked.includes(',') || asked !== asked.trim()) return;
        expect(filterMatches(filter, { pk: actual }, [asked])).toBe(reference(actual, asked));
      }),
    );
  });
});
