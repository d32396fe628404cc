import { isNumberAt, itemsIn } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/**
 * Google AIP-158: `page_size`/`pageSize` and `page_token`/`pageToken` parameters, `next_page_token`
 * (empty on the last page) and an optional `total_size` in the body; AIP-132 `order_by=field desc`.
 */
export const googleAip158: PaginationConvention = {
  name: 'Google AIP-158',
  summary: '`pageToken`/`pageSize`, `nextPageToken` (empty at the end), `totalSize`, `orderBy=field desc`',
  detect(ev) {
    const cursorParam = ev.param('pageToken', 'page_token');
    if (cursorParam === undefined) return undefined;
    const nextPath = [['nextPageToken'], ['next_page_token']].find((p) => ev.typeAt(p) !== undefined);
    const itemsPath = itemsIn(ev);
    if (nextPath === undefined || itemsPath === undefined) return undefined;
    const sizeParam = ev.param('pageSize', 'page_size', 'maxResults', 'max_results');
    const count = [['totalSize'], ['total_size']].find((p) => isNumberAt(ev, p));
    return {
      itemsPath,
      pagination: {
        style: 'cursor',
        cursorParam,
        ...(sizeParam === undefined ? {} : { limitParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        nextPath,
        ...(count === undefined ? {} : { countPath: count }),
      },
      ordering: { params: ['orderBy', 'order_by'], syntax: 'space' },
    };
  },
};
