import { describe, expect, it } from 'vitest';
import {
  exchangeOf,
  firstRequest,
  type Item,
  listOperation,
  queryOf,
  serve,
} from '../_test/reference-server.js';
import { unfilteredRequest } from '../query/unfiltered-request.js';
import { nextPageRequest } from './next-page-request.js';
import { pageSizeVariantRequest } from './page-size-variant-request.js';
import { pastLastPageRequest } from './past-last-page-request.js';
import { requestKey } from './request-key.js';

const data: Item[] = Array.from({ length: 23 }, (_, i) => ({
  pk: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `item ${i}`,
  active: i % 2 === 0,
  rank: i % 4,
  note: null,
}));
const base = { basePath: '/api/v3' };

describe('nextPageRequest', () => {
  it('page-object: the next page number into the page parameter, none on the last page', () => {
    const op = listOperation('page-object');
    const server = (r: Parameters<typeof serve>[2]) => serve('page-object', data, r);
    const first = exchangeOf(op, server, firstRequest('page-object', 10, 'ordering=name'));
    const next = nextPageRequest(first, base)!;
    expect(queryOf(next)).toEqual({ ordering: 'name', page_size: '10', page: '2' });
    expect(next.mode).toBe('pagination');
    const last = exchangeOf(op, server, { ...next, query: 'page_size=10&page=3' });
    expect(nextPageRequest(last, base)).toBeUndefined();
  });
  it('page-number: follows the absolute next URL, relative to the base path', () => {
    const op = listOperation('page-number');
    const first = exchangeOf(op, (r) => serve('page-number', data, r), firstRequest('page-number', 10));
    const next = nextPageRequest(first, base)!;
    expect(next.path).toBe('/items/');
    expect(queryOf(next)).toEqual({ page_size: '10', page: '2' });
  });
  it('cursor: resumes after the last item when the page only says has_more', () => {
    const op = listOperation('cursor');
    const first = exchangeOf(op, (r) => serve('cursor', data, r), firstRequest('cursor', 5));
    expect(queryOf(nextPageRequest(first)!)).toEqual({ limit: '5', starting_after: data[4]!.pk });
  });
  it('content-range: asks for the next Range of the same width', () => {
    const op = listOperation('content-range');
    const first = exchangeOf(op, (r) => serve('content-range', data, r), firstRequest('content-range', 10));
    expect(nextPageRequest(first)!.headers.range).toBe('10-19');
  });
  it('says nothing for an error answer or an unpaginated operation', () => {
    const op = listOperation('page-object');
    const error = exchangeOf(
      op,
      () => ({ status: 404, headers: {}, body: '', truncated: false, durationMs: 1 }),
      firstRequest('page-object', 10),
    );
    expect(nextPageRequest(error)).toBeUndefined();
    const flat = listOperation(undefined);
    expect(
      nextPageRequest(exchangeOf(flat, (r) => serve('link-header', data, r), firstRequest('link-header', 5))),
    ).toBeUndefined();
  });
});

describe('pastLastPageRequest, pageSizeVariantRequest and unfilteredRequest', () => {
  it('build the probes from the pages they follow', () => {
    const op = listOperation('page-object');
    const server = (r: Parameters<typeof serve>[2]) => serve('page-object', data, r);
    const first = exchangeOf(op, server, firstRequest('page-object', 10, 'active=true&ordering=-rank'));
    expect(pastLastPageRequest(first)).toBeUndefined(); // not the last page
    const last = exchangeOf(op, server, { ...first.request, query: `${first.request.query}&page=2` });
    expect(queryOf(pastLastPageRequest(last)!)).toMatchObject({ page: '3' });
    expect(queryOf(pageSizeVariantRequest(last)!)).toEqual({
      active: 'true',
      ordering: '-rank',
      page_size: '9',
    });
    expect(queryOf(unfilteredRequest(last)!)).toEqual({ ordering: '-rank', page_size: '10' });
  });
  it('requestKey ignores parameter order and credentials', () => {
    const a = firstRequest('page-object', 10, 'b=2&a=1');
    const b = { ...firstRequest('page-object', 10, 'a=1&b=2'), headers: { authorization: 'Bearer x' } };
    expect(requestKey(a)).toBe(requestKey(b));
  });
});

describe('nextPageRequest, other shapes of the styles', () => {
  const page = (style: 'cursor' | 'limit-offset', pagination: object, body: unknown, query: string) => {
    const operation = listOperation(style);
    operation.list!.pagination = { ...operation.list!.pagination!, ...pagination };
    operation.list!.itemsPath = ['data'];
    return exchangeOf(
      operation,
      () => ({ status: 200, headers: {}, body: JSON.stringify(body), truncated: false, durationMs: 1 }),
      {
        method: 'GET',
        path: '/items/',
        query,
        headers: {},
        operationId: operation.id,
        mode: 'pagination',
      },
    );
  };
  it('cursor: a next token goes into the cursor parameter; a next URL is followed; has_more false ends', () => {
    const token = { cursorParam: 'cursor', nextPath: ['next_cursor'], hasMorePath: ['has_more'] };
    const withToken = page(
      'cursor',
      token,
      { data: [{ pk: 'a' }], next_cursor: 'b64:xyz', has_more: true },
      'limit=1',
    );
    expect(queryOf(nextPageRequest(withToken)!)).toEqual({ limit: '1', cursor: 'b64:xyz' });
    const withUrl = page(
      'cursor',
      token,
      { data: [{ pk: 'a' }], next_cursor: 'https://h/api/v3/items/?cursor=q' },
      'limit=1',
    );
    expect(queryOf(nextPageRequest(withUrl, base)!)).toEqual({ cursor: 'q' });
    const done = page(
      'cursor',
      token,
      { data: [{ pk: 'a' }], next_cursor: 'zzz', has_more: false },
      'limit=1',
    );
    expect(nextPageRequest(done)).toBeUndefined();
    const empty = page('cursor', token, { data: [], next_cursor: null }, 'limit=1');
    expect(nextPageRequest(empty)).toBeUndefined();
  });
  it('limit-offset without links: offset plus the items received, while count says more remain', () => {
    const noLinks = { nextPath: undefined, previousPath: undefined };
    const first = page('limit-offset', noLinks, { data: [1, 2, 3], count: 7 }, 'limit=3');
    expect(queryOf(nextPageRequest(first)!)).toEqual({ limit: '3', offset: '3' });
    const last = page('limit-offset', noLinks, { data: [7], count: 7 }, 'limit=3&offset=6');
    expect(nextPageRequest(last)).toBeUndefined();
    const uncounted = page('limit-offset', { ...noLinks, countPath: undefined }, { data: [1, 2] }, 'limit=3');
    expect(nextPageRequest(uncounted)).toBeUndefined(); // a short page is the last
  });
});
