import type { Pagination } from '@assay/model';
import type { ListEvidence } from '../pagination-convention.js';

const COUNT_HEADERS = ['x-total-count', 'x-total', 'total-count', 'x-total-results', 'x-result-count'];
const TOTAL_PAGES_HEADERS = ['x-total-pages', 'x-page-count', 'x-pages'];

/**
 * The count, page-count and next-page headers the 2xx response documents (json-server v0, GitLab,
 * Rails api-pagination). `X-Next-Page` is read with a count or page count beside it only: alone, a
 * header of that name could mean anything.
 */
export function countHeaders(
  ev: ListEvidence,
): Pick<Pagination, 'countHeader' | 'totalPagesHeader' | 'nextPageHeader'> {
  const countHeader = COUNT_HEADERS.find((h) => ev.responseHeaders.has(h));
  const totalPagesHeader = TOTAL_PAGES_HEADERS.find((h) => ev.responseHeaders.has(h));
  const counted = countHeader !== undefined || totalPagesHeader !== undefined;
  return {
    ...(countHeader === undefined ? {} : { countHeader }),
    ...(totalPagesHeader === undefined ? {} : { totalPagesHeader }),
    ...(counted && ev.responseHeaders.has('x-next-page') ? { nextPageHeader: 'x-next-page' } : {}),
  };
}
