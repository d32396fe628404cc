import { isNumberAt } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/**
 * json-server v1: with `_page` (and `_per_page`), `{first, prev, next, last, pages, items, data}`
 * where next/prev are page numbers or null and `items` is the total; without `_page`, the plain
 * array (so the body is documented as `oneOf [array, page]`, and walks ask for `_page=1`).
 * Ordering is `_sort=field` / `_sort=-field`.
 */
export const jsonServerV1: PaginationConvention = {
  name: 'json-server v1',
  summary:
    '`{first, prev, next, last, pages, items, data}` with `_page` and `_per_page`; a plain array without `_page`',
  detect(ev) {
    if (ev.typeAt(['data']) !== 'array' || ev.typeAt(['next']) === undefined || !isNumberAt(ev, ['pages']))
      return undefined;
    const pageParam = ev.param('_page');
    if (pageParam === undefined) return undefined;
    const sizeParam = ev.param('_per_page');
    return {
      itemsPath: ['data'],
      pagination: {
        style: 'page-number',
        pageParam,
        ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        nextPath: ['next'],
        ...(ev.typeAt(['prev']) === undefined ? {} : { previousPath: ['prev'] }),
        totalPagesPath: ['pages'],
        ...(isNumberAt(ev, ['items']) ? { countPath: ['items'] } : {}),
        walkQuery: `${pageParam}=1`,
      },
      ordering: { params: ['_sort'], syntax: 'minus' },
    };
  },
};
