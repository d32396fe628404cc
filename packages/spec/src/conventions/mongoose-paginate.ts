import { isBooleanAt, isNumberAt, knownPaths } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/**
 * mongoose-paginate-v2 and Payload CMS: `{docs, totalDocs, limit, totalPages, page, pagingCounter,
 * hasPrevPage, hasNextPage, prevPage, nextPage}`, parameters `page` from 1 and `limit`; `nextPage`
 * is a page number or null.
 */
export const mongoosePaginate: PaginationConvention = {
  name: 'mongoose-paginate-v2',
  summary:
    '`{docs, totalDocs, limit, totalPages, page, hasNextPage, nextPage …}` (also Payload CMS), `page`, `limit`',
  detect(ev) {
    if (ev.typeAt(['docs']) !== 'array' || !isNumberAt(ev, ['totalDocs'])) return undefined;
    const pageParam = ev.param('page') ?? 'page';
    const sizeParam = ev.param('limit');
    return {
      itemsPath: ['docs'],
      pagination: {
        style: 'page-number',
        pageParam,
        ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        countPath: ['totalDocs'],
        ...knownPaths(ev, {
          totalPagesPath: ['totalPages'],
          currentPath: ['page'],
          pageSizePath: ['limit'],
          nextPath: ['nextPage'],
          previousPath: ['prevPage'],
        }),
        ...(isBooleanAt(ev, ['hasNextPage']) ? { hasMorePath: ['hasNextPage'] } : {}),
      },
    };
  },
};
