import type { BodyPath } from '@assay/model';
import { isNumberAt, linkPath } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/**
 * JSON:API (v1.1 and its cursor profile): `{data: [], links{next, prev, first, last}, meta}`, with
 * `page[number]`/`page[size]`, `page[offset]`/`page[limit]` or `page[cursor]`/`page[size]`;
 * `sort=-field`, `filter[field]=`. Links may be strings or `{href}` objects.
 */
export const jsonApi: PaginationConvention = {
  name: 'JSON:API',
  summary:
    '`{data, links{next, prev}, meta}` with `page[number]`/`page[size]`, `page[offset]`/`page[limit]` or `page[cursor]`',
  detect(ev) {
    if (ev.typeAt(['data']) !== 'array') return undefined;
    const next = linkPath(ev, ['links', 'next']);
    const previous = linkPath(ev, ['links', 'prev']);
    const number = ev.param('page[number]');
    const offset = ev.param('page[offset]');
    const cursor = ev.param('page[cursor]', 'page[after]');
    if (number === undefined && offset === undefined && cursor === undefined) return undefined;
    const count = (['total', 'count', 'totalCount', 'total_count', 'totalResourceCount'] as const)
      .map((k): BodyPath => ['meta', k])
      .find((p) => isNumberAt(ev, p));
    const links = {
      ...(next === undefined ? {} : { nextPath: next }),
      ...(previous === undefined ? {} : { previousPath: previous }),
      ...(count === undefined ? {} : { countPath: count }),
    };
    const ordering = { params: ['sort'], syntax: 'minus' as const };
    if (number !== undefined) {
      const size = ev.param('page[size]');
      return {
        itemsPath: ['data'],
        pagination: {
          style: 'page-number',
          pageParam: number,
          ...(size === undefined ? {} : { pageSizeParam: size }),
          ...ev.sizeLimits(size),
          ...links,
        },
        ordering,
      };
    }
    if (offset !== undefined) {
      const limit = ev.param('page[limit]');
      return {
        itemsPath: ['data'],
        pagination: {
          style: 'limit-offset',
          offsetParam: offset,
          ...(limit === undefined ? {} : { limitParam: limit }),
          ...ev.sizeLimits(limit),
          ...links,
        },
        ordering,
      };
    }
    const size = ev.param('page[size]');
    return {
      itemsPath: ['data'],
      pagination: {
        style: 'cursor',
        cursorParam: cursor!,
        ...(size === undefined ? {} : { limitParam: size }),
        ...ev.sizeLimits(size),
        ...links,
      },
      ordering,
    };
  },
};
