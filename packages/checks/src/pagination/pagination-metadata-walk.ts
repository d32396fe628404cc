import type { SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { expectedTotalPages } from '../_internals/pagination/page-size-bounds.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { readWalks } from '../_internals/pagination/read-walks.js';
import { walkPageSize } from '../_internals/pagination/walk-page-size.js';
import { violation } from '../_internals/violation.js';
import type { PaginationRequestOptions } from './next-page-request.js';

const ID = 'pagination-metadata';

/**
 * The walk form of `pagination-metadata` for authentik's page object: once a walk shows the page
 * size the server used (its largest page with a page after it), every page's `total_pages` must be
 * `max(1, ceil(count / page_size))` and its `start_index` `(current - 1) * page_size + 1`. One page
 * alone cannot pin the size when none was asked for; the walk can.
 */
export function paginationMetadataWalk(options: PaginationRequestOptions = {}): SequenceCheck {
  return cachedSequenceCheck({
    id: ID,
    description: 'The pagination metadata of every page of a walk agree with the page size the walk shows.',
    clause: 'Pagination profile of the operation (authentik page object: total_pages, start_index)',
    verify(exchanges, walks) {
      const out: Violation[] = [];
      for (const walk of readWalks(walks, options)) {
        if (walk.loop || walk.pages[0]?.pagination.style !== 'page-object') continue;
        const size = walkPageSize(walk, options);
        if (size === undefined || size === 0) continue;
        const first = walk.pages[0].pagination.firstPage;
        for (const page of walk.pages) {
          const { count, totalPages: T, startIndex: start } = page;
          const cur = page.current ?? page.requestedPage;
          if (count !== undefined && T !== undefined && T !== expectedTotalPages(count, size)) {
            out.push(
              violation(ID, {
                message: `pages of this walk hold ${size} items and count is ${count}, so total_pages must be ${expectedTotalPages(count, size)}, not ${T}`,
                pointer: pointerOf(page.pagination.totalPagesPath),
                keyword: 'total-pages',
                expected: expectedTotalPages(count, size),
                actual: T,
                fingerprint: fingerprint(ID, page.exchange.operation.id, 'total-pages'),
                at: exchanges.indexOf(page.exchange),
              }),
            );
            break;
          }
          if (
            start !== undefined &&
            cur !== undefined &&
            page.items!.length > 0 &&
            start !== (cur - first) * size + 1
          ) {
            out.push(
              violation(ID, {
                message: `pages of this walk hold ${size} items, so page ${cur} must start at index ${(cur - first) * size + 1}, not ${start}`,
                pointer: pointerOf(page.pagination.startIndexPath),
                keyword: 'start-index',
                expected: (cur - first) * size + 1,
                actual: start,
                fingerprint: fingerprint(ID, page.exchange.operation.id, 'start-index'),
                at: exchanges.indexOf(page.exchange),
              }),
            );
            break;
          }
        }
      }
      return out;
    },
  });
}
