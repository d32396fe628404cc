import { itemsIn } from './_internals/evidence-fields.js';
import type { PaginationConvention } from './pagination-convention.js';

/** AWS: `MaxResults`/`NextToken` (or camel case) parameters and a `NextToken` in the body, absent on the last page. */
export const awsNextToken: PaginationConvention = {
  name: 'AWS NextToken',
  summary: '`MaxResults` and `NextToken` parameters, `NextToken` in the body',
  detect(ev) {
    const cursorParam = ev.param('NextToken', 'nextToken', 'next_token');
    if (cursorParam === undefined) return undefined;
    const nextPath = [['NextToken'], ['nextToken'], ['next_token']].find((p) => ev.typeAt(p) !== undefined);
    const itemsPath = itemsIn(ev);
    if (nextPath === undefined || itemsPath === undefined) return undefined;
    const sizeParam = ev.param('MaxResults', 'maxResults', 'max_results', 'Limit', 'limit');
    return {
      itemsPath,
      pagination: {
        style: 'cursor',
        cursorParam,
        ...(sizeParam === undefined ? {} : { limitParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        nextPath,
      },
    };
  },
};
