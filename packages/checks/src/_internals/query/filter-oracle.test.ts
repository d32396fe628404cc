import type { QueryFilter } from '@assay/model';
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
});
