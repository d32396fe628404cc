import type { Pagination } from '@assay/model';
import type { ListEvidence } from '../pagination-convention.js';

const COUNT_HEADERS = ['x-total-count', 'x-total', 'total-count', 'x-total-results', 'x-result-count'];
const TOTAL_PAGES_HEADERS = ['x-total-pages', 'x-page-count', 'x-pages'];

/** The count and page-count headers the 2xx response documents (json-server v0, GitLab, Rails api-pagination). */
export function countHeaders(ev: ListEvidence): Pick<Pagination, 'countHeader' | 'totalPagesHeader'> {
  const countHeader = COUNT_HEADERS.find((h) => ev.responseHeaders.has(h));
  const totalPagesHeader = TOTAL_PAGES_HEADERS.find((h) => ev.responseHeaders.has(h));
  return {
    ...(countHeader === undefined ? {} : { countHeader }),
    ...(totalPagesHeader === undefined ? {} : { totalPagesHeader }),
  };
}
