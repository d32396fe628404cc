import type { SequenceCheck, Violation } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { splitWalks } from '../_internals/pagination/split-walks.js';
import { violation } from '../_internals/violation.js';
import type { PaginationRequestOptions } from './next-page-request.js';

const ID = 'pagination-complete';

/**
 * A walk from the first page to the last sees exactly `count` items. Judged only for complete
 * walks whose count is known and the same on every page.
 */
export function paginationComplete(options: PaginationRequestOptions = {}): SequenceCheck {
  return {
    id: ID,
    description: 'A walk from the first to the last page sees exactly count items.',
    clause: 'Pagination profile of the operation (count is the size of the whole result set)',
    verify(exchanges) {
      const out: Violation[] = [];
      for (const walk of splitWalks(exchanges, options)) {
        if (!walk.complete || !walk.fromFirst) continue;
        const counts = new Set(walk.pages.map((page) => page.count));
        if (counts.size !== 1) continue;
        const count = walk.pages[0]!.count;
        if (count === undefined) continue;
        const seen = walk.pages.reduce((sum, page) => sum + page.items!.length, 0);
        if (seen === count) continue;
        out.push(
          violation(ID, {
            message: `a walk over ${walk.pages.length} page(s) saw ${seen} items but count is ${count}`,
            pointer: '',
            keyword: 'count',
            expected: count,
            actual: seen,
            fingerprint: fingerprint(ID, walk.exchanges[0]!.operation.id),
          }),
        );
      }
      return out;
    },
  };
}
