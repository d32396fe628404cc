import { countHeaders } from './_internals/count-headers.js';
import type { PaginationConvention } from './pagination-convention.js';

/**
 * RFC 8288 `Link` headers with `rel="next"` (GitHub `page`/`per_page`; Shopify and others with an
 * opaque `page_info` cursor inside the link), with the count headers when documented.
 */
export const linkHeader: PaginationConvention = {
  name: 'RFC 8288 Link header',
  summary:
    'a documented `Link` response header with `rel="next"`; `page`/`per_page` or an opaque cursor in the link',
  detect(ev) {
    if (!ev.responseHeaders.has('link') || ev.itemsPath === undefined) return undefined;
    const pageParam = ev.param('page', '_page');
    const sizeParam = ev.param('per_page', 'perPage', 'page_size', 'pageSize', '_limit', 'limit');
    return {
      pagination: {
        style: 'link-header',
        ...(pageParam === undefined ? {} : { pageParam }),
        ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        ...countHeaders(ev),
      },
    };
  },
};
