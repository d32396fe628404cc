import type { PaginationConvention } from './pagination-convention.js';

/**
 * OData v4 and Microsoft Graph: `{value: [], @odata.count, @odata.nextLink}`, parameters `$top`,
 * `$skip`, `$count=true` (the count is sent only when asked), `$orderby=field desc`, `$filter`.
 */
export const odata: PaginationConvention = {
  name: 'OData',
  summary:
    '`{value, @odata.count, @odata.nextLink}`, `$top`, `$skip`, `$count=true`, `$orderby=field desc` (also Microsoft Graph)',
  detect(ev) {
    if (ev.typeAt(['value']) !== 'array') return undefined;
    const hasNext = ev.typeAt(['@odata.nextLink']) !== undefined;
    const top = ev.param('$top', 'top');
    const skip = ev.param('$skip', 'skip');
    if (!hasNext && (top === undefined || skip === undefined)) return undefined;
    const count = ev.typeAt(['@odata.count']) !== undefined;
    const countParam = ev.param('$count', 'count');
    return {
      itemsPath: ['value'],
      pagination: {
        style: 'limit-offset',
        ...(top === undefined ? {} : { limitParam: top }),
        ...(skip === undefined ? {} : { offsetParam: skip }),
        ...ev.sizeLimits(top),
        ...(hasNext ? { nextPath: ['@odata.nextLink'] } : {}),
        ...(count ? { countPath: ['@odata.count'] } : {}),
        ...(count && countParam !== undefined ? { walkQuery: `${countParam}=true` } : {}),
      },
      ordering: { params: ['$orderby', 'orderby'], syntax: 'space' },
    };
  },
};
