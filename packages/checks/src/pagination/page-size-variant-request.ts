import type { Exchange, HttpRequest } from '@assay/model';
import { sizeParamOf, toFirstPage } from '../_internals/pagination/first-page-query.js';
import { readPage } from '../_internals/pagination/page-view.js';
import { nextRequest } from '../_internals/pagination/request-from-url.js';
import { withQueryParams } from '../_internals/query-string.js';
import { nextPageRequest } from './next-page-request.js';

/**
 * The first-page request of the same query with another page size, built from the first page of
 * a walk; `undefined` when the operation has no page-size parameter (or `Range`). The size is the
 * effective size of the given page minus one (2 when it is 1), within the documented maximum, so
 * page boundaries fall elsewhere. Walk it to the end too and pass both walks to
 * `pagination-page-size-invariance`.
 */
export function pageSizeVariantRequest(firstPage: Exchange): HttpRequest | undefined {
  const page = readPage(firstPage);
  if (page === undefined || page.items === undefined) return undefined;
  const p = page.pagination;
  const { request } = firstPage;
  const n = page.items.length;
  // A page with a next page is full, so its length is the size the server used; else what was asked.
  const effective = nextPageRequest(firstPage) !== undefined ? n : (page.requestedSize ?? n);
  let size = effective > 1 ? effective - 1 : 2;
  if (p.maxPageSize !== undefined && size > p.maxPageSize) size = Math.max(1, p.maxPageSize - 1);
  const first = toFirstPage(request, p);
  if (request.headers.range !== undefined) {
    return nextRequest(request, {
      query: first.query,
      headers: { ...first.headers, range: `0-${size - 1}` },
    });
  }
  const param = sizeParamOf(p);
  if (param === undefined) return undefined;
  return nextRequest(request, {
    query: withQueryParams(first.query, { [param]: size }),
    headers: first.headers,
  });
}
