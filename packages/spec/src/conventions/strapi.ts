import { isNumberAt } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/**
 * Strapi (v4, v5): `{data, meta{pagination{page, pageSize, pageCount, total}}}`, parameters
 * `pagination[page]` and `pagination[pageSize]`, `sort=field:desc`, `filters[field][$eq]=`.
 */
export const strapi: PaginationConvention = {
  name: 'Strapi',
  summary:
    '`{data, meta{pagination{page, pageSize, pageCount, total}}}`, `pagination[page]`, `pagination[pageSize]`, `sort=field:desc`',
  detect(ev) {
    const meta = ['meta', 'pagination'];
    if (
      ev.typeAt(['data']) !== 'array' ||
      !isNumberAt(ev, [...meta, 'page']) ||
      !isNumberAt(ev, [...meta, 'pageSize'])
    )
      return undefined;
    const pageParam =
      ev.param('pagination[page]') ?? (ev.param('pagination') === undefined ? undefined : 'pagination[page]');
    if (pageParam === undefined) return undefined;
    return {
      itemsPath: ['data'],
      pagination: {
        style: 'page-number',
        pageParam,
        pageSizeParam: 'pagination[pageSize]',
        currentPath: [...meta, 'page'],
        pageSizePath: [...meta, 'pageSize'],
        ...(isNumberAt(ev, [...meta, 'total']) ? { countPath: [...meta, 'total'] } : {}),
        ...(isNumberAt(ev, [...meta, 'pageCount']) ? { totalPagesPath: [...meta, 'pageCount'] } : {}),
      },
      ordering: { params: ['sort'], syntax: 'colon' },
    };
  },
};
