// A small, correct reference implementation of every pagination style, used to generate
// consistent pages and walks; tests mutate its answers one rule at a time.
import type {
  Exchange,
  HttpRequest,
  HttpResponse,
  JsonSchema,
  ListSemantics,
  Operation,
  Pagination,
  PaginationStyle,
} from '@assay/model';
import { PAGINATION_STYLES } from '@assay/model';
import { intParam, parseQuery, queryParam, withQueryParams } from '../_internals/query-string.js';
import { nextPageRequest } from '../pagination/next-page-request.js';
import { orderingParameter } from './exchange-builder.js';

export interface Item {
  pk: string;
  name: string;
  active: boolean;
  rank: number;
  note: string | null;
}

export const STYLES: readonly PaginationStyle[] = PAGINATION_STYLES;

/** The server's own page-size cap: checks must infer it, never assume it. */
export const SERVER_CAP = 50;
export const DEFAULT_SIZE = 20;
const ORIGIN = 'http://testserver/api/v3';

const itemSchema: JsonSchema = {
  type: 'object',
  required: ['pk', 'name', 'active', 'rank'],
  properties: {
    pk: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    active: { type: 'boolean' },
    rank: { type: 'integer' },
    note: { type: ['string', 'null'] },
  },
};

function paginationFor(style: PaginationStyle): Pagination {
  const base = { style, source: 'config' as const, firstPage: 1 };
  switch (style) {
    case 'page-object':
      return {
        ...base,
        pageParam: 'page',
        pageSizeParam: 'page_size',
        countPath: ['pagination', 'count'],
        nextPath: ['pagination', 'next'],
        previousPath: ['pagination', 'previous'],
        currentPath: ['pagination', 'current'],
        totalPagesPath: ['pagination', 'total_pages'],
        startIndexPath: ['pagination', 'start_index'],
        endIndexPath: ['pagination', 'end_index'],
      };
    case 'page-number':
      return {
        ...base,
        pageParam: 'page',
        pageSizeParam: 'page_size',
        countPath: ['count'],
        nextPath: ['next'],
        previousPath: ['previous'],
      };
    case 'limit-offset':
      return {
        ...base,
        limitParam: 'limit',
        offsetParam: 'offset',
        countPath: ['count'],
        nextPath: ['next'],
        previousPath: ['previous'],
      };
    case 'cursor':
      return { ...base, cursorParam: 'starting_after', limitParam: 'limit', hasMorePath: ['has_more'] };
    case 'link-header':
      return { ...base, pageParam: 'page', pageSizeParam: 'per_page' };
    case 'content-range':
      return { ...base };
  }
}

function itemsPathFor(style: PaginationStyle): string[] {
  if (style === 'cursor') return ['data'];
  if (style === 'link-header' || style === 'content-range') return [];
  return ['results'];
}

export function listOperation(
  style: PaginationStyle | undefined,
  overrides: Partial<ListSemantics> = {},
): Operation {
  const list: ListSemantics = {
    itemsPath: style === undefined ? [] : itemsPathFor(style),
    itemSchema,
    identifier: 'pk',
    filters: [
      { param: 'active', property: 'active', kind: 'equality' },
      { param: 'rank', property: 'rank', kind: 'equality' },
      { param: 'name', property: 'name', kind: 'text' },
    ],
    ordering: { param: 'ordering', fields: ['name', 'rank', 'note', 'pk'] },
    search: { param: 'search' },
    ...(style === undefined ? {} : { pagination: paginationFor(style) }),
    ...overrides,
  };
  return {
    id: 'items_list',
    method: 'GET',
    path: '/items/',
    pointer: '/paths/~1items~1/get',
    tags: [],
    deprecated: false,
    parameters:
      list.ordering === undefined ? [] : [orderingParameter(list.ordering.fields, list.ordering.param)],
    responses: {},
    security: [],
    list,
    extensions: {},
  };
}

/** The first request of a walk, with a page size when given. */
export function firstRequest(style: PaginationStyle, size: number | undefined, extraQuery = ''): HttpRequest {
  const headers: Record<string, string> = {};
  let query = extraQuery;
  if (size !== undefined) {
    if (style === 'content-range') headers.range = `0-${size - 1}`;
    else {
      const p = paginationFor(style);
      query = withQueryParams(query, { [(p.pageSizeParam ?? p.limitParam)!]: size });
    }
  }
  return { method: 'GET', path: '/items/', query, headers, operationId: 'items_list', mode: 'pagination' };
}

/** Filters, searches and orders the data set as the request asks (the semantics the checks test). */
/** How a correct server may sort: any common collation, nulls at either end. */
export interface SortVariant {
  collation: 'binary' | 'case-insensitive' | 'locale';
  nulls: 'largest' | 'first' | 'last';
}

const BINARY: SortVariant = { collation: 'binary', nulls: 'largest' };
const localeCompare = new Intl.Collator('en').compare;

function compareValues(x: string | number, y: string | number, collation: SortVariant['collation']): number {
  if (typeof x === 'string' && typeof y === 'string') {
    if (collation === 'case-insensitive') {
      const a = x.toLowerCase();
      const b = y.toLowerCase();
      return a < b ? -1 : a > b ? 1 : 0;
    }
    if (collation === 'locale') return localeCompare(x, y);
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

export function select(data: readonly Item[], query: string, variant: SortVariant = BINARY): Item[] {
  let out = [...data];
  const active = queryParam(query, 'active');
  if (active !== undefined) out = out.filter((item) => String(item.active) === active);
  const rank = queryParam(query, 'rank');
  if (rank !== undefined) out = out.filter((item) => String(item.rank) === rank);
  const name = queryParam(query, 'name');
  if (name !== undefined) out = out.filter((item) => item.name.toLowerCase().includes(name.toLowerCase()));
  const search = queryParam(query, 'search');
  if (search !== undefined) {
    const terms = search
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean);
    out = out.filter((item) =>
      terms.every((t) => item.name.toLowerCase().includes(t) || item.pk.includes(t)),
    );
  }
  const ordering = queryParam(query, 'ordering');
  if (ordering !== undefined) {
    const keys = ordering
      .split(',')
      .map((k) => (k.startsWith('-') ? { f: k.slice(1), d: -1 } : { f: k, d: 1 }));
    out.sort((a, b) => {
      for (const { f, d } of keys) {
        const x = (a as unknown as Record<string, unknown>)[f];
        const y = (b as unknown as Record<string, unknown>)[f];
        if (x === y) continue;
        if (x === null || y === null) {
          const nullFirst = variant.nulls === 'first' || (variant.nulls === 'largest' && d < 0);
          return (x === null) === nullFirst ? -1 : 1;
        }
        const c = compareValues(x as number | string, y as number | string, variant.collation);
        if (c !== 0) return c * d;
      }
      return 0;
    });
  }
  return out;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    truncated: false,
    durationMs: 1,
  };
}

function url(query: string): string {
  return `${ORIGIN}/items/${query === '' ? '' : `?${query}`}`;
}

function sizeFrom(query: string, param: string): number {
  const asked = intParam(queryParam(query, param));
  return asked === undefined || asked < 1 ? DEFAULT_SIZE : Math.min(asked, SERVER_CAP);
}

/** Answers a request as a correct server of the given style would. */
export function serve(
  style: PaginationStyle,
  data: readonly Item[],
  request: HttpRequest,
  variant: SortVariant = BINARY,
): HttpResponse {
  const all = select(data, request.query, variant);
  const count = all.length;
  const q = request.query;
  switch (style) {
    case 'page-object':
    case 'page-number':
    case 'link-header': {
      const sizeParam = style === 'link-header' ? 'per_page' : 'page_size';
      const size = sizeFrom(q, sizeParam);
      const page = intParam(queryParam(q, 'page')) ?? 1;
      const total = Math.max(1, Math.ceil(count / size));
      if (page < 1 || (page > total && style !== 'link-header'))
        return json(404, { detail: 'Invalid page.' });
      const items = all.slice((page - 1) * size, page * size);
      if (style === 'page-object') {
        const start = count === 0 ? 0 : (page - 1) * size + 1;
        return json(200, {
          pagination: {
            next: page < total ? page + 1 : 0,
            previous: page > 1 ? page - 1 : 0,
            count,
            current: page,
            total_pages: total,
            start_index: start,
            end_index: count === 0 ? 0 : start + items.length - 1,
          },
          results: items,
        });
      }
      if (style === 'page-number') {
        return json(200, {
          count,
          next: page < total ? url(withQueryParams(q, { page: page + 1 })) : null,
          previous: page <= 1 ? null : url(withQueryParams(q, { page: page === 2 ? undefined : page - 1 })),
          results: items,
        });
      }
      const links: string[] = [];
      if (page < total) links.push(`<${url(withQueryParams(q, { page: page + 1 }))}>; rel="next"`);
      if (page > 1) links.push(`<${url(withQueryParams(q, { page: page - 1 }))}>; rel="prev"`);
      if (page < total) links.push(`<${url(withQueryParams(q, { page: total }))}>; rel="last"`);
      return json(200, items, links.length === 0 ? {} : { link: links.join(', ') });
    }
    case 'limit-offset': {
      const limit = sizeFrom(q, 'limit');
      const offset = Math.max(0, intParam(queryParam(q, 'offset')) ?? 0);
      const items = all.slice(offset, offset + limit);
      return json(200, {
        count,
        next: offset + limit < count ? url(withQueryParams(q, { offset: offset + limit })) : null,
        previous:
          offset <= 0
            ? null
            : url(withQueryParams(q, { offset: offset - limit <= 0 ? undefined : offset - limit })),
        results: items,
      });
    }
    case 'cursor': {
      const limit = sizeFrom(q, 'limit');
      const after = queryParam(q, 'starting_after');
      const from = after === undefined ? 0 : all.findIndex((item) => item.pk === after) + 1;
      if (after !== undefined && from === 0) return json(400, { error: 'no such object' });
      const items = all.slice(from, from + limit);
      return json(200, { object: 'list', data: items, has_more: from + limit < count });
    }
    case 'content-range': {
      const range = /^(\d+)-(\d+)$/.exec(request.headers.range ?? '');
      const start = range === null ? 0 : Number(range[1]);
      const width = range === null ? DEFAULT_SIZE : Math.min(Number(range[2]) - start + 1, SERVER_CAP);
      if (start > 0 && start >= count) {
        return json(416, { message: 'Requested range not satisfiable' }, { 'content-range': `*/${count}` });
      }
      const items = all.slice(start, start + width);
      const header = items.length === 0 ? `*/${count}` : `${start}-${start + items.length - 1}/${count}`;
      const partial = items.length < count;
      return json(partial ? 206 : 200, items, { 'content-range': header });
    }
  }
}

export type Server = (request: HttpRequest) => HttpResponse;

/** Follows next pages from a first request, bounded, the way the runner does. */
export function walk(operation: Operation, server: Server, first: HttpRequest, maxPages = 200): Exchange[] {
  const out: Exchange[] = [];
  const seen = new Set<string>();
  let request: HttpRequest | undefined = first;
  while (request !== undefined && out.length < maxPages) {
    const key = `${request.query}|${request.headers.range ?? ''}`;
    const exchange: Exchange = { operation, request, response: server(request) };
    out.push(exchange);
    if (seen.has(key)) break;
    seen.add(key);
    request = nextPageRequest(exchange, { basePath: '/api/v3' });
  }
  return out;
}

export function exchangeOf(operation: Operation, server: Server, request: HttpRequest): Exchange {
  return { operation, request, response: server(request) };
}

/** Decoded query pairs, for assertions. */
export function queryOf(request: HttpRequest): Record<string, string> {
  return Object.fromEntries(parseQuery(request.query));
}
