import { isNumberAt } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/** Django REST Framework PageNumberPagination: `{count, next, previous, results}` with `page` and a page-size parameter. */
export const drfPageNumber: PaginationConvention = {
  name: 'Django REST Framework PageNumberPagination',
  summary: '`{count, next, previous, results}`, `page` and `page_size`; next/previous are URLs or null',
  detect(ev) {
    if (
      !isNumberAt(ev, ['count']) ||
      ev.typeAt(['next']) === undefined ||
      ev.typeAt(['previous']) === undefined
    )
      return undefined;
    if (ev.param('limit') !== undefined && ev.param('offset') !== undefined) return undefined;
    const pageParam = ev.param('page', 'page_number', 'pageNumber');
    if (pageParam === undefined || ev.itemsPath === undefined) return undefined;
    const sizeParam = ev.param('page_size', 'pageSize', 'per_page', 'perPage', 'size', 'limit');
    return {
      pagination: {
        style: 'page-number',
        pageParam,
        ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        countPath: ['count'],
        nextPath: ['next'],
        previousPath: ['previous'],
      },
      ordering: { params: ['ordering'], syntax: 'minus' },
    };
  },
};
