import { isNumberAt, knownPaths } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/**
 * fastapi-pagination `Page`: `{items, total, page, size, pages}`, parameters `page` (from 1) and
 * `size`; there is no next link, so a walk goes page by page until `pages`.
 */
export const fastapiPage: PaginationConvention = {
  name: 'fastapi-pagination Page',
  summary: '`{items, total, page, size, pages}`, `page` (from 1) and `size`',
  detect(ev) {
    if (ev.typeAt(['items']) !== 'array' || !isNumberAt(ev, ['page']) || !isNumberAt(ev, ['size']))
      return undefined;
    if (!isNumberAt(ev, ['total']) && !isNumberAt(ev, ['pages'])) return undefined;
    const pageParam = ev.param('page');
    if (pageParam === undefined) return undefined;
    const sizeParam = ev.param('size');
    return {
      itemsPath: ['items'],
      pagination: {
        style: 'page-number',
        pageParam,
        ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        ...knownPaths(ev, { countPath: ['total'], totalPagesPath: ['pages'] }),
        currentPath: ['page'],
        pageSizePath: ['size'],
      },
    };
  },
};
