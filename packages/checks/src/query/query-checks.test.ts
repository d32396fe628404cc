import type { ListSemantics } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { exchangeWith, operationWith, responseSpec } from '../_test/exchange-builder.js';
import { queryFilter } from './query-filter.js';
import { queryOrdering } from './query-ordering.js';
import { querySearch } from './query-search.js';

const list: ListSemantics = {
  itemsPath: ['results'],
  itemSchema: {},
  identifier: 'pk',
  filters: [
    { param: 'active', property: 'active', kind: 'equality' },
    { param: 'name', property: 'name', kind: 'text' },
  ],
  ordering: { param: 'ordering', fields: ['name', 'rank'] },
  search: { param: 'search' },
};
const op = operationWith([responseSpec('200')], { list });
const page = (results: unknown[], query: string) => exchangeWith(op, { body: { results }, query });

describe('query-filter', () => {
  it('reports the items that do not match, pointing at their property', () => {
    const violations = queryFilter.verify(page([{ active: true }, { active: false }], 'active=true'));
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ pointer: '/results/1/active', expected: 'true', actual: false });
  });
  it('says nothing without the parameter, for an error answer, or for an empty value', () => {
    expect(queryFilter.verify(page([{ active: false }], ''))).toEqual([]);
    expect(
      queryFilter.verify(
        exchangeWith(op, { status: 400, body: { results: [{ active: false }] }, query: 'active=true' }),
      ),
    ).toEqual([]);
    expect(queryFilter.verify(page([{ active: false }], 'active='))).toEqual([]);
  });
});

describe('query-ordering', () => {
  it('reports a list sorted under no collation', () => {
    const [v] = queryOrdering.verify(page([{ name: 'b' }, { name: 'a' }], 'ordering=name'));
    expect(v).toMatchObject({ check: 'query-ordering', pointer: '/results/1/name', actual: 'a' });
    expect(queryOrdering.verify(page([{ name: 'a' }, { name: 'b' }], 'ordering=-name'))).toHaveLength(1);
  });
  it('says nothing for a field that is not a documented ordering field, even if items carry it', () => {
    // DRF drops fields outside ordering_fields and keeps its default order.
    expect(queryOrdering.verify(page([{ pk: 2 }, { pk: 1 }], 'ordering=pk'))).toEqual([]);
    expect(
      queryOrdering.verify(
        page(
          [
            { name: 'b', pk: 2 },
            { name: 'a', pk: 1 },
          ],
          'ordering=name,pk',
        ),
      ),
    ).toEqual([]);
  });
  it('accepts case-insensitive and locale orders', () => {
    expect(
      queryOrdering.verify(page([{ name: 'alpha' }, { name: 'Beta' }, { name: 'gamma' }], 'ordering=name')),
    ).toEqual([]);
  });
});

describe('query-search', () => {
  it('reports an item that lacks a term', () => {
    const results = [{ name: 'Default Flow' }, { name: 'Other', slug: 'default-x' }, { name: 'nothing' }];
    const violations = querySearch.verify(page(results, 'search=default'));
    expect(violations.map((v) => v.pointer)).toEqual(['/results/2']);
  });
  it('says nothing for an empty search', () => {
    expect(querySearch.verify(page([{ name: 'x' }], 'search=%20'))).toEqual([]);
  });
});
