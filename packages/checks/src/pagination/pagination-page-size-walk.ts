import type { SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { readWalks } from '../_internals/pagination/read-walks.js';
import { walkPageSize } from '../_internals/pagination/walk-page-size.js';
import { violation } from '../_internals/violation.js';
import type { PaginationRequestOptions } from './next-page-request.js';

const ID = 'pagination-page-size';

/**
 * The walk form of `pagination-page-size`: no page holds more items than the page size the walk
 * shows (its largest page before the last), so a server cannot hand out a bigger last page.
 */
export function paginationPageSizeWalk(options: PaginationRequestOptions = {}): SequenceCheck {
  return cachedSequenceCheck({
    id: ID,
    description: 'No page of a walk holds more items than the page size the walk shows.',
    clause: 'Pagination profile of the operation (page size)',
    verify(_exchanges, walks) {
      const out: Violation[] = [];
      for (const walk of readWalks(walks, options)) {
        const size = walkPageSize(walk, options);
        if (size === undefined) continue;
        walk.pages.forEach((page, index) => {
          const n = page.items!.length;
          if (n <= size) return;
          out.push(
            violation(ID, {
              message: `page ${index + 1} of the walk holds ${n} items, more than the page size ${size} of the pages before it`,
              pointer: pointerOf(page.exchange.operation.list?.itemsPath),
              keyword: 'page-size',
              expected: `<= ${size}`,
              actual: n,
              fingerprint: fingerprint(ID, page.exchange.operation.id, 'walk'),
            }),
          );
        });
      }
      return out;
    },
  });
}
