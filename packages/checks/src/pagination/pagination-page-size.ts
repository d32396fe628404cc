import type { Check, Violation } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { totalPagesFeasible } from '../_internals/pagination/page-size-bounds.js';
import { type PageView, readPage } from '../_internals/pagination/page-view.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { violation } from '../_internals/violation.js';

const ID = 'pagination-page-size';

/**
 * A page holds at most the page size: what the request asked for (page size, limit, or the width
 * of a `Range`), the documented maximum, and, for authentik's page object past the first page,
 * the size its `start_index` and `total_pages` agree on. A server may use less (its cap), never more.
 */
export const paginationPageSize: Check = {
  id: ID,
  description: 'A page holds no more items than the page size asked for and the documented maximum.',
  clause: 'Pagination profile of the operation (page size / limit parameter, maximum)',
  verify(exchange) {
    const page = readPage(exchange);
    if (page?.items === undefined) return [];
    const n = page.items.length;
    const out: Violation[] = [];
    const pointer = pointerOf(exchange.operation.list?.itemsPath);
    if (page.requestedSize !== undefined && page.requestedSize > 0 && n > page.requestedSize) {
      out.push(
        violation(ID, {
          message: `${page.requestedSize} items per page were asked for but the page holds ${n}`,
          pointer,
          keyword: 'page-size',
          expected: `<= ${page.requestedSize}`,
          actual: n,
          fingerprint: fingerprint(ID, exchange.operation.id, 'requested'),
        }),
      );
    } else if (page.pagination.maxPageSize !== undefined && n > page.pagination.maxPageSize) {
      out.push(
        violation(ID, {
          message: `the documented maximum page size is ${page.pagination.maxPageSize} but the page holds ${n}`,
          pointer,
          keyword: 'max-page-size',
          expected: `<= ${page.pagination.maxPageSize}`,
          actual: n,
          fingerprint: fingerprint(ID, exchange.operation.id, 'maximum'),
        }),
      );
    }
    const implied = impliedPageSize(page);
    if (out.length === 0 && implied !== undefined && n > implied) {
      out.push(
        violation(ID, {
          message: `page ${page.current} starts at index ${page.startIndex}, so pages hold ${implied} items, but it holds ${n}`,
          pointer,
          keyword: 'page-size',
          expected: `<= ${implied}`,
          actual: n,
          fingerprint: fingerprint(ID, exchange.operation.id, 'implied'),
        }),
      );
    }
    return out;
  },
};

/** The page size a page-object page's `start_index` implies past the first page, when `total_pages` agrees. */
function impliedPageSize(page: PageView): number | undefined {
  const { count, totalPages: T, startIndex: start, current: cur } = page;
  const first = page.pagination.firstPage;
  if (page.pagination.style !== 'page-object' || count === undefined || T === undefined) return undefined;
  if (start === undefined || cur === undefined || cur <= first || cur > T) return undefined;
  const size = (start - 1) / (cur - first);
  return Number.isInteger(size) && size > 0 && totalPagesFeasible(count, T, size, size) ? size : undefined;
}
