import type { Check } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { readPage } from '../_internals/pagination/page-view.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { violation } from '../_internals/violation.js';

const ID = 'pagination-full-pages';

/**
 * Every page but the last is full, as far as one page can tell: with authentik's page object, a
 * page before the last holds at least `ceil(count / total_pages)` items (fewer could not cover
 * `count` in `total_pages` pages), and past the first page exactly the page size its
 * `start_index` implies. The walk variant compares pages with each other.
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
    if (count === undefined || T === undefined || cur === undefined || cur >= T || cur < first) return [];
    const n = page.items.length;
    let expected: number | undefined;
    if (cur > first && start !== undefined && Number.isInteger((start - 1) / (cur - first))) {
      const size = (start - 1) / (cur - first);
      if (n < size && size >= Math.ceil(count / T)) expected = size;
    }
    if (expected === undefined && n < Math.ceil(count / T)) expected = Math.ceil(count / T);
    if (expected === undefined) return [];
    return [
      violation(ID, {
        message: `page ${cur} of ${T} is not the last but holds ${n} items (a full page holds ${expected === Math.ceil(count / T) ? `at least ${expected}` : expected})`,
        pointer: pointerOf(exchange.operation.list?.itemsPath),
        keyword: 'full-page',
        expected,
        actual: n,
        fingerprint: fingerprint(ID, exchange.operation.id),
      }),
    ];
  },
};
