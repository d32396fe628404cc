import { countHeaders } from './_internals/count-headers.js';
import { isNumberAt } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

const COUNT_KEYS = ['count', 'total', 'total_count', 'totalCount', 'total_results'];

/** Any list with `limit` and `offset` parameters, with a numeric total beside the items when there is one. */
export const limitOffset: PaginationConvention = {
  name: 'limit/offset',
  summary: '`limit` and `offset` parameters; a numeric `count`/`total` beside the items',
  detect(ev) {
    if (ev.param('limit') === undefined || ev.param('offset') === undefined || ev.itemsPath === undefined)
      return undefined;
    const count = ev.itemsPath.length === 1 ? COUNT_KEYS.find((k) => isNumberAt(ev, [k])) : undefined;
    return {
      pagination: {
        style: 'limit-offset',
        limitParam: 'limit',
        offsetParam: 'offset',
        ...ev.sizeLimits('limit'),
        ...(count === undefined ? {} : { countPath: [count] }),
        ...countHeaders(ev),
      },
    };
  },
};
