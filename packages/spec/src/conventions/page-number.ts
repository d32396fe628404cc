import type { BodyPath } from '@assay/model';
import { countHeaders } from './_internals/count-headers.js';
import { isBooleanAt, isNumberAt, linkPath } from './_internals/evidence-fields.js';
import type { ListEvidence, PaginationConvention } from './pagination-convention.js';

const COUNTS = [
  'count',
  'total',
  'total_count',
  'totalCount',
  'totalResults',
  'total_results',
  'totalItems',
  'total_items',
  'totalElements',
];
const PAGES = ['total_pages', 'totalPages', 'pages', 'pageCount', 'page_count', 'last_page'];
const CURRENT = ['page', 'current_page', 'currentPage', 'pageNumber', 'page_number'];
const HAS_MORE = ['has_more', 'hasMore', 'has_next', 'hasNext', 'hasNextPage', 'has_next_page', 'more'];

/**
 * Any list with a page-number parameter (`page`, `pageNumber` …) that no framework convention
 * claimed: the totals, current page and next link it documents under common names (top level or
 * under `meta`, `pagination`, `_links`), and when it documents none of them, nothing: such a list
 * is walked page by page while pages are full, and ends with a short or empty page.
 */
export const pageNumber: PaginationConvention = {
  name: 'page number',
  summary:
    'a `page` / `pageNumber` parameter; totals, current page and next link under common names, or none',
  detect(ev) {
    const pageParam = ev.param('page', 'page_number', 'pageNumber', '_page', 'pageNo');
    if (pageParam === undefined || ev.itemsPath === undefined) return undefined;
    if (ev.typeAt([pageParam]) === 'string' && ev.param('starting_after') !== undefined) return undefined;
    const sizeParam = ev.param(
      'per_page',
      'page_size',
      'pageSize',
      'perPage',
      'size',
      'limit',
      '_limit',
      'count',
    );
    const where = (names: readonly string[], accept: (p: BodyPath) => boolean) => find(ev, names, accept);
    // A body field named after the page-size parameter echoes the page size (Slack's `paging.count`
    // beside `paging.total`, for `?count=`), it is not the total.
    const count = where(
      COUNTS.filter((name) => name !== sizeParam),
      (p) => isNumberAt(ev, p),
    );
    const totalPages = where(PAGES, (p) => isNumberAt(ev, p));
    const current = where(CURRENT, (p) => isNumberAt(ev, p));
    const hasMore = where(HAS_MORE, (p) => isBooleanAt(ev, p));
    const next = [['next'], ['links', 'next'], ['_links', 'next'], ['next_page_url'], ['nextPage']]
      .map((p) => linkPath(ev, p) ?? (isNumberAt(ev, p) ? p : undefined))
      .find((p) => p !== undefined);
    return {
      pagination: {
        style: 'page-number',
        pageParam,
        ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
        ...ev.sizeLimits(sizeParam),
        ...(count === undefined ? {} : { countPath: count }),
        ...(totalPages === undefined ? {} : { totalPagesPath: totalPages }),
        ...(current === undefined ? {} : { currentPath: current }),
        ...(hasMore === undefined ? {} : { hasMorePath: hasMore }),
        ...(next === undefined ? {} : { nextPath: next }),
        ...countHeaders(ev),
      },
    };
  },
};

function find(
  ev: ListEvidence,
  names: readonly string[],
  accept: (p: BodyPath) => boolean,
): BodyPath | undefined {
  if (ev.itemsPath?.length === 0) return undefined;
  for (const meta of [[], ['meta'], ['pagination'], ['page'], ['paging']] as BodyPath[])
    for (const name of names) if (accept([...meta, name])) return [...meta, name];
  return undefined;
}
