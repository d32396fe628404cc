import type { Check, Violation } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { readPage } from '../_internals/pagination/page-view.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { violation } from '../_internals/violation.js';

const ID = 'pagination-page-size';

/**
 * A page holds at most the page size: what the request asked for (page size, limit, or the width
 * of a `Range`) and the documented maximum. A server may use less (its cap), never more.
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
    return out;
  },
};
