import { type HttpRequest, type JsonSchema, PAGINATION_STYLES, type PaginationStyle } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareValues } from '../_internals/apply-ordering.js';
import { readBodyPath } from '../_internals/body-path.js';
import { conformanceProblems, get, send } from '../_test/exchange.js';
import { walk } from '../_test/walk.js';
import { WIDGET_TOKEN, widgetApi } from '../_test/widget-api.js';
import { createMock } from './create-mock.js';

const auth = { 'x-api-key': WIDGET_TOKEN };

function setup(
  style: PaginationStyle,
  options: { items?: number; seed?: number; faults?: string[]; notFound?: boolean } = {},
) {
  const api = widgetApi(style, { notFound: options.notFound ?? false });
  const operation = api.operations[0]!;
  const mock = createMock(api, {
    token: WIDGET_TOKEN,
    seed: options.seed ?? 7,
    items: options.items ?? 45,
    faults: options.faults ?? [],
  });
  return { api, operation, mock };
}

/** The first request of a walk with page size `size`, in the style's own terms. */
function firstPage(style: PaginationStyle, size: number, query = ''): HttpRequest {
  const extra = new URLSearchParams(query);
  switch (style) {
    case 'page-object':
    case 'page-number':
      extra.set('page_size', String(size));
      break;
    case 'link-header':
      extra.set('per_page', String(size));
      break;
    case 'limit-offset':
    case 'cursor':
      extra.set('limit', String(size));
      break;
    case 'content-range':
      return get('/widgets', extra.toString(), { ...auth, range: `0-${size - 1}` });
  }
  return get('/widgets', extra.toString(), auth);
}

function allItems(
  style: PaginationStyle,
  mock: ReturnType<typeof setup>['mock'],
  operation: ReturnType<typeof setup>['operation'],
  query = '',
) {
  return walk(mock, operation, firstPage(style, 50, query)).flatMap((p) => p.items);
}

describe.each(PAGINATION_STYLES)('pagination, %s', (style) => {
  it('walks every item exactly once, in one order, with full pages but the last, for any page size', () => {
    const { mock, operation, api } = setup(style);
    const reference = allItems(style, mock, operation).map((i) => i.id);
    expect(reference).toHaveLength(45);
    expect(new Set(reference).size).toBe(45);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), (size) => {
        const pages = walk(mock, operation, firstPage(style, size));
        const ids = pages.flatMap((p) => p.items.map((i) => i.id));
        expect(ids).toEqual(reference);
        expect(pages).toHaveLength(Math.ceil(45 / size));
        for (const p of pages.slice(0, -1)) expect(p.items).toHaveLength(size);
        for (const page of pages) expect(conformanceProblems(api, operation, page.response)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('serves an empty list as one empty page', () => {
    const { mock, operation } = setup(style, { items: 0 });
    const pages = walk(mock, operation, firstPage(style, 10));
    expect(pages).toHaveLength(1);
    expect(pages[0]?.items).toEqual([]);
    expect(pages[0]?.response.status).toBe(200);
  });
});

describe('pagination metadata', () => {
  it('page-object: count, current, total_pages, start/end index and next/previous are computed from the page', () => {
    const { mock } = setup('page-object');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), (size, page) => {
        const { body } = send(mock, get('/widgets', `page=${page}&page_size=${size}`, auth));
        const meta = readBodyPath(body, ['pagination']) as Record<string, number>;
        const items = readBodyPath(body, ['results']) as unknown[];
        const totalPages = Math.ceil(45 / size);
        expect(meta.count).toBe(45);
        expect(meta.current).toBe(page);
        expect(meta.total_pages).toBe(totalPages);
        expect(meta.next).toBe(page < totalPages ? page + 1 : 0);
        expect(meta.previous).toBe(page > 1 ? page - 1 : 0);
        if (page <= totalPages) {
          expect(items).toHaveLength(Math.min(size, 45 - (page - 1) * size));
          expect(meta.start_index).toBe((page - 1) * size + 1);
          expect(meta.end_index).toBe((page - 1) * size + items.length);
        } else {
          expect(items).toEqual([]);
          expect([meta.start_index, meta.end_index]).toEqual([0, 0]);
        }
      }),
    );
  });

  it('page-object with no items: one page, indexes 0', () => {
    const { mock } = setup('page-object', { items: 0 });
    const { body } = send(mock, get('/widgets', '', auth));
    expect(readBodyPath(body, ['pagination'])).toEqual({
      next: 0,
      previous: 0,
      count: 0,
      current: 1,
      total_pages: 1,
      start_index: 0,
      end_index: 0,
    });
  });

  it('a page number before the first serves the first page', () => {
    const { mock } = setup('page-object');
    const first = send(mock, get('/widgets', 'page=1&page_size=5', auth)).body;
    expect(send(mock, get('/widgets', 'page=0&page_size=5', auth)).body).toEqual(first);
    expect(send(mock, get('/widgets', 'page=-3&page_size=5', auth)).body).toEqual(first);
  });

  it('page-number: absolute next/previous URLs, null at the ends, no page parameter for page 1', () => {
    const { mock } = setup('page-number');
    const host = { ...auth, host: 'api.test' };
    const p1 = send(mock, get('/v1/widgets', 'page_size=20', host)).body as Record<string, unknown>;
    expect(p1.previous).toBeNull();
    expect(p1.next).toBe('http://api.test/v1/widgets?page_size=20&page=2');
    const p2 = send(mock, get('/v1/widgets', 'page_size=20&page=2', host)).body as Record<string, unknown>;
    expect(p2.previous).toBe('http://api.test/v1/widgets?page_size=20');
    const p3 = send(mock, get('/v1/widgets', 'page_size=20&page=3', host)).body as Record<string, unknown>;
    expect(p3.next).toBeNull();
    expect(p3.count).toBe(45);
  });

  it('limit-offset: next is offset + limit even off the page grid', () => {
    const { mock } = setup('limit-offset');
    const body = send(mock, get('/widgets', 'limit=10&offset=7', { ...auth, host: 'h' })).body as Record<
      string,
      unknown
    >;
    expect(new URL(body.next as string).searchParams.get('offset')).toBe('17');
    expect(new URL(body.previous as string).searchParams.get('offset')).toBeNull();
    expect((body.results as unknown[]).length).toBe(10);
  });

  it('cursor: has_more is false and next_cursor null on the last page; a starting_after identifier resumes after that item', () => {
    const { mock, operation } = setup('cursor');
    const pages = walk(mock, operation, firstPage('cursor', 20));
    const last = pages.at(-1)?.body as Record<string, unknown>;
    expect(last.has_more).toBe(false);
    expect(last.next_cursor).toBeNull();
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    const after = send(mock, get('/widgets', `limit=3&cursor=${String(ids[9])}`, auth)).body as Record<
      string,
      unknown
    >;
    expect((after.data as Record<string, unknown>[]).map((i) => i.id)).toEqual(ids.slice(10, 13));
  });

  it('link-header: next, prev, first and last relations', () => {
    const { mock } = setup('link-header');
    const { response } = send(mock, get('/widgets', 'per_page=10&page=2', auth));
    expect(response.headers.link).toContain('page=3>; rel="next"');
    expect(response.headers.link).toContain('page=1>; rel="prev"');
    expect(response.headers.link).toContain('page=5>; rel="last"');
  });

  it('link-header without a page parameter: an integer cursor (GitHub since) carries the last identifier; no parameter, no next link', () => {
    const api = widgetApi('link-header');
    const operation = api.operations[0]!;
    const pagination = operation.list!.pagination!;
    const { pageParam: _page, ...rest } = pagination;
    operation.list!.pagination = { ...rest, cursorParam: 'since' };
    operation.parameters.push({ ...operation.parameters[0]!, name: 'since', schema: { type: 'integer' } });
    const mock = createMock(api, { token: WIDGET_TOKEN, seed: 7 });
    const pages = walk(mock, operation, get('/widgets', 'per_page=10', auth));
    expect(pages).toHaveLength(5);
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(45);
    expect(pages[0]?.response.headers.link).toContain(`since=${String(ids[9])}>; rel="next"`);

    operation.list!.pagination = { ...rest };
    const unreachable = createMock(api, { token: WIDGET_TOKEN, seed: 7 });
    expect(send(unreachable, get('/widgets', 'per_page=10', auth)).response.headers.link).not.toContain(
      'rel="next"',
    );
  });

  it('content-range: first-last/total, and */total past the end', () => {
    const { mock } = setup('content-range');
    expect(
      send(mock, get('/widgets', '', { ...auth, range: '10-19' })).response.headers['content-range'],
    ).toBe('10-19/45');
    expect(send(mock, get('/widgets', 'offset=40&limit=10', auth)).response.headers['content-range']).toBe(
      '40-44/45',
    );
    expect(
      send(mock, get('/widgets', '', { ...auth, range: '50-59' })).response.headers['content-range'],
    ).toBe('*/45');
  });

  it('a cursor list that documents a Link header (GitHub) gets computed links, never a generated value', () => {
    // GitHub's cursor lists: the body is the array, the next page is only in Link (`after=`).
    const api = widgetApi('link-header');
    const operation = api.operations[0]!;
    const { pageParam: _page, ...rest } = operation.list!.pagination!;
    operation.list!.pagination = { ...rest, style: 'cursor', cursorParam: 'after' };
    operation.parameters.push({ ...operation.parameters[0]!, name: 'after', schema: { type: 'string' } });
    const ok = operation.responses['200']!;
    ok.headers.link = { name: 'link', required: false, schema: { type: 'string' } };
    const mock = createMock(api, { token: WIDGET_TOKEN, seed: 7 });
    const rfc8288 = /^<[^>]*>; rel="(next|prev|first|last)"$/;
    const seen: unknown[] = [];
    let query: string | undefined = 'per_page=10';
    let pages = 0;
    while (query !== undefined && pages < 10) {
      const { response, body } = send(mock, get('/widgets', query, auth));
      expect(response.status).toBe(200);
      expect(conformanceProblems(api, operation, response)).toEqual([]);
      const parts = (response.headers.link ?? '').split(', ');
      for (const part of parts) expect(part).toMatch(rfc8288);
      expect(parts.some((part) => part.endsWith('rel="first"'))).toBe(true);
      seen.push(...(body as Record<string, unknown>[]).map((item) => item.id));
      const next = /<([^>]*)>; rel="next"/.exec(response.headers.link ?? '')?.[1];
      query = next === undefined ? undefined : new URL(next).search.slice(1);
      pages += 1;
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
  });

  it('a cursor in a string field leaves the last page without one: absent when optional (Kubernetes continue), empty when required, never null', () => {
    const api = widgetApi('cursor');
    const operation = api.operations[0]!;
    const content = operation.responses['200']!.content['application/json']!;
    content.schema = {
      type: 'object',
      properties: {
        data: { type: 'array', items: { $ref: '#/$defs/Widget' } },
        metadata: { type: 'object', properties: { continue: { type: 'string' } } },
        next_cursor: { type: 'string' },
      },
      required: ['data', 'metadata', 'next_cursor'],
    };
    const pagination = operation.list!.pagination!;
    const { hasMorePath: _hasMore, ...rest } = pagination;
    for (const [path, last] of [
      [['metadata', 'continue'], undefined],
      [['next_cursor'], ''],
    ] as const) {
      operation.list!.pagination = { ...rest, nextPath: [...path] };
      const mock = createMock(api, { token: WIDGET_TOKEN, seed: 7 });
      const ids: unknown[] = [];
      let query: string | undefined = 'limit=20';
      for (let page = 0; query !== undefined && page < 5; page++) {
        const { response, body } = send(mock, get('/widgets', query, auth));
        expect(conformanceProblems(api, operation, response)).toEqual([]);
        ids.push(...(readBodyPath(body, ['data']) as Record<string, unknown>[]).map((item) => item.id));
        const token = readBodyPath(body, path);
        if (page < 2) expect(typeof token).toBe('string');
        else expect(token).toBe(last);
        query = typeof token === 'string' && token !== '' ? `limit=20&cursor=${token}` : undefined;
      }
      expect(new Set(ids).size).toBe(45);
    }
  });

  it('an offset off the page grid that reaches the end has no next link (NetBox limit=23&offset=22)', () => {
    const { mock, api, operation } = setup('limit-offset');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 44 }), (limit, offset) => {
        const { body, response } = send(mock, get('/widgets', `limit=${limit}&offset=${offset}`, auth));
        const page = body as { next: string | null; results: unknown[] };
        expect(page.next === null).toBe(offset + limit >= 45);
        expect(page.results).toHaveLength(Math.min(limit, 45 - offset));
        expect(conformanceProblems(api, operation, response)).toEqual([]);
      }),
    );
  });

  it('a list documented with uniqueItems (Slack) never serves the same item twice', () => {
    const api = widgetApi('page-number');
    const operation = api.operations[0]!;
    const small: JsonSchema = {
      type: 'object',
      properties: { color: { type: 'string', enum: ['red', 'green', 'blue'] }, big: { type: 'boolean' } },
      required: ['color', 'big'],
    };
    const content = operation.responses['200']!.content['application/json']!;
    content.schema = {
      type: 'object',
      properties: {
        count: { type: 'integer' },
        next: { type: ['string', 'null'] },
        previous: { type: ['string', 'null'] },
        results: { type: 'array', items: small, uniqueItems: true },
      },
      required: ['count', 'next', 'previous', 'results'],
    };
    const { identifier: _id, ...rest } = operation.list!;
    operation.list = { ...rest, itemSchema: small, filters: [], ordering: undefined, search: undefined };
    const mock = createMock(api, { token: WIDGET_TOKEN, seed: 3 });
    const { response, body } = send(mock, get('/widgets', 'page_size=100', auth));
    expect(conformanceProblems(api, operation, response)).toEqual([]);
    const results = (body as { results: unknown[] }).results;
    expect(results.length).toBeGreaterThan(1);
    expect(results.length).toBeLessThanOrEqual(6);
  });

  it('past the last page: the documented 404, else (page-number) the documented 400, else an empty page', () => {
    const withNotFound = setup('page-number', { notFound: true });
    const answer = send(withNotFound.mock, get('/widgets', 'page=99', auth));
    expect(answer.response.status).toBe(404);
    expect(conformanceProblems(withNotFound.api, withNotFound.operation, answer.response)).toEqual([]);
    const pageNumber = setup('page-number');
    const rejected = send(pageNumber.mock, get('/widgets', 'page=99', auth));
    expect(rejected.response.status).toBe(400);
    expect(conformanceProblems(pageNumber.api, pageNumber.operation, rejected.response)).toEqual([]);
    const pageObject = setup('page-object');
    const empty = send(pageObject.mock, get('/widgets', 'page=99', auth));
    expect(empty.response.status).toBe(200);
    expect((empty.body as Record<string, unknown>).results).toEqual([]);
  });
});

describe('query semantics', () => {
  const { mock, operation } = setup('page-number');
  const everything = allItems('page-number', mock, operation);

  it('equality filters keep exactly the matching items', () => {
    const owners = [...new Set(everything.map((i) => i.owner).filter((o) => o !== null))];
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.length).toBeLessThanOrEqual(3);
    fc.assert(
      fc.property(
        fc.constantFrom(...(owners as string[])),
        fc.constantFrom('red', 'green', 'blue'),
        fc.boolean(),
        fc.subarray(['owner', 'color', 'active'] as const),
        (owner, color, active, use) => {
          const values = { owner, color, active };
          const query = use.map((k) => `${k}=${String(values[k])}`).join('&');
          const got = allItems('page-number', mock, operation, query).map((i) => i.id);
          const expected = everything.filter((i) => use.every((k) => i[k] === values[k])).map((i) => i.id);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a filter on a value some item has finds it (foreign keys come from small pools)', () => {
    for (const item of everything.slice(0, 10)) {
      if (item.owner === null) continue;
      const got = allItems('page-number', mock, operation, `owner=${String(item.owner)}`);
      expect(got.map((i) => i.id)).toContain(item.id);
    }
  });

  it('ordering sorts by any field, descending with "-", with later keys breaking ties', () => {
    const fields = ['id', 'name', 'color', 'weight', 'active'];
    fc.assert(
      fc.property(
        fc.subarray(fields, { minLength: 1, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        (keys, descending) => {
          const ordering = keys.map((k, i) => (descending[i] ? `-${k}` : k)).join(',');
          const got = allItems('page-number', mock, operation, `ordering=${ordering}`);
          expect(got).toHaveLength(45);
          for (let i = 1; i < got.length; i++) {
            const a = got[i - 1]!;
            const b = got[i]!;
            for (const [j, key] of keys.entries()) {
              const order = compareValues(a[key], b[key]) * (descending[j] ? -1 : 1);
              expect(order).toBeLessThanOrEqual(0);
              if (order < 0) break;
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('unknown ordering fields are ignored', () => {
    const got = allItems('page-number', mock, operation, 'ordering=nope');
    expect(got.map((i) => i.id)).toEqual(everything.map((i) => i.id));
  });

  it('search keeps the items with the term in a string property, ignoring case', () => {
    const names = everything.map((i) => String(i.name));
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(), fc.nat(), fc.boolean(), (name, a, b, upper) => {
        const chars = Array.from(name);
        const start = a % chars.length;
        const term = chars.slice(start, start + 1 + (b % 3)).join('');
        // Upper-casing must not change what the term matches (ß becomes SS).
        const shown =
          upper && term.toUpperCase().toLowerCase() === term.toLowerCase() ? term.toUpperCase() : term;
        const got = allItems('page-number', mock, operation, `q=${encodeURIComponent(shown)}`);
        const expected = everything.filter((i) =>
          Object.values(i).some(
            (v) => typeof v === 'string' && v.toLowerCase().includes(shown.toLowerCase()),
          ),
        );
        expect(got.map((i) => i.id)).toEqual(expected.map((i) => i.id));
        expect(got.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});
