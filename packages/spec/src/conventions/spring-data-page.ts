import { isBooleanAt, isNumberAt } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/**
 * Spring Data `Page`: `{content, totalElements, totalPages, number, size, numberOfElements, first,
 * last, empty}`; `page` counts from 0, `size`, and `sort=field,asc|desc` (springdoc may document
 * them as one `pageable` object).
 */
export const springDataPage: PaginationConvention = {
  name: 'Spring Data Page',
  summary:
    '`{content, totalElements, totalPages, number, size, last …}`, `page` (from 0), `size`, `sort=field,desc`',
  detect(ev) {
    if (
      ev.typeAt(['content']) !== 'array' ||
      !isNumberAt(ev, ['totalElements']) ||
      !isNumberAt(ev, ['number'])
    )
      return undefined;
    const pageable = ev.param('pageable') !== undefined;
    const pageParam = ev.param('page') ?? (pageable ? 'page' : undefined);
    if (pageParam === undefined) return undefined;
    const sizeParam = ev.param('size') ?? (pageable ? 'size' : undefined);
    return {
      itemsPath: ['content'],
      pagination: {
        style: 'page-number',
        firstPage: 0,
        pageParam,
        ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        countPath: ['totalElements'],
        currentPath: ['number'],
        ...(isNumberAt(ev, ['totalPages']) ? { totalPagesPath: ['totalPages'] } : {}),
        ...(isNumberAt(ev, ['size']) ? { pageSizePath: ['size'] } : {}),
        ...(isBooleanAt(ev, ['last']) ? { isLastPath: ['last'] } : {}),
      },
      ordering: { params: ['sort'], syntax: 'comma' },
    };
  },
};
