import type { Exchange, HttpRequest } from '@assay/model';
import { type PageView, readPage } from '../_internals/pagination/page-view.js';
import { nextRequest, requestFromUrl } from '../_internals/pagination/request-from-url.js';
import { withQueryParams } from '../_internals/query-string.js';

/** Options of the pagination request builders. */
export interface PaginationRequestOptions {
  /** The server URL's path (`/api/v3`), cut from absolute `next` links that point elsewhere. */
  basePath?: string;
}

/**
 * The request for the page after this one, or `undefined` when this page is the last (or the
 * answer was not a readable 2xx page). Per style:
 * - `page-object`: the `next` page number (0 means none) into the page parameter;
 * - `page-number`: the `next` URL (null means none);
 * - `limit-offset`: the `next` URL when the body has one, else offset + items received, while
 *   items remain (by `count`, or a full page when there is no count);
 * - `cursor`: the next token (or next URL) into the cursor parameter; with only `has_more`, the last
 *   item's identifier (Stripe's `starting_after`);
 * - `link-header`: the `Link` header's `rel="next"` target;
 * - `content-range`: the next `Range` (or offset) after the `Content-Range` end, while items remain.
 *
 * Walk: start from the first page, send each returned request, stop when it is `undefined`, when
 * its {@link requestKey} was already sent (a loop: keep that exchange, the walk checks report it),
 * or at your page bound. Pass the exchanges, in order, to the sequence checks.
 */
export function nextPageRequest(
  exchange: Exchange,
  options: PaginationRequestOptions = {},
): HttpRequest | undefined {
  const page = readPage(exchange);
  if (page === undefined) return undefined;
  const { request } = exchange;
  const p = page.pagination;
  switch (p.style) {
    case 'page-object': {
      if (p.pageParam === undefined) return undefined;
      const next = typeof page.next === 'number' ? page.next : undefined;
      if (next === undefined || next === 0) return undefined;
      return nextRequest(request, { query: withQueryParams(request.query, { [p.pageParam]: next }) });
    }
    case 'page-number':
      return typeof page.next === 'string' && page.next !== ''
        ? requestFromUrl(request, page.next, options.basePath)
        : undefined;
    case 'limit-offset':
      return limitOffsetNext(page, options);
    case 'cursor':
      return cursorNext(page, options);
    case 'link-header': {
      const next = page.links?.next;
      return next === undefined ? undefined : requestFromUrl(request, next, options.basePath);
    }
    case 'content-range':
      return contentRangeNext(page);
  }
}

function limitOffsetNext(page: PageView, options: PaginationRequestOptions): HttpRequest | undefined {
  const { request } = page.exchange;
  const p = page.pagination;
  if (p.nextPath !== undefined) {
    return typeof page.next === 'string' && page.next !== ''
      ? requestFromUrl(request, page.next, options.basePath)
      : undefined;
  }
  if (p.offsetParam === undefined || page.items === undefined || page.items.length === 0) return undefined;
  const offset = (page.requestedOffset ?? 0) + page.items.length;
  if (page.hasMore === false) return undefined;
  if (page.count !== undefined) {
    if (offset >= page.count) return undefined;
  } else if (
    page.hasMore !== true &&
    page.requestedSize !== undefined &&
    page.items.length < page.requestedSize
  ) {
    return undefined;
  }
  return nextRequest(request, { query: withQueryParams(request.query, { [p.offsetParam]: offset }) });
}

function cursorNext(page: PageView, options: PaginationRequestOptions): HttpRequest | undefined {
  const { request, operation } = page.exchange;
  const p = page.pagination;
  if (page.hasMore === false) return undefined;
  const token = page.next;
  if (typeof token === 'string' && token !== '') {
    if (/^(https?:)?\/\//.test(token) || token.startsWith('/'))
      return requestFromUrl(request, token, options.basePath);
    if (p.cursorParam === undefined) return undefined;
    return nextRequest(request, { query: withQueryParams(request.query, { [p.cursorParam]: token }) });
  }
  if (typeof token === 'number' && p.cursorParam !== undefined) {
    return nextRequest(request, { query: withQueryParams(request.query, { [p.cursorParam]: token }) });
  }
  // Only has_more: the next page starts after the last item (Stripe).
  const identifier = operation.list?.identifier;
  if (page.hasMore !== true || p.cursorParam === undefined || identifier === undefined) return undefined;
  const last = page.items?.at(-1);
  if (last === null || typeof last !== 'object') return undefined;
  const id = (last as Record<string, unknown>)[identifier];
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  return nextRequest(request, { query: withQueryParams(request.query, { [p.cursorParam]: id }) });
}

function contentRangeNext(page: PageView): HttpRequest | undefined {
  const { request } = page.exchange;
  const range = page.contentRange;
  if (range?.end === undefined || page.items === undefined || page.items.length === 0) return undefined;
  const start = range.end + 1;
  if (range.total !== undefined && start >= range.total) return undefined;
  const size = page.requestedSize ?? page.items.length;
  if (range.total === undefined && page.items.length < size) return undefined;
  if (request.headers.range !== undefined) {
    return nextRequest(request, { headers: { ...request.headers, range: `${start}-${start + size - 1}` } });
  }
  const p = page.pagination;
  if (p.offsetParam === undefined) return undefined;
  return nextRequest(request, { query: withQueryParams(request.query, { [p.offsetParam]: start }) });
}
