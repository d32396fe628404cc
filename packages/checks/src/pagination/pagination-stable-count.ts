import type { SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { readWalks } from '../_internals/pagination/read-walks.js';
import { violation } from '../_internals/violation.js';
import type { PaginationRequestOptions } from './next-page-request.js';

const ID = 'pagination-stable-count';

/** The total count (`count`, or the `Content-Range` total) is the same on every page of a walk. */
export function paginationStableCount(options: PaginationRequestOptions = {}): SequenceCheck {
  return cachedSequenceCheck({
    id: ID,
    description: 'The total count is the same on every page of a walk.',
    clause: 'Pagination profile of the operation (count is the size of the whole result set)',
    verify(_exchanges, walks) {
      const out: Violation[] = [];
      for (const walk of readWalks(walks, options)) {
        const counted = walk.pages.filter((page) => page.count !== undefined);
        const first = counted[0];
        if (first === undefined) continue;
        for (const page of counted) {
          if (page.count === first.count) continue;
          const index = walk.pages.indexOf(page);
          out.push(
            violation(ID, {
              message: `count is ${first.count} on page 1 of the walk but ${page.count} on page ${index + 1}`,
              pointer: pointerOf(page.pagination.countPath),
              keyword: 'count',
              expected: first.count,
              actual: page.count,
              fingerprint: fingerprint(ID, page.exchange.operation.id),
            }),
          );
          break;
        }
      }
      return out;
    },
  });
}
