import { isNumberAt } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/**
 * Directus: `{data, meta{total_count, filter_count}}`, parameters `limit`, `offset` (or `page`),
 * `sort=-field`, `filter` (JSON), `search`, and `meta=filter_count` to ask for the count, which
 * Directus sends only on request. Without it a list says nothing about its end.
 */
export const directus: PaginationConvention = {
  name: 'Directus',
  summary:
    '`{data, meta{total_count, filter_count}}`, `limit`, `offset`/`page`, `meta=filter_count` for the count',
  detect(ev) {
    if (ev.typeAt(['data']) !== 'array' || ev.param('meta') === undefined || ev.param('limit') === undefined)
      return undefined;
    if (!isNumberAt(ev, ['meta', 'filter_count']) && !isNumberAt(ev, ['meta', 'total_count']))
      return undefined;
    const countPath = isNumberAt(ev, ['meta', 'filter_count'])
      ? ['meta', 'filter_count']
      : ['meta', 'total_count'];
    const walkQuery = `meta=${countPath[1]}`;
    const offsetParam = ev.param('offset');
    const pageParam = ev.param('page');
    if (offsetParam === undefined && pageParam === undefined) return undefined;
    return {
      itemsPath: ['data'],
      pagination:
        offsetParam !== undefined
          ? {
              style: 'limit-offset',
              limitParam: 'limit',
              offsetParam,
              ...ev.sizeLimits('limit'),
              countPath,
              walkQuery,
            }
          : {
              style: 'page-number',
              pageParam: pageParam!,
              pageSizeParam: 'limit',
              ...ev.sizeLimits('limit'),
              countPath,
              walkQuery,
            },
      ordering: { params: ['sort'], syntax: 'minus' },
    };
  },
};
