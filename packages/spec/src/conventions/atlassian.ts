import { isBooleanAt, isNumberAt, itemsIn } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/** Atlassian (Jira, Confluence, Bitbucket Server): `startAt` and `maxResults`, `{values, startAt, maxResults, total, isLast}`. */
export const atlassian: PaginationConvention = {
  name: 'Atlassian startAt',
  summary: '`startAt` and `maxResults`, `{values, startAt, maxResults, total, isLast}`',
  detect(ev) {
    const offsetParam = ev.param('startAt');
    if (offsetParam === undefined || !isNumberAt(ev, ['startAt'])) return undefined;
    const itemsPath = ev.typeAt(['values']) === 'array' ? ['values'] : itemsIn(ev);
    if (itemsPath === undefined) return undefined;
    const limitParam = ev.param('maxResults');
    return {
      itemsPath,
      pagination: {
        style: 'limit-offset',
        offsetParam,
        ...(limitParam === undefined ? {} : { limitParam }),
        ...ev.sizeLimits(limitParam),
        ...(isNumberAt(ev, ['total']) ? { countPath: ['total'] } : {}),
        ...(isBooleanAt(ev, ['isLast']) ? { isLastPath: ['isLast'] } : {}),
        ...(isNumberAt(ev, ['maxResults']) ? { pageSizePath: ['maxResults'] } : {}),
      },
    };
  },
};
