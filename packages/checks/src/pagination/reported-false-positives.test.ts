import type { Operation } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { exchangeWith } from '../_test/exchange-builder.js';
import { listOperation } from '../_test/reference-server.js';
import { runAll, sequenceOf } from '../_test/run-all.js';
import { paginationMetadata } from './pagination-metadata.js';

// False positives reported from runs against real APIs (Stripe, GitHub, a DRF server): each test
// is a sequence the runner really produces, on which no check may fire.

const items = (from: number, n: number, active?: boolean) =>
  Array.from({ length: n }, (_, i) => ({
    pk: `id-${from + i}`,
    name: `item ${from + i}`,
    active: active ?? (from + i) % 2 === 0,
    rank: from + i,
    note: null,
  }));
const fired = (operation: Operation, exchanges: ReturnType<typeof exchangeWith>[], ids: string[]) =>
  // Each a walk of one page: the runner could not follow next from any of them.
  runAll(operation, sequenceOf(...exchanges.map((exchange) => [exchange])))
    .filter((v) => ids.includes(v.check))
    .map((v) => `${v.check}: ${v.message}`);
const walkChecks = ['pagination-complete', 'pagination-page-size-invariance', 'query-filter-subset'];

describe('walks that could not follow next are not complete', () => {
  it('a one-page walk whose page says has_more: true (Stripe without an identifier to start after)', () => {
    const { identifier: _, ...list } = listOperation('cursor').list!;
    const operation: Operation = { ...listOperation('cursor'), list };
    const exchanges = [
      exchangeWith(operation, { query: 'limit=10', body: { data: items(0, 10), has_more: true } }),
      exchangeWith(operation, { query: 'limit=20', body: { data: items(0, 20), has_more: true } }),
    ];
    expect(fired(operation, exchanges, walkChecks)).toEqual([]);
  });

  it('a cursor list that documents no next cursor, has_more or Link header (GitHub webhook deliveries)', () => {
    const base = listOperation('cursor');
    const { hasMorePath: _, ...pagination } = base.list!.pagination!;
    const operation: Operation = { ...base, list: { ...base.list!, pagination } };
    const exchanges = [
      exchangeWith(operation, { query: 'limit=30', body: { data: items(0, 30) } }),
      exchangeWith(operation, { query: 'limit=29', body: { data: items(0, 29) } }),
    ];
    expect(fired(operation, exchanges, walkChecks)).toEqual([]);
  });

  it('a page-object walk whose next page number cannot be sent: one broken walk, no metamorphic echo', () => {
    const base = listOperation('page-object');
    const { pageParam: _, ...pagination } = base.list!.pagination!;
    const operation: Operation = { ...base, list: { ...base.list!, pagination } };
    const meta = (count: number, size: number, next: number) => ({
      next,
      previous: 0,
      count,
      current: 1,
      total_pages: Math.ceil(count / size),
      start_index: 1,
      end_index: Math.min(size, count),
    });
    const exchanges = [
      exchangeWith(operation, {
        query: 'page_size=10',
        body: { pagination: meta(30, 10, 2), results: items(0, 10) },
      }),
      exchangeWith(operation, {
        query: 'page_size=20',
        body: { pagination: meta(30, 20, 2), results: items(0, 20) },
      }),
      exchangeWith(operation, {
        query: 'active=true&page_size=10',
        body: { pagination: meta(3, 10, 0), results: items(20, 3, true) },
      }),
    ];
    expect(fired(operation, exchanges, walkChecks)).toEqual([]);
  });
});

describe('limit-offset metadata', () => {
  it('an empty page at an offset past the end is not a count problem', () => {
    const operation = listOperation('limit-offset');
    const past = exchangeWith(operation, {
      query: 'limit=10&offset=50',
      body: {
        count: 30,
        next: null,
        previous: 'http://testserver/api/v3/items/?limit=10&offset=40',
        results: [],
      },
    });
    expect(paginationMetadata.verify(past).filter((v) => v.keyword === 'count')).toEqual([]);
    // A page holding items past count still is one.
    const over = exchangeWith(operation, {
      query: 'limit=10&offset=25',
      body: { count: 30, next: null, previous: null, results: items(25, 10) },
    });
    expect(paginationMetadata.verify(over).map((v) => v.keyword)).toContain('count');
  });
});

describe('page-number metadata', () => {
  it('an empty page past the end is not the last page, so not a count problem (rawg.io: page 7848174723892569 of 45 items)', () => {
    const operation = listOperation('page-number');
    const past = (page: number) =>
      exchangeWith(operation, {
        query: `page=${page}&page_size=10`,
        body: { count: 45, next: null, previous: null, results: [] },
      });
    for (const page of [46, 47, 7848174723892569])
      expect(paginationMetadata.verify(past(page)).filter((v) => v.keyword === 'count')).toEqual([]);
    // Page 5 of 45 items of 10 must hold the last 5: empty, it is one.
    expect(paginationMetadata.verify(past(5)).map((v) => v.keyword)).toContain('count');
    // Without page_size, page 8 may be past the end (at 7 or more a page): nothing to say.
    const unsized = exchangeWith(operation, {
      query: 'page=8',
      body: { count: 45, next: null, previous: null, results: [] },
    });
    expect(paginationMetadata.verify(unsized).filter((v) => v.keyword === 'count')).toEqual([]);
  });
});

describe('link-header metadata', () => {
  it('says nothing about the links of a page number below the first (GitHub serves page=0 as page 1)', () => {
    const operation = listOperation('link-header');
    const link = (page: number) => `<http://testserver/api/v3/items/?page=${page}&per_page=10>; rel="next"`;
    const asked = (page: number, next: number) =>
      exchangeWith(operation, {
        query: `page=${page}&per_page=10`,
        headers: { 'content-type': 'application/json', link: link(next) },
        body: items(0, 10),
      });
    expect(paginationMetadata.verify(asked(0, 2))).toEqual([]);
    expect(paginationMetadata.verify(asked(1, 3)).map((v) => v.keyword)).toEqual(['next']);
  });

  it('a page that links a later last page but no next page is reported once, and its walk is not complete', () => {
    const operation = listOperation('link-header');
    const lastOnly = (size: number, n: number) =>
      exchangeWith(operation, {
        query: `per_page=${size}`,
        headers: {
          'content-type': 'application/json',
          link: `<http://testserver/api/v3/items/?page=1&per_page=${size}>; rel="first", <http://testserver/api/v3/items/?page=2&per_page=${size}>; rel="last"`,
        },
        body: items(0, n),
      });
    const [problem, ...rest] = paginationMetadata.verify(lastOnly(10, 10));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      keyword: 'next',
      message: 'page 1 links its last page, 2, but no next page',
    });
    expect(fired(operation, [lastOnly(10, 10), lastOnly(20, 20)], walkChecks)).toEqual([]);
  });
});

describe('a list without an identifier (bbc, gettyimages, my-business on the mock)', () => {
  const { identifier: _, ...list } = listOperation('limit-offset').list!;
  const operation: Operation = { ...listOperation('limit-offset'), list };
  const row = (i: number) => ({ name: `item ${i}`, rank: i });
  const same = { name: '', rank: 0 };
  const walkOf = (first: unknown[], second: unknown[]) => {
    const pages = [
      exchangeWith(operation, { query: 'limit=3', body: { count: 6, results: first } }),
      exchangeWith(operation, { query: 'limit=3&offset=3', body: { count: 6, results: second } }),
    ];
    return runAll(operation, sequenceOf(pages)).filter((v) => v.check === 'pagination-no-duplicates');
  };

  it('says nothing of equal-looking rows on two pages: they may be distinct records', () => {
    expect(walkOf([row(0), same, row(1)], [row(2), row(3), same])).toEqual([]);
    // Even at the page boundary, when the row looks like another on its own page.
    expect(walkOf([same, row(0), same], [same, row(1), row(2)])).toEqual([]);
  });

  it('reports a page that starts with the last items of the page before (an overlapping paginator)', () => {
    const found = walkOf([row(0), row(1), row(2)], [row(2), row(3), row(4)]);
    expect(found.map((v) => [v.keyword, v.pointer, v.at])).toEqual([['duplicate', '/results/0', 1]]);
    const two = walkOf([row(0), row(1), row(2)], [row(1), row(2), row(3)]);
    expect(two.map((v) => v.pointer)).toEqual(['/results/0', '/results/1']);
  });
});

describe('a page the walk only guessed at (azure apim, ebi.ac.uk, telstra on the mock)', () => {
  const base = listOperation('limit-offset');
  const { countPath: _c, nextPath: _n, previousPath: _p, ...pagination } = base.list!.pagination!;
  const bare: Operation = { ...base, list: { ...base.list!, pagination } };
  const items = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({ pk: `id-${from + i}`, name: `item ${from + i}` }));
  const complete = (operation: Operation, pages: ReturnType<typeof exchangeWith>[]) =>
    runAll(operation, sequenceOf(pages)).filter((v) => v.check === 'pagination-complete');

  it('answering 404 is no broken link: the page before said nothing about a next page', () => {
    const pages = [
      exchangeWith(bare, { query: '', body: { results: items(0, 20) } }),
      exchangeWith(bare, { query: 'offset=20', body: { results: items(20, 5) } }),
      exchangeWith(bare, { query: 'offset=25', status: 404, body: { detail: 'Invalid page.' } }),
    ];
    expect(complete(bare, pages)).toEqual([]);
  });

  it('a next link the server gave that answers 404 is still reported', () => {
    const pages = [
      exchangeWith(base, {
        query: 'limit=5',
        body: { count: 8, next: 'http://testserver/api/v3/items/?limit=5&offset=5', results: items(0, 5) },
      }),
      exchangeWith(base, { query: 'limit=5&offset=5', status: 404, body: { detail: 'Invalid page.' } }),
    ];
    expect(complete(base, pages).map((v) => v.keyword)).toEqual(['next-page-status']);
  });
});

describe('a list no parameter pages through (azure mediaservices: OData $top without $skip)', () => {
  const base = listOperation('limit-offset');
  const {
    offsetParam: _o,
    countPath: _c,
    nextPath: _n,
    previousPath: _p,
    ...pagination
  } = base.list!.pagination!;
  const capped: Operation = { ...base, list: { ...base.list!, pagination } };
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ pk: `id-${i}`, name: `item ${i}` }));

  it('a page as full as asked for is the result cut at that size: no walk to compare it with', () => {
    const pages = [
      exchangeWith(capped, { query: '', body: { results: items(20) } }),
      exchangeWith(capped, { query: 'limit=19', body: { results: items(19) } }),
    ];
    expect(fired(capped, pages, walkChecks)).toEqual([]);
  });

  it('a page short of the size asked for is the whole result, and is still compared', () => {
    const pages = [
      exchangeWith(capped, { query: 'limit=30', body: { results: items(20) } }),
      exchangeWith(capped, { query: 'limit=25', body: { results: items(19) } }),
    ];
    expect(fired(capped, pages, walkChecks).map((v) => v.split(':')[0])).toEqual([
      'pagination-page-size-invariance',
    ]);
  });
});
