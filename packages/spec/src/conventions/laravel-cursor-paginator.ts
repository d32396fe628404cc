import type { BodyPath } from '@assay/model';
import { knownPaths } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/** Laravel `CursorPaginator` (`cursorPaginate()`): `{data, per_page, next_cursor, prev_cursor, next_page_url}`, parameter `cursor`. */
export const laravelCursorPaginator: PaginationConvention = {
  name: 'Laravel cursorPaginate',
  summary: '`{data, per_page, next_cursor, prev_cursor, next_page_url}` (or under `meta`), `cursor`',
  detect(ev) {
    if (ev.typeAt(['data']) !== 'array') return undefined;
    const meta: BodyPath =
      ev.typeAt(['next_cursor']) !== undefined
        ? []
        : ev.typeAt(['meta', 'next_cursor']) !== undefined
          ? ['meta']
          : ['-'];
    if (meta[0] === '-') return undefined;
    const cursorParam = ev.param('cursor') ?? 'cursor';
    const sizeParam = ev.param('per_page', 'perPage', 'limit');
    return {
      itemsPath: ['data'],
      pagination: {
        style: 'cursor',
        cursorParam,
        ...(sizeParam === undefined ? {} : { limitParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        nextPath: [...meta, 'next_cursor'],
        ...knownPaths(ev, { previousPath: [...meta, 'prev_cursor'], pageSizePath: [...meta, 'per_page'] }),
      },
    };
  },
};
