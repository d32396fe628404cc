import type { HttpRequest, HttpResponse, PaginationStyle } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intParam, queryParam, withQueryParams } from '../_internals/query-string.js';
import { itemsArbitrary } from '../_test/items-arbitrary.js';
import {
  DEFAULT_SIZE,
  firstRequest,
  type Item,
  listOperation,
  STYLES,
  select,
  serve,
} from '../_test/reference-server.js';
import { probeAll, runAll, sequenceOf } from '../_test/run-all.js';

type Json = Record<string, unknown>;

interface Context {
  style: PaginationStyle;
  data: Item[];
  size: number;
  request: HttpRequest;
  response: HttpResponse;
  /** 1-based page number of this request in a walk of `size`. */
  page: number;
  correct: (request: HttpRequest) => HttpResponse;
}

interface Mutation {
  name: string;
  styles: readonly PaginationStyle[];
  catches: string;
  query?: string;
  /** Ask for no page size: the server's default must be inferred. */
  defaultSize?: boolean;
  /** Also applied to non-2xx answers (by default only pages are mutated). */
  errorsToo?: boolean;
  mutate(ctx: Context): HttpResponse;
}

const WITH_COUNT: PaginationStyle[] = ['page-object', 'page-number', 'limit-offset', 'content-range'];

function pageOf(style: PaginationStyle, data: Item[], size: number, request: HttpRequest): number {
  const q = request.query;
  switch (style) {
    case 'page-object':
    case 'page-number':
    case 'link-header':
      return intParam(queryParam(q, 'page')) ?? 1;
    case 'limit-offset':
      return offsetPage(data, size, request, intParam(queryParam(q, 'offset')) ?? 0);
    case 'cursor': {
      const after = queryParam(q, 'starting_after');
      return after === undefined ? 1 : Math.floor((data.findIndex((i) => i.pk === after) + 1) / size) + 1;
    }
    case 'content-range':
      return offsetPage(data, size, request, Number(/^(\d+)-/.exec(request.headers.range ?? '0-')![1]));
  }
}

/** Offsets at or past the end count as the page after the last one. */
function offsetPage(data: Item[], size: number, request: HttpRequest, offset: number): number {
  const count = select(data, request.query).length;
  if (offset >= count && offset > 0) return Math.max(1, Math.ceil(count / size)) + 1;
  return Math.floor(offset / size) + 1;
}

function items(style: PaginationStyle, body: unknown): Item[] {
  if (Array.isArray(body)) return body as Item[];
  return ((body as Json)[style === 'cursor' ? 'data' : 'results'] ?? []) as Item[];
}

function withBody(response: HttpResponse, edit: (body: Json) => unknown): HttpResponse {
  const body = JSON.parse(response.body);
  const result = edit(body);
  return { ...response, body: JSON.stringify(result === undefined ? body : result) };
}

function setItems(style: PaginationStyle, response: HttpResponse, list: Item[]): HttpResponse {
  return withBody(response, (body) => {
    if (Array.isArray(body)) return list;
    body[style === 'cursor' ? 'data' : 'results'] = list;
    return body;
  });
}

function isLast(ctx: Context): boolean {
  return ctx.page >= Math.max(1, Math.ceil(ctx.data.length / ctx.size));
}

const url = (query: string) => `http://testserver/api/v3/items/?${query}`;

/** Page 2 claims items one further on than it holds (start_index and end_index both + 1). */
function shiftIndexesOnPageTwo(ctx: Context): HttpResponse {
  if (ctx.page !== 2) return ctx.response;
  return withBody(ctx.response, (b) => {
    const p = b.pagination as Json;
    p.start_index = (p.start_index as number) + 1;
    p.end_index = (p.end_index as number) + 1;
  });
}

const MUTATIONS: Mutation[] = [
  {
    name: 'off-by-one start and end index',
    styles: ['page-object'],
    catches: 'pagination-metadata',
    mutate: shiftIndexesOnPageTwo,
  },
  {
    name: 'off-by-one end index',
    styles: ['page-object'],
    catches: 'pagination-metadata',
    mutate: (ctx) =>
      withBody(ctx.response, (b) => {
        const p = b.pagination as Json;
        p.end_index = (p.end_index as number) - 1;
      }),
  },
  {
    name: 'wrong total_pages',
    styles: ['page-object'],
    catches: 'pagination-metadata',
    mutate: (ctx) =>
      withBody(ctx.response, (b) => {
        const p = b.pagination as Json;
        const total = p.total_pages as number;
        p.total_pages = total > 1 && ctx.page < total ? total - 1 : total + 1;
      }),
  },
  {
    name: 'wrong total_pages with the default page size',
    styles: ['page-object'],
    catches: 'pagination-metadata',
    defaultSize: true,
    mutate: (ctx) =>
      withBody(ctx.response, (b) => {
        const p = b.pagination as Json;
        const total = p.total_pages as number;
        p.total_pages = total > 2 && ctx.page < total - 1 ? total - 1 : total + 1;
      }),
  },
  {
    name: 'off-by-one start and end index with the default page size',
    styles: ['page-object'],
    catches: 'pagination-metadata',
    defaultSize: true,
    mutate: shiftIndexesOnPageTwo,
  },
  {
    name: 'off-by-one Content-Range',
    styles: ['content-range'],
    catches: 'pagination-metadata',
    mutate: (ctx) => {
      const match = /^(\d+)-(\d+)\/(\d+)$/.exec(ctx.response.headers['content-range'] ?? '');
      if (match === null) return ctx.response;
      const header = `${match[1]}-${Number(match[2]) + 1}/${match[3]}`;
      return { ...ctx.response, headers: { ...ctx.response.headers, 'content-range': header } };
    },
  },
  {
    name: 'duplicate item',
    styles: STYLES,
    catches: 'pagination-no-duplicates',
    mutate: (ctx) => {
      if (ctx.page !== 2) return ctx.response;
      const firstPage = items(ctx.style, JSON.parse(ctx.correct(firstRequest(ctx.style, ctx.size)).body));
      const list = items(ctx.style, JSON.parse(ctx.response.body));
      return setItems(ctx.style, ctx.response, [firstPage[0]!, ...list.slice(1)]);
    },
  },
  {
    name: 'next link on the last page',
    styles: ['page-object', 'page-number', 'limit-offset', 'link-header', 'cursor'],
    catches: 'pagination-metadata|pagination-full-pages',
    mutate: (ctx) => {
      if (!isLast(ctx)) return ctx.response;
      const next = ctx.page + 1;
      switch (ctx.style) {
        case 'page-object':
          return withBody(ctx.response, (b) => {
            (b.pagination as Json).next = next;
          });
        case 'page-number':
          return withBody(ctx.response, (b) => {
            b.next = url(withQueryParams(ctx.request.query, { page: next }));
          });
        case 'limit-offset':
          return withBody(ctx.response, (b) => {
            b.next = url(withQueryParams(ctx.request.query, { offset: ctx.page * ctx.size }));
          });
        case 'link-header':
          return {
            ...ctx.response,
            headers: {
              ...ctx.response.headers,
              link: `<${url(withQueryParams(ctx.request.query, { page: next }))}>; rel="next"`,
            },
          };
        default:
          return withBody(ctx.response, (b) => {
            b.has_more = true;
          });
      }
    },
  },
  {
    name: 'ignored page size',
    styles: STYLES,
    catches: 'pagination-page-size',
    mutate: (ctx) => {
      const request =
        ctx.style === 'content-range'
          ? { ...ctx.request, headers: { ...ctx.request.headers, range: `0-${DEFAULT_SIZE - 1}` } }
          : {
              ...ctx.request,
              query: withQueryParams(ctx.request.query, {
                page_size: undefined,
                limit: undefined,
                per_page: undefined,
              }),
            };
      return ctx.page === 1 ? ctx.correct(request) : ctx.response;
    },
  },
  {
    name: 'unfiltered count',
    styles: WITH_COUNT,
    catches: 'pagination-complete',
    query: 'active=true',
    mutate: (ctx) => {
      const total = ctx.data.length;
      if (ctx.style === 'content-range') {
        const header = (ctx.response.headers['content-range'] ?? '').replace(/\/\d+$/, `/${total}`);
        return { ...ctx.response, headers: { ...ctx.response.headers, 'content-range': header } };
      }
      return withBody(ctx.response, (b) => {
        if (ctx.style === 'page-object') (b.pagination as Json).count = total;
        else b.count = total;
      });
    },
  },
  {
    name: 'count changes during the walk',
    styles: WITH_COUNT,
    catches: 'pagination-stable-count',
    mutate: (ctx) => {
      if (ctx.page !== 2) return ctx.response;
      if (ctx.style === 'content-range') {
        const header = (ctx.response.headers['content-range'] ?? '').replace(
          /\/(\d+)$/,
          (_, n) => `/${Number(n) + 1}`,
        );
        return { ...ctx.response, headers: { ...ctx.response.headers, 'content-range': header } };
      }
      return withBody(ctx.response, (b) => {
        const holder = (ctx.style === 'page-object' ? b.pagination : b) as Json;
        holder.count = (holder.count as number) + 1;
      });
    },
  },
  {
    name: 'next leads back to the first page',
    styles: ['page-object', 'page-number', 'link-header'],
    catches: 'pagination-walk-terminates',
    mutate: (ctx) => {
      if (ctx.page !== 2 || isLast(ctx)) return ctx.response;
      if (ctx.style === 'page-object') {
        return withBody(ctx.response, (b) => {
          (b.pagination as Json).next = 1;
        });
      }
      const link = url(withQueryParams(ctx.request.query, { page: 1 }));
      if (ctx.style === 'page-number') {
        return withBody(ctx.response, (b) => {
          b.next = link;
        });
      }
      return { ...ctx.response, headers: { ...ctx.response.headers, link: `<${link}>; rel="next"` } };
    },
  },
  {
    name: 'wrong order within a page',
    styles: STYLES,
    catches: 'query-ordering',
    query: 'ordering=pk',
    mutate: (ctx) => {
      if (ctx.page !== 1) return ctx.response;
      const list = items(ctx.style, JSON.parse(ctx.response.body));
      return setItems(ctx.style, ctx.response, [list.at(-1)!, ...list.slice(1, -1), list[0]!]);
    },
  },
  {
    name: 'wrong order across pages',
    styles: ['page-object', 'page-number', 'limit-offset', 'link-header', 'content-range'],
    catches: 'pagination-walk-order',
    query: 'ordering=-pk',
    mutate: (ctx) => {
      if (ctx.page !== 1 && ctx.page !== 2) return ctx.response;
      const other = ctx.page === 1 ? 2 : 1;
      const all = [...ctx.data].sort((a, b) => (a.pk < b.pk ? 1 : -1));
      const swapped = all.slice((other - 1) * ctx.size, other * ctx.size);
      return swapped.length === ctx.size ? setItems(ctx.style, ctx.response, swapped) : ctx.response;
    },
  },
  {
    name: 'ignored filter',
    styles: STYLES,
    catches: 'query-filter',
    query: 'active=true',
    mutate: (ctx) =>
      ctx.correct({ ...ctx.request, query: withQueryParams(ctx.request.query, { active: undefined }) }),
  },
  {
    name: 'ignored search',
    styles: STYLES,
    catches: 'query-search',
    query: 'search=alpha',
    mutate: (ctx) =>
      ctx.correct({ ...ctx.request, query: withQueryParams(ctx.request.query, { search: undefined }) }),
  },
  {
    name: 'an item lost with another page size',
    styles: STYLES,
    catches: 'pagination-page-size-invariance',
    mutate: (ctx) => {
      const asked =
        ctx.style === 'content-range'
          ? ctx.request.headers.range
          : (queryParam(ctx.request.query, 'page_size') ??
            queryParam(ctx.request.query, 'limit') ??
            queryParam(ctx.request.query, 'per_page'));
      const variant = ctx.style === 'content-range' ? `0-${ctx.size - 2}` : String(ctx.size - 1);
      const isVariant =
        ctx.style === 'content-range'
          ? (asked ?? '').endsWith(`-${ctx.size - 2}`) || ctx.size - 1 === widthOf(asked)
          : asked === variant;
      return isVariant ? serve(ctx.style, ctx.data.slice(1), ctx.request) : ctx.response;
    },
  },
  {
    name: 'items past the last page',
    errorsToo: true,
    styles: ['page-object', 'page-number', 'limit-offset', 'link-header', 'content-range'],
    catches: 'pagination-past-last',
    mutate: (ctx) => {
      if (ctx.page <= Math.max(1, Math.ceil(ctx.data.length / ctx.size))) return ctx.response;
      const items = ctx.data.slice(0, 1);
      if (ctx.style === 'content-range') {
        return {
          ...ctx.response,
          status: 206,
          body: JSON.stringify(items),
          headers: { ...ctx.response.headers, 'content-range': `*/${ctx.data.length}` },
        };
      }
      if (ctx.style === 'link-header' || ctx.style === 'limit-offset')
        return setItems(ctx.style, ctx.response, items);
      const last = Math.max(1, Math.ceil(ctx.data.length / ctx.size));
      const lastRequest = { ...ctx.request, query: withQueryParams(ctx.request.query, { page: last }) };
      return setItems(ctx.style, { ...ctx.correct(lastRequest) }, items);
    },
  },
  {
    name: 'an item missing from the unfiltered list',
    styles: STYLES,
    catches: 'query-filter-subset',
    query: 'active=true',
    mutate: (ctx) =>
      queryParam(ctx.request.query, 'active') === undefined
        ? serve(
            ctx.style,
            ctx.data.filter((i) => !i.active || i !== ctx.data[1]),
            ctx.request,
          )
        : ctx.response,
  },
];

function widthOf(range: string | undefined): number | undefined {
  const match = /^(\d+)-(\d+)$/.exec(range ?? '');
  return match === null ? undefined : Number(match[2]) - Number(match[1]) + 1;
}

// Item 0 is inactive and item 1 active and named "alpha", so filters and searches select a strict subset.
const dataArbitrary = itemsArbitrary(70, 25).map((data) =>
  data.map((item, i) =>
    i === 0
      ? { ...item, active: false, name: 'beta 0' }
      : i === 1
        ? { ...item, active: true, name: 'alpha 1' }
        : item,
  ),
);

describe('each single mutation of a correct server is caught by the right check', () => {
  for (const mutation of MUTATIONS) {
    for (const style of mutation.styles) {
      it(`${mutation.name} (${style}) -> ${mutation.catches}`, () => {
        const operation = listOperation(style);
        fc.assert(
          fc.property(dataArbitrary, fc.integer({ min: 5, max: 12 }), (data, asked) => {
            const size = mutation.defaultSize ? DEFAULT_SIZE : asked;
            const correct = (request: HttpRequest) => serve(style, data, request);
            const server = (request: HttpRequest) => {
              const response = correct(request);
              const page = pageOf(style, data, size, request);
              if (!mutation.errorsToo && (response.status < 200 || response.status > 299)) return response;
              return mutation.mutate({ style, data, size, request, response, page, correct });
            };
            const first = firstRequest(style, mutation.defaultSize ? undefined : size, mutation.query ?? '');
            const sequence = probeAll(operation, server, first);
            const fired = new Set(runAll(operation, sequence).map((v) => v.check));
            const expected = mutation.catches.split('|');
            expect(
              expected.some((id) => fired.has(id)),
              `fired: ${[...fired].join(', ')}`,
            ).toBe(true);
          }),
          { numRuns: 25 },
        );
      });
    }
  }
});

describe('one page, metadata-implied page size', () => {
  it('a page-object page holding more items than its start_index implies breaks pagination-page-size', () => {
    const operation = listOperation('page-object');
    const data = Array.from({ length: 60 }, (_, i) => ({
      pk: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `n${i}`,
      active: true,
      rank: 1,
      note: null,
    }));
    const request = { ...firstRequest('page-object', undefined), query: 'page=2' };
    const response = serve('page-object', data, request);
    const padded = withBody(response, (b) => {
      (b.results as Item[]).push(data[59]!);
      const p = b.pagination as Json;
      p.end_index = (p.end_index as number) + 1;
    });
    const fired = runAll(operation, sequenceOf([{ operation, request, response: padded }])).map(
      (v) => v.check,
    );
    expect(fired).toContain('pagination-page-size');
    expect(runAll(operation, sequenceOf([{ operation, request, response }]))).toEqual([]);
  });
});
