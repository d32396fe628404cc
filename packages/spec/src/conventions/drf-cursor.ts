import type { PaginationConvention } from './pagination-convention.js';

/** Django REST Framework CursorPagination: `{next, previous, results}` with an opaque `cursor`, no count. */
export const drfCursor: PaginationConvention = {
  name: 'Django REST Framework CursorPagination',
  summary: '`{next, previous, results}` and `cursor`; next/previous are opaque URLs',
  detect(ev) {
    if (ev.typeAt(['next']) === undefined || ev.typeAt(['previous']) === undefined) return undefined;
    const cursorParam = ev.param('cursor');
    if (cursorParam === undefined || ev.itemsPath === undefined) return undefined;
    const sizeParam = ev.param('page_size', 'pageSize', 'limit');
    return {
      pagination: {
        style: 'cursor',
        cursorParam,
        ...(sizeParam === undefined ? {} : { limitParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        nextPath: ['next'],
        previousPath: ['previous'],
        ...(ev.typeAt(['count']) === undefined ? {} : { countPath: ['count'] }),
      },
      ordering: { params: ['ordering'], syntax: 'minus' },
    };
  },
};
