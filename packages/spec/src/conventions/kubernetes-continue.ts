import type { PaginationConvention } from './pagination-convention.js';

/** Kubernetes list calls: `limit` and `continue` parameters, `items`, `metadata.continue` (absent or empty at the end), `metadata.remainingItemCount`. */
export const kubernetesContinue: PaginationConvention = {
  name: 'Kubernetes continue',
  summary: '`limit` and `continue`, `items`, `metadata.continue`, `metadata.remainingItemCount`',
  detect(ev) {
    if (ev.param('continue') === undefined || ev.typeAt(['items']) !== 'array') return undefined;
    if (ev.typeAt(['metadata', 'continue']) === undefined) return undefined;
    const limitParam = ev.param('limit');
    return {
      itemsPath: ['items'],
      pagination: {
        style: 'cursor',
        cursorParam: 'continue',
        ...(limitParam === undefined ? {} : { limitParam }),
        ...ev.sizeLimits(limitParam),
        nextPath: ['metadata', 'continue'],
        ...(['integer', 'number'].includes(ev.typeAt(['metadata', 'remainingItemCount']) ?? '')
          ? { remainingPath: ['metadata', 'remainingItemCount'] }
          : {}),
      },
    };
  },
};
