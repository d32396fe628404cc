import type { Check } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { totalPagesFeasible } from '../_internals/pagination/page-size-bounds.js';
import { readPage } from '../_internals/pagination/page-view.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { violation } from '../_internals/violation.js';

const ID = 'pagination-full-pages';

/**
 * Every page but the last is full, as far as one page can tell: with authentik's page object, a
 * page after the first and before the last holds the page size that its `start_index` implies,
 * when `total_pages` agrees with that size (two independent pieces of metadata, so a short page
 * is told apart from a wrong index). The first page can only be judged by the walk variant, which
 * compares pages with each other.
 */
export const paginationFullPages: Check = {
  id: ID,
  description: 'Every page but the last holds a full page of items.',
  clause: 'Pagination profile of the operation (pages before the last are full)',
  verify(exchange) {
    const page = readPage(exchange);
    if (page?.items === undefined || page.pagination.style !== 'page-object') return [];
    const { count, totalPages: T, startIndex: start } = page;
    const cur = page.current ?? page.requestedPage;
    const first = page.pagination.firstPage;
    if (count === undefined || T === undefined || start === undefined || cur === undefined) return [];
    if (cur <= first || cur >= T) return [];
    const size = (start - 1) / (cur - first);
    const n = page.items.length;
    if (!Number.isInteger(size) || n >= size || !totalPagesFeasible(count, T, size, size)) return [];
    return [
      violation(ID, {
        message: `page ${cur} of ${T} is not the last but holds ${n} items; its start_index and total_pages say pages hold ${size}`,
        pointer: pointerOf(exchange.operation.list?.itemsPath),
        keyword: 'full-page',
        expected: size,
        actual: n,
        fingerprint: fingerprint(ID, exchange.operation.id),
      }),
    ];
  },
};
