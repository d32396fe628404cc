import { isBooleanAt } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/** Stripe list objects: `{object: "list", data, has_more, url}`, `limit`, `starting_after` (the last item's id), `ending_before`. */
export const stripeList: PaginationConvention = {
  name: 'Stripe list',
  summary:
    '`{data, has_more}`, `limit`, `starting_after` = the last id of the page (search: `page` = `next_page`)',
  detect(ev) {
    if (ev.typeAt(['data']) !== 'array' || !isBooleanAt(ev, ['has_more'])) return undefined;
    // Search endpoints page with an opaque `page` token and `next_page` instead.
    if (
      ev.param('page') !== undefined &&
      ev.typeAt(['next_page']) !== undefined &&
      ev.param('starting_after') === undefined
    ) {
      const limitParam = ev.param('limit');
      return {
        itemsPath: ['data'],
        pagination: {
          style: 'cursor',
          cursorParam: 'page',
          ...(limitParam === undefined ? {} : { limitParam }),
          ...ev.sizeLimits(limitParam),
          nextPath: ['next_page'],
          hasMorePath: ['has_more'],
        },
      };
    }
    const cursorParam = ev.param('starting_after');
    if (cursorParam === undefined) return undefined;
    const limitParam = ev.param('limit');
    return {
      itemsPath: ['data'],
      pagination: {
        style: 'cursor',
        cursorParam,
        ...(limitParam === undefined ? {} : { limitParam }),
        ...ev.sizeLimits(limitParam),
        hasMorePath: ['has_more'],
      },
    };
  },
};
