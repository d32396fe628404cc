import type { PaginationConvention } from './pagination-convention.js';

/** authentik's page object: `pagination{next, previous, count, current, total_pages, start_index, end_index}` beside `results`. */
export const authentikPage: PaginationConvention = {
  name: 'authentik page object',
  summary:
    '`pagination{next, previous, count, current, total_pages, start_index, end_index}` + `results`; next/previous are page numbers, 0 for none',
  detect(ev) {
    if (ev.itemsPath?.length !== 1) return undefined;
    if (!['next', 'previous', 'count', 'current'].every((k) => ev.typeAt(['pagination', k]) !== undefined))
      return undefined;
    const at = (key: string) =>
      ev.typeAt(['pagination', key]) === undefined ? undefined : ['pagination', key];
    const pageParam = ev.param('page');
    const sizeParam = ev.param('page_size', 'pageSize', 'per_page', 'size');
    return {
      pagination: {
        style: 'page-object',
        ...(pageParam === undefined ? {} : { pageParam }),
        ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        ...defined({
          countPath: at('count'),
          nextPath: at('next'),
          previousPath: at('previous'),
          currentPath: at('current'),
          totalPagesPath: at('total_pages'),
          startIndexPath: at('start_index'),
          endIndexPath: at('end_index'),
        }),
      },
      // authentik is Django REST Framework: OrderingFilter's `ordering=-field`.
      ordering: { params: ['ordering'], syntax: 'minus' },
    };
  },
};

function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
