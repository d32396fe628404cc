import type { PaginationConvention } from './pagination-convention.js';

/** Django REST Framework LimitOffsetPagination: `{count, next, previous, results}` with `limit` and `offset`. */
export const drfLimitOffset: PaginationConvention = {
  name: 'Django REST Framework LimitOffsetPagination',
  summary: '`{count, next, previous, results}`, `limit` and `offset`',
  detect(ev) {
    if (!['count', 'next', 'previous'].every((k) => ev.typeAt([k]) !== undefined)) return undefined;
    if (ev.param('limit') === undefined || ev.param('offset') === undefined || ev.itemsPath === undefined)
      return undefined;
    return {
      pagination: {
        style: 'limit-offset',
        limitParam: 'limit',
        offsetParam: 'offset',
        ...ev.sizeLimits('limit'),
        countPath: ['count'],
        nextPath: ['next'],
        previousPath: ['previous'],
      },
      ordering: { params: ['ordering'], syntax: 'minus' },
    };
  },
};
