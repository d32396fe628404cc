import type { ListSemantics } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { exchangeWith, operationWith, orderingParameter, responseSpec } from '../_test/exchange-builder.js';
import { queryFilter } from './query-filter.js';
import { queryOrdering } from './query-ordering.js';
import { queryOrderingInferred } from './query-ordering-inferred.js';
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
const op = operationWith([responseSpec('200')], { list, parameters: [orderingParameter(['name', 'rank'])] });
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
  it('reports the first 20 items breaking each filter of a page that ignores them', () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ active: i % 2 === 0, name: `Zed ${i}` }));
    const violations = queryFilter.verify(page(items, 'active=true&name=Ab'));
    const of = (param: string) => violations.filter((v) => v.fingerprint.endsWith(`|${param}`));
    expect(of('active').map((v) => v.pointer)).toEqual(
      Array.from({ length: 20 }, (_, i) => `/results/${2 * i + 1}/active`),
    );
    expect(of('name').map((v) => v.pointer)).toEqual(
      Array.from({ length: 20 }, (_, i) => `/results/${i}/name`),
    );
    expect(violations).toHaveLength(40);
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
  it('says nothing for fields guessed from the items when the parameter documents none (no enum)', () => {
    // spec/identification.yaml's `ordering` is a bare string: the loader guesses pk and name, but a
    // DRF server whose ordering_fields lack pk serves its default order for ordering=pk.
    const guessed = operationWith([responseSpec('200')], {
      list,
      parameters: [{ ...orderingParameter([]), schema: { type: 'string' } }],
    });
    const unsorted = exchangeWith(guessed, {
      body: { results: [{ name: 'b' }, { name: 'a' }] },
      query: 'ordering=name',
    });
    expect(queryOrdering.verify(unsorted)).toEqual([]);
    const listed = operationWith([responseSpec('200')], {
      list,
      parameters: [
        { ...orderingParameter([]), schema: { type: 'array', items: { enum: ['name', '-name'] } } },
      ],
    });
    expect(
      queryOrdering.verify(
        exchangeWith(listed, { body: { results: [{ name: 'b' }, { name: 'a' }] }, query: 'ordering=name' }),
      ),
    ).toHaveLength(1);
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

describe('query-ordering over a sequence, for fields guessed from the items (no enum)', () => {
  const guessed = operationWith([responseSpec('200')], {
    list: { ...list, ordering: { param: 'ordering', fields: ['pk', 'name'] } },
    parameters: [{ ...orderingParameter([]), schema: { type: 'string' } }],
  });
  const byName = [
    { pk: 3, name: 'a' },
    { pk: 1, name: 'b' },
    { pk: 2, name: 'c' },
  ];
  const served = (query: string, results: unknown[]) => exchangeWith(guessed, { body: { results }, query });
  it('says nothing about a field the server ignores while it honours another (DRF without pk in ordering_fields)', () => {
    const sequence = [
      served('ordering=pk', byName),
      served('ordering=-pk', byName),
      served('ordering=name', byName),
      served('ordering=-name', [...byName].reverse()),
    ];
    expect(queryOrderingInferred.verify(sequence, [])).toEqual([]);
    expect(sequence.flatMap((e) => queryOrdering.verify(e))).toEqual([]);
  });
  it('reports a page unsorted by a field the server was seen to sort by both ways', () => {
    const sequence = [
      served('ordering=name', byName),
      served('ordering=-name', [...byName].reverse()),
      served('ordering=name&page=2', [...byName].reverse()),
    ];
    const violations = queryOrderingInferred.verify(sequence, []);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ severity: 'error', pointer: '/results/1/name' });
  });
  it('takes no evidence from two small pages of different queries that happen to look sorted both ways', () => {
    // A server ignoring pk: its default order (by name) happens to run up by pk on one filtered
    // page and down on another; neither shows that pk is honoured.
    const sequence = [
      served('active=true&ordering=pk', [
        { pk: 1, name: 'a' },
        { pk: 2, name: 'b' },
      ]),
      served('active=false&ordering=-pk', [
        { pk: 9, name: 'c' },
        { pk: 8, name: 'd' },
      ]),
      served('ordering=pk', byName),
      served('ordering=name', byName),
      served('ordering=-name', [...byName].reverse()),
    ];
    expect(queryOrderingInferred.verify(sequence, [])).toEqual([]);
  });
  it('warns when every field tried leaves the items unsorted in some direction (the parameter is ignored)', () => {
    const sequence = ['ordering=pk', 'ordering=-pk', 'ordering=name', 'ordering=-name'].map((q) =>
      served(q, byName),
    );
    const violations = queryOrderingInferred.verify(sequence, []);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ severity: 'warning', keyword: 'ordering' });
  });
  it('says nothing when the parameter documents its fields (the exchange check judges them)', () => {
    const documented = operationWith([responseSpec('200')], {
      list,
      parameters: [orderingParameter(['name'])],
    });
    const unsorted = exchangeWith(documented, {
      body: { results: [{ name: 'b' }, { name: 'a' }] },
      query: 'ordering=name',
    });
    expect(queryOrderingInferred.verify([unsorted], [])).toEqual([]);
  });
});
