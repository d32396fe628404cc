import type { Exchange, HttpRequest } from '@assay/model';
import { type PageView, readPage } from '../_internals/pagination/page-view.js';
import { nextRequest, requestFromUrl } from '../_internals/pagination/request-from-url.js';
import { intParam, withQueryParams } from '../_internals/query-string.js';

/** Options of the pagination request builders. */
export interface PaginationRequestOptions {
  /** The server URL's path (`/api/v3`), cut from absolute `next` links that point elsewhere. */
  basePath?: string;
}

/**
 * What made Assay ask for another page: something the server said (`link`: a next URL or `Link`
 * header; `token`: a next cursor; `page-number`: a next page number; `has-more` / `is-last`: a
 * flag; `count` / `total-pages`: a total not reached yet), or `guess`: the page says nothing about
 * the end and was full, so the walk asks for one more page. A guessed page that comes back empty
 * ends the walk; it is not a fault.
 */
export type NextPageReason =
  | 'link'
  | 'token'
  | 'page-number'
  | 'has-more'
  | 'is-last'
  | 'count'
  | 'total-pages'
  | 'guess';

/** The request for the page after this one, and why it is asked for. */
export interface NextPageStep {
  request: HttpRequest;
  because: NextPageReason;
}

/**
 * The step to the page after this one, or `undefined` when this page is the last (or the answer
 * was not a readable 2xx page). Per style:
 * - `page-object`: the `next` page number (0 means none) into the page parameter;
 * - `page-number`: the `next` value when the body has one (a URL to follow, a page number, null
 *   for none); else the page an `X-Next-Page` header names (empty for none); else the page parameter + 1 while `isLast`, `has_more`, the total pages or the count
 *   say more follow; when the page says nothing about the end, while it is full;
 * - `limit-offset`: the `next` URL when the body has one, else offset + items received, while
 *   items remain (by `isLast`, `has_more`, `count`, or a full page when there is none of them);
 * - `cursor`: the next token (or next URL) into the cursor parameter; with only `has_more`, the last
 *   item's identifier (Stripe's `starting_after`);
 * - `link-header`: the `Link` header's `rel="next"` target;
 * - `content-range`: the next `Range` (or offset) after the `Content-Range` end, while items remain.
 */
export function nextPageStep(
  exchange: Exchange,
  options: PaginationRequestOptions = {},
): NextPageStep | undefined {
  const page = readPage(exchange);
  if (page === undefined) return undefined;
  const { request } = exchange;
  const p = page.pagination;
  switch (p.style) {
    case 'page-object': {
      if (p.pageParam === undefined) return undefined;
      const next = typeof page.next === 'number' ? page.next : undefined;
      if (next === undefined || next === 0) return undefined;
      return step(
        nextRequest(request, { query: withQueryParams(request.query, { [p.pageParam]: next }) }),
        'page-number',
      );
    }
    case 'page-number':
      return pageNumberNext(page, options);
    case 'limit-offset':
      return limitOffsetNext(page, options);
    case 'cursor':
      return cursorNext(page, options);
    case 'link-header': {
      const next = page.links?.next;
      return next === undefined ? undefined : step(requestFromUrl(request, next, options.basePath), 'link');
    }
    case 'content-range':
      return contentRangeNext(page);
  }
}

function step(request: HttpRequest | undefined, because: NextPageReason): NextPageStep | undefined {
  return request === undefined ? undefined : { request, because };
}

/** Whether a next value means "no next page": null, absent, empty, 0 or false. */
function isNone(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === 0 || value === false;
}

function pageNumberNext(page: PageView, options: PaginationRequestOptions): NextPageStep | undefined {
  const { request } = page.exchange;
  const p = page.pagination;
  if (p.nextPath !== undefined) {
    const next = page.next;
    if (isNone(next)) return undefined;
    if (typeof next === 'string') {
      // A bare number in a string (json-server's "next": "3" is a number; some write it as text).
      if (/^\d+$/.test(next) && p.pageParam !== undefined) {
        return step(
          nextRequest(request, { query: withQueryParams(request.query, { [p.pageParam]: next }) }),
          'page-number',
        );
      }
      return step(requestFromUrl(request, next, options.basePath), 'link');
    }
    if (typeof next === 'number' && p.pageParam !== undefined) {
      return step(
        nextRequest(request, { query: withQueryParams(request.query, { [p.pageParam]: next }) }),
        'page-number',
      );
    }
    return undefined;
  }
  if (p.pageParam === undefined || page.items === undefined || page.requestedPage === undefined)
    return undefined;
  if (page.nextPageHeader !== undefined) {
    if (page.nextPageHeader === '') return undefined;
    const named = intParam(page.nextPageHeader);
    if (named === undefined) return undefined;
    return step(
      nextRequest(request, { query: withQueryParams(request.query, { [p.pageParam]: named }) }),
      'page-number',
    );
  }
  const r = Math.max(page.requestedPage, p.firstPage);
  const n = page.items.length;
  const following = (because: NextPageReason) =>
    step(nextRequest(request, { query: withQueryParams(request.query, { [p.pageParam!]: r + 1 }) }), because);
  if (page.isLast !== undefined) return page.isLast ? undefined : following('is-last');
  if (page.hasMore !== undefined) return page.hasMore ? following('has-more') : undefined;
  if (page.totalPages !== undefined)
    return r - p.firstPage + 1 < page.totalPages ? following('total-pages') : undefined;
  const size = page.pageSize ?? page.requestedSize;
  if (page.count !== undefined && size !== undefined && size > 0) {
    return (r - p.firstPage + 1) * size < page.count ? following('count') : undefined;
  }
  if (page.count !== undefined && n === 0) return undefined;
  const expected = size ?? p.defaultPageSize;
  if (n === 0 || (expected !== undefined && n < expected)) return undefined;
  return following('guess');
}

function limitOffsetNext(page: PageView, options: PaginationRequestOptions): NextPageStep | undefined {
  const { request } = page.exchange;
  const p = page.pagination;
  if (p.nextPath !== undefined) {
    return typeof page.next === 'string' && page.next !== ''
      ? step(requestFromUrl(request, page.next, options.basePath), 'link')
      : undefined;
  }
  if (p.offsetParam === undefined || page.items === undefined || page.items.length === 0) return undefined;
  const offset = (page.requestedOffset ?? 0) + page.items.length;
  const following = (because: NextPageReason) =>
    step(
      nextRequest(request, { query: withQueryParams(request.query, { [p.offsetParam!]: offset }) }),
      because,
    );
  if (page.isLast !== undefined) return page.isLast ? undefined : following('is-last');
  if (page.hasMore === false) return undefined;
  if (page.count !== undefined) return offset >= page.count ? undefined : following('count');
  if (page.hasMore === true) return following('has-more');
  const expected = page.requestedSize ?? p.defaultPageSize;
  if (expected !== undefined && page.items.length < expected) return undefined;
  return following('guess');
}

function cursorNext(page: PageView, options: PaginationRequestOptions): NextPageStep | undefined {
  const { request, operation } = page.exchange;
  const p = page.pagination;
  if (page.hasMore === false || page.isLast === true) return undefined;
  const token = page.next;
  if (typeof token === 'string' && token !== '') {
    if (/^(https?:)?\/\//.test(token) || token.startsWith('/'))
      return step(requestFromUrl(request, token, options.basePath), 'link');
    if (p.cursorParam === undefined) return undefined;
    return step(
      nextRequest(request, { query: withQueryParams(request.query, { [p.cursorParam]: token }) }),
      'token',
    );
  }
  if (typeof token === 'number' && p.cursorParam !== undefined) {
    return step(
      nextRequest(request, { query: withQueryParams(request.query, { [p.cursorParam]: token }) }),
      'token',
    );
  }
  if (page.links?.next !== undefined)
    return step(requestFromUrl(request, page.links.next, options.basePath), 'link');
  // Only has_more: the next page starts after the last item (Stripe).
  const identifier = operation.list?.identifier;
  if (page.hasMore !== true || p.cursorParam === undefined || identifier === undefined) return undefined;
  const last = page.items?.at(-1);
  if (last === null || typeof last !== 'object') return undefined;
  const id = (last as Record<string, unknown>)[identifier];
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  return step(
    nextRequest(request, { query: withQueryParams(request.query, { [p.cursorParam]: id }) }),
    'has-more',
  );
}

function contentRangeNext(page: PageView): NextPageStep | undefined {
  const { request } = page.exchange;
  const range = page.contentRange;
  if (range?.end === undefined || page.items === undefined || page.items.length === 0) return undefined;
  const start = range.end + 1;
  if (range.total !== undefined && start >= range.total) return undefined;
  const size = page.requestedSize ?? page.items.length;
  if (range.total === undefined && page.items.length < size) return undefined;
  const because: NextPageReason = range.total === undefined ? 'guess' : 'count';
  if (request.headers.range !== undefined) {
    return step(
      nextRequest(request, { headers: { ...request.headers, range: `${start}-${start + size - 1}` } }),
      because,
    );
  }
  const p = page.pagination;
  if (p.offsetParam === undefined) return undefined;
  return step(
    nextRequest(request, { query: withQueryParams(request.query, { [p.offsetParam]: start }) }),
    because,
  );
}
