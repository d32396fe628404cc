import { itemsIn } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/** Slack Web API: `cursor` and `limit`, `response_metadata.next_cursor` (empty at the end). */
export const slackCursor: PaginationConvention = {
  name: 'Slack cursor',
  summary: '`cursor` and `limit`, `response_metadata.next_cursor` (empty at the end)',
  detect(ev) {
    const cursorParam = ev.param('cursor');
    if (cursorParam === undefined || ev.typeAt(['response_metadata', 'next_cursor']) === undefined)
      return undefined;
    const itemsPath = itemsIn(ev);
    if (itemsPath === undefined) return undefined;
    const limitParam = ev.param('limit');
    return {
      itemsPath,
      pagination: {
        style: 'cursor',
        cursorParam,
        ...(limitParam === undefined ? {} : { limitParam }),
        ...ev.sizeLimits(limitParam),
        nextPath: ['response_metadata', 'next_cursor'],
      },
    };
  },
};
