import { createSchemaValidator } from '@assay/checks';
import type { JsonSchema, ListSemantics } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operation, parameter } from '../_test/operation.js';
import { requestArbitrary } from './request-arbitrary.js';

const defs: Record<string, JsonSchema> = {
  Stage: {
    type: 'object',
    required: ['pk', 'name'],
    properties: {
      pk: { type: 'string', format: 'uuid' },
      name: { type: 'string' },
      enabled: { type: 'boolean' },
      order: { type: 'integer' },
    },
  },
};
const { isValid } = createSchemaValidator(defs);

const list: ListSemantics = {
  itemsPath: ['results'],
  itemSchema: { $ref: '#/$defs/Stage' },
  identifier: 'pk',
  pagination: {
    style: 'page-object',
    source: 'detected',
    pageParam: 'page',
    pageSizeParam: 'page_size',
    firstPage: 1,
  },
  filters: [
    { param: 'name', property: 'name', kind: 'text' },
    { param: 'enabled', property: 'enabled', kind: 'equality' },
  ],
  ordering: { param: 'ordering', fields: ['name', 'order', 'pk'] },
  search: { param: 'search' },
};

const listOperation = operation({
  id: 'stages_list',
  parameters: [
    parameter('page', 'query', { type: 'integer' }),
    parameter('page_size', 'query', { type: 'integer' }),
    parameter('ordering', 'query', { type: 'string' }),
    parameter('search', 'query', { type: 'string' }),
    parameter('name', 'query', { type: 'string' }),
    parameter('enabled', 'query', { type: 'boolean' }),
  ],
  list,
});

function params(query: string): URLSearchParams {
  return new URLSearchParams(query);
}

describe('list-aware generation', () => {
  const seen = {
    name: ['Default identification', 'Recovery'],
    enabled: [true],
    pk: ['0b9c8f5e-3f5c-4b8e-9a53-1c1f0c2f7a10'],
  };
  const requests = fc
    .sample(requestArbitrary(listOperation, 'positive', { defs, isValid, seen, listSize: 10 }), {
      numRuns: 400,
      seed: 11,
    })
    .map((r) => params(r.query));

  it('draws page sizes from 1 to a few times the list size', () => {
    const sizes = requests
      .map((q) => q.get('page_size'))
      .filter((s) => s !== null)
      .map(Number);
    expect(sizes.length).toBeGreaterThan(100);
    expect(Math.min(...sizes)).toBe(1);
    expect(sizes.filter((s) => s >= 1 && s <= 30).length).toBeGreaterThan(sizes.length * 0.6);
  });

  it('draws page numbers from the first page to past the last one', () => {
    const pairs = requests
      .filter((q) => q.get('page') !== null && q.get('page_size') !== null)
      .map((q) => [Number(q.get('page')), Number(q.get('page_size'))] as const);
    const pastLast = pairs.filter(([page, size]) => size <= 30 && page > Math.ceil(10 / size));
    const inside = pairs.filter(([page, size]) => size <= 30 && page >= 1 && page <= Math.ceil(10 / size));
    expect(pastLast.length).toBeGreaterThan(5);
    expect(inside.length).toBeGreaterThan(pastLast.length);
  });

  it('orders by item property names, descending with "-", several joined by commas', () => {
    const orderings = new Set(requests.map((q) => q.get('ordering')).filter((o): o is string => o !== null));
    const terms = [...orderings].flatMap((o) => o.split(','));
    expect(terms.some((t) => t.startsWith('-'))).toBe(true);
    expect([...orderings].some((o) => o.includes(','))).toBe(true);
    expect(terms.filter((t) => ['name', 'order', 'pk'].includes(t.replace(/^-/, ''))).length).toBeGreaterThan(
      terms.length * 0.6,
    );
  });

  it('draws filter and search values from what was seen', () => {
    const names = requests.map((q) => q.get('name')).filter((n) => n !== null);
    expect(names.filter((n) => seen.name.includes(n!)).length).toBeGreaterThan(names.length / 2);
    const searches = requests.map((q) => q.get('search')).filter((s) => s !== null);
    expect(searches.filter((s) => seen.name.some((n) => n.includes(s!))).length).toBeGreaterThan(
      searches.length / 2,
    );
  });

  it('takes cursors from identifiers seen, and leaves them out before any were seen', () => {
    const cursorList: ListSemantics = {
      ...list,
      pagination: {
        style: 'cursor',
        source: 'detected',
        cursorParam: 'starting_after',
        limitParam: 'limit',
        firstPage: 1,
      },
    };
    const op = operation({
      parameters: [
        parameter('starting_after', 'query', { type: 'string' }),
        parameter('limit', 'query', { type: 'integer', minimum: 1, maximum: 100 }),
      ],
      list: cursorList,
    });
    const cursors = (seen: Record<string, unknown[]>) =>
      fc
        .sample(requestArbitrary(op, 'positive', { defs, isValid, seen }), { numRuns: 200, seed: 6 })
        .map((r) => params(r.query).get('starting_after'));
    expect(new Set(cursors({}))).toEqual(new Set([null]));
    const withSeen = cursors({ pk: ['obj_1', 'obj_2'] });
    expect(new Set(withSeen)).toEqual(new Set([null, 'obj_1', 'obj_2']));
  });

  it('fills item path parameters with identifiers seen, when they fit the schema', () => {
    const op = operation({
      path: '/stages/{stage_uuid}/',
      parameters: [parameter('stage_uuid', 'path', { type: 'string', format: 'uuid' })],
    });
    const uuid = '0b9c8f5e-3f5c-4b8e-9a53-1c1f0c2f7a10';
    const paths = fc
      .sample(requestArbitrary(op, 'positive', { defs, isValid, seen: { pk: [uuid, 'not-a-uuid', 7] } }), {
        numRuns: 100,
        seed: 3,
      })
      .map((r) => r.path);
    const hits = paths.filter((p) => p === `/stages/${uuid}/`).length;
    expect(hits).toBeGreaterThan(40);
    expect(hits).toBeLessThan(80);
    expect(paths.some((p) => p.includes('not-a-uuid'))).toBe(false);
  });

  it('keeps only seen values the parameter accepts', () => {
    const op = operation({
      parameters: [parameter('name', 'query', { type: 'string', maxLength: 3 })],
      list: { ...list, filters: [{ param: 'name', property: 'name', kind: 'text' }] },
    });
    const names = fc
      .sample(requestArbitrary(op, 'positive', { defs, isValid, seen: { name: ['toolong', 'ok'] } }), {
        numRuns: 200,
        seed: 2,
      })
      .map((r) => params(r.query).get('name'));
    expect(names).toContain('ok');
    expect(names).not.toContain('toolong');
  });
});
