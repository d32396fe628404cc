import type { Pagination } from '@assay/model';
import type { Target } from './list-window.js';
import { formatQuery } from './parse-query.js';
import type { ListRequest } from './serve-list.js';

/** Builds next/previous references for page indexes, in the style's own shape. */
export function pageLinks(pagination: Pagination, req: ListRequest, cursorOf: (target: Target) => string) {
  const url = (target: Target): string => {
    const { index, offset } = target;
    const query = new Map(req.query);
    const byCursor =
      pagination.cursorParam !== undefined &&
      (pagination.style === 'cursor' || pagination.pageParam === undefined);
    if (byCursor && pagination.offsetParam === undefined && pagination.cursorParam !== undefined) {
      if (offset === 0) query.delete(pagination.cursorParam);
      else query.set(pagination.cursorParam, [cursorOf(target)]);
    } else if (
      pagination.style === 'limit-offset' ||
      (pagination.pageParam === undefined && pagination.offsetParam !== undefined)
    ) {
      const offsetParam = pagination.offsetParam ?? 'offset';
      if (offset === 0 && pagination.style === 'limit-offset') query.delete(offsetParam);
      else query.set(offsetParam, [String(offset)]);
    } else {
      const pageParam = pagination.pageParam ?? 'page';
      // DRF drops the page parameter from the link to the first page.
      if (index === 0 && pagination.style === 'page-number') query.delete(pageParam);
      else query.set(pageParam, [String(pagination.firstPage + index)]);
    }
    const text = formatQuery(query);
    return text === '' ? req.selfUrl : `${req.selfUrl}?${text}`;
  };
  return { url };
}
