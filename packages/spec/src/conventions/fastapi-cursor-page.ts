import type { PaginationConvention } from './pagination-convention.js';

/** fastapi-pagination `CursorPage`: `{items, total?, current_page, previous_page, next_page}`, parameters `cursor` and `size`. */
export const fastapiCursorPage: PaginationConvention = {
  name: 'fastapi-pagination CursorPage',
  summary:
    '`{items, current_page, previous_page, next_page}`, `cursor` and `size`; next_page is an opaque token',
  detect(ev) {
    if (ev.typeAt(['items']) !== 'array' || ev.typeAt(['next_page']) === undefined) return undefined;
    const cursorParam = ev.param('cursor');
    if (cursorParam === undefined) return undefined;
    const sizeParam = ev.param('size');
    return {
      itemsPath: ['items'],
      pagination: {
        style: 'cursor',
        cursorParam,
        ...(sizeParam === undefined ? {} : { limitParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        nextPath: ['next_page'],
        ...(ev.typeAt(['previous_page']) === undefined ? {} : { previousPath: ['previous_page'] }),
        ...(ev.typeAt(['total']) === undefined ? {} : { countPath: ['total'] }),
      },
    };
  },
};
