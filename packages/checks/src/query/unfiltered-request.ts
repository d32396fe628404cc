import type { Exchange, HttpRequest } from '@assay/model';
import { toFirstPage } from '../_internals/pagination/first-page-query.js';
import { nextRequest } from '../_internals/pagination/request-from-url.js';
import { queryParam, withQueryParams } from '../_internals/query-string.js';

/**
 * The same list request without its filter and search parameters, on the first page; ordering and
 * page size are kept. `undefined` when the request filters and searches nothing. Walk it (as far
 * as your page bound allows) and pass it with the filtered request (or walk) to
 * `query-filter-subset`.
 */
export function unfilteredRequest(exchange: Exchange): HttpRequest | undefined {
  const list = exchange.operation.list;
  if (list === undefined) return undefined;
  const { request } = exchange;
  const params = [...list.filters.map((filter) => filter.param), ...(list.search ? [list.search.param] : [])];
  const present = params.filter((param) => queryParam(request.query, param) !== undefined);
  if (present.length === 0) return undefined;
  const first =
    list.pagination === undefined ? request : { ...request, ...toFirstPage(request, list.pagination) };
  const removals = Object.fromEntries(present.map((param) => [param, undefined]));
  return nextRequest(request, { query: withQueryParams(first.query, removals), headers: first.headers });
}
