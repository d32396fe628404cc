import { isNumberAt, linkPath, onlyArrayIn } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/**
 * Spring HATEOAS `PagedModel` (HAL): `_embedded.<rel>` items, `_links.next/prev/first/last.href`,
 * `page{size, totalElements, totalPages, number}`; `page` counts from 0.
 */
export const springHateoasPagedModel: PaginationConvention = {
  name: 'Spring HATEOAS PagedModel',
  summary:
    '`_embedded.<rel>`, `_links.next.href`, `page{size, totalElements, totalPages, number}`, `page` from 0',
  detect(ev) {
    const itemsPath = onlyArrayIn(ev, ['_embedded']);
    if (
      itemsPath === undefined ||
      !isNumberAt(ev, ['page', 'totalElements']) ||
      !isNumberAt(ev, ['page', 'number'])
    )
      return undefined;
    const pageParam = ev.param('page') ?? (ev.param('pageable') === undefined ? undefined : 'page');
    if (pageParam === undefined) return undefined;
    const sizeParam = ev.param('size') ?? (ev.param('pageable') === undefined ? undefined : 'size');
    const next = linkPath(ev, ['_links', 'next']);
    const previous = linkPath(ev, ['_links', 'prev']);
    return {
      itemsPath,
      pagination: {
        style: 'page-number',
        firstPage: 0,
        pageParam,
        ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        countPath: ['page', 'totalElements'],
        currentPath: ['page', 'number'],
        ...(isNumberAt(ev, ['page', 'totalPages']) ? { totalPagesPath: ['page', 'totalPages'] } : {}),
        ...(isNumberAt(ev, ['page', 'size']) ? { pageSizePath: ['page', 'size'] } : {}),
        ...(next === undefined ? {} : { nextPath: next }),
        ...(previous === undefined ? {} : { previousPath: previous }),
      },
      ordering: { params: ['sort'], syntax: 'comma' },
    };
  },
};
