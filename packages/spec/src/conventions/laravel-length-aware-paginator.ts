import type { BodyPath } from '@assay/model';
import { isNumberAt, knownPaths } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/**
 * Laravel `LengthAwarePaginator` (`paginate()`): `{current_page, data, last_page, per_page, total,
 * from, to, next_page_url, prev_page_url, links}`, parameter `page` from 1; also as an API resource
 * collection, with the numbers under `meta` and the URLs under `links{next, prev}`.
 */
export const laravelLengthAwarePaginator: PaginationConvention = {
  name: 'Laravel LengthAwarePaginator',
  summary:
    '`{current_page, data, last_page, per_page, total, next_page_url …}` (or under `meta` / `links`), `page`',
  detect(ev) {
    if (ev.typeAt(['data']) !== 'array') return undefined;
    const meta: BodyPath = isNumberAt(ev, ['current_page'])
      ? []
      : isNumberAt(ev, ['meta', 'current_page'])
        ? ['meta']
        : ['-'];
    if (meta[0] === '-' || !isNumberAt(ev, [...meta, 'total']) || !isNumberAt(ev, [...meta, 'last_page']))
      return undefined;
    const pageParam = ev.param('page') ?? 'page';
    const sizeParam = ev.param('per_page', 'perPage', 'limit', 'page_size');
    const links =
      meta.length === 0
        ? { nextPath: ['next_page_url'], previousPath: ['prev_page_url'] }
        : { nextPath: ['links', 'next'], previousPath: ['links', 'prev'] };
    return {
      itemsPath: ['data'],
      pagination: {
        style: 'page-number',
        pageParam,
        ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        countPath: [...meta, 'total'],
        totalPagesPath: [...meta, 'last_page'],
        currentPath: [...meta, 'current_page'],
        ...knownPaths(ev, { pageSizePath: [...meta, 'per_page'], ...links }),
      },
    };
  },
};
