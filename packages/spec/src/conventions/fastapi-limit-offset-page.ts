import { isNumberAt } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/** fastapi-pagination `LimitOffsetPage`: `{items, total, limit, offset}`, parameters `limit` and `offset`. */
export const fastapiLimitOffsetPage: PaginationConvention = {
  name: 'fastapi-pagination LimitOffsetPage',
  summary: '`{items, total, limit, offset}`, `limit` and `offset`',
  detect(ev) {
    if (ev.typeAt(['items']) !== 'array' || !isNumberAt(ev, ['limit']) || !isNumberAt(ev, ['offset']))
      return undefined;
    if (ev.param('limit') === undefined || ev.param('offset') === undefined) return undefined;
    return {
      itemsPath: ['items'],
      pagination: {
        style: 'limit-offset',
        limitParam: 'limit',
        offsetParam: 'offset',
        ...ev.sizeLimits('limit'),
        ...(isNumberAt(ev, ['total']) ? { countPath: ['total'] } : {}),
        pageSizePath: ['limit'],
      },
    };
  },
};
