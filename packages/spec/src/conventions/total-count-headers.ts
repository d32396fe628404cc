import { countHeaders } from './_internals/count-headers.js';
import type { PaginationConvention } from './pagination-convention.js';

/**
 * The `X-Total-Count` family without a `Link` header (json-server v0 `_page`/`_limit`, GitLab
 * `X-Total`/`X-Total-Pages`, Rails api-pagination): page or offset parameters, the total in a header.
 */
export const totalCountHeaders: PaginationConvention = {
  name: 'X-Total-Count headers',
  summary:
    '`X-Total-Count` / `X-Total` / `X-Total-Pages` response headers with page or limit/offset parameters',
  detect(ev) {
    const counts = countHeaders(ev);
    if (counts.countHeader === undefined && counts.totalPagesHeader === undefined) return undefined;
    if (ev.itemsPath === undefined) return undefined;
    const offsetParam = ev.param('offset', '_start', 'skip');
    const limitParam = ev.param('limit', '_limit');
    if (offsetParam !== undefined && limitParam !== undefined) {
      return {
        pagination: {
          style: 'limit-offset',
          offsetParam,
          limitParam,
          ...ev.sizeLimits(limitParam),
          ...counts,
        },
      };
    }
    const pageParam = ev.param('page', '_page');
    if (pageParam === undefined) return undefined;
    const sizeParam = ev.param('per_page', 'perPage', 'page_size', 'pageSize', '_limit', 'limit', 'size');
    return {
      pagination: {
        style: 'page-number',
        pageParam,
        ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        ...counts,
      },
    };
  },
};
