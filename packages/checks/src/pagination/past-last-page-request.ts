import type { Exchange, HttpRequest } from '@assay/model';
import { readPage } from '../_internals/pagination/page-view.js';
import { nextRequest } from '../_internals/pagination/request-from-url.js';
import { withQueryParams } from '../_internals/query-string.js';
import { nextPageRequest, type PaginationRequestOptions } from './next-page-request.js';

/**
 * The request for the page just past the last one, built from the last page of a complete walk
 * (a page with no next page); `undefined` when the exchange is not such a page or the style has
 * no addressable page past the end (cursors). Send it after the walk and pass its exchange along
 * with the walk to `pagination-past-last`:
 * - `page-object`, `page-number` and `link-header`: the page after the last (by total pages, else
 *   after this one);
 * - `limit-offset`: offset = count (or offset + items);
 * - `content-range`: a `Range` (or offset) starting at the total.
 */
export function pastLastPageRequest(
  lastPage: Exchange,
  options: PaginationRequestOptions = {},
): HttpRequest | undefined {
  const page = readPage(lastPage);
  if (page === undefined || page.items === undefined) return undefined;
  if (nextPageRequest(lastPage, options) !== undefined) return undefined;
  const { request } = lastPage;
  const p = page.pagination;
  const n = page.items.length;
  switch (p.style) {
    case 'page-object':
    case 'page-number':
    case 'link-header': {
      if (p.pageParam === undefined) return undefined;
      // The last page's number: counted from the first page (0 for Spring Data), by total pages when known.
      const last =
        page.totalPages !== undefined
          ? p.firstPage + Math.max(page.totalPages, 1) - 1
          : (page.current ?? page.requestedPage);
      if (last === undefined) return undefined;
      return nextRequest(request, { query: withQueryParams(request.query, { [p.pageParam]: last + 1 }) });
    }
    case 'limit-offset': {
      if (p.offsetParam === undefined) return undefined;
      const offset = Math.max(page.count ?? 0, (page.requestedOffset ?? 0) + n);
      return nextRequest(request, { query: withQueryParams(request.query, { [p.offsetParam]: offset }) });
    }
    case 'cursor':
      return undefined;
    case 'content-range': {
      const start = page.contentRange?.total ?? (page.contentRange?.end ?? -1) + 1;
      const size = page.requestedSize ?? Math.max(n, 1);
      if (request.headers.range !== undefined) {
        return nextRequest(request, {
          headers: { ...request.headers, range: `${start}-${start + size - 1}` },
        });
      }
      if (p.offsetParam === undefined) return undefined;
      return nextRequest(request, { query: withQueryParams(request.query, { [p.offsetParam]: start }) });
    }
  }
}
