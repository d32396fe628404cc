import type { BodyPath } from '@assay/model';
import { isNumberAt, knownPaths } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/**
 * Laravel `Paginator` (`simplePaginate()`): `{current_page, data, from, to, per_page,
 * next_page_url, prev_page_url}` without a total, parameter `page` from 1; also as an API resource.
 */
export const laravelSimplePaginator: PaginationConvention = {
  name: 'Laravel simplePaginate',
  summary: '`{current_page, data, per_page, next_page_url, prev_page_url}` without a total, `page`',
  detect(ev) {
    if (ev.typeAt(['data']) !== 'array') return undefined;
    const meta: BodyPath = isNumberAt(ev, ['current_page'])
      ? []
      : isNumberAt(ev, ['meta', 'current_page'])
        ? ['meta']
        : ['-'];
    if (meta[0] === '-') return undefined;
    const links =
      meta.length === 0
        ? { nextPath: ['next_page_url'], previousPath: ['prev_page_url'] }
        : { nextPath: ['links', 'next'], previousPath: ['links', 'prev'] };
    if (ev.typeAt(links.nextPath) === undefined) return undefined;
    const pageParam = ev.param('page') ?? 'page';
    const sizeParam = ev.param('per_page', 'perPage', 'limit', 'page_size');
    return {
      itemsPath: ['data'],
      pagination: {
        style: 'page-number',
        pageParam,
        ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        currentPath: [...meta, 'current_page'],
        ...knownPaths(ev, { pageSizePath: [...meta, 'per_page'], ...links }),
      },
    };
  },
};
