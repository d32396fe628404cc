import { isNumberAt, knownPaths, linkPath } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/**
 * nestjs-paginate: `{data, meta{itemsPerPage, totalItems, currentPage, totalPages, sortBy},
 * links{first, previous, current, next, last}}`, parameters `page`, `limit`, `sortBy=field:DESC`,
 * `search`, `filter.<column>=$eq:value`.
 */
export const nestjsPaginate: PaginationConvention = {
  name: 'nestjs-paginate',
  summary:
    '`{data, meta{itemsPerPage, totalItems, currentPage, totalPages}, links{next …}}`, `page`, `limit`, `sortBy=field:DESC`',
  detect(ev) {
    if (
      ev.typeAt(['data']) !== 'array' ||
      !isNumberAt(ev, ['meta', 'currentPage']) ||
      !isNumberAt(ev, ['meta', 'itemsPerPage'])
    )
      return undefined;
    const pageParam = ev.param('page') ?? 'page';
    const sizeParam = ev.param('limit');
    const next = linkPath(ev, ['links', 'next']);
    const previous = linkPath(ev, ['links', 'previous']);
    return {
      itemsPath: ['data'],
      pagination: {
        style: 'page-number',
        pageParam,
        ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        currentPath: ['meta', 'currentPage'],
        pageSizePath: ['meta', 'itemsPerPage'],
        ...knownPaths(ev, { countPath: ['meta', 'totalItems'], totalPagesPath: ['meta', 'totalPages'] }),
        ...(next === undefined ? {} : { nextPath: next }),
        ...(previous === undefined ? {} : { previousPath: previous }),
      },
      ordering: { params: ['sortBy'], syntax: 'colon' },
    };
  },
};
