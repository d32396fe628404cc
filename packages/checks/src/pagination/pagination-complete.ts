import type { SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { readWalks } from '../_internals/pagination/read-walks.js';
import { violation } from '../_internals/violation.js';
import type { PaginationRequestOptions } from './next-page-request.js';

const ID = 'pagination-complete';

/**
 * A walk from the first page to the last sees exactly `count` items. Judged only for complete
 * walks whose count is known and the same on every page. A next link that leads to a client error
 * (other than 401, 403 and 429, which are about the caller, not the list) also leaves items unseen.
 */
export function paginationComplete(options: PaginationRequestOptions = {}): SequenceCheck {
  return cachedSequenceCheck({
    id: ID,
    description: 'A walk from the first to the last page sees exactly count items.',
    clause: 'Pagination profile of the operation (count is the size of the whole result set)',
    verify(exchanges, walks) {
      const out: Violation[] = [];
      for (const walk of readWalks(walks, options)) {
        const broken = walk.exchanges[walk.pages.length];
        if (broken !== undefined && walk.pages.length > 0 && !walk.loop) {
          const { status } = broken.response;
          if (status >= 400 && status <= 499 && status !== 401 && status !== 403 && status !== 429) {
            const seen = walk.pages.reduce((sum, page) => sum + page.items!.length, 0);
            out.push(
              violation(ID, {
                message: `page ${walk.pages.length} links a next page, which answered ${status}: the walk saw ${seen} items${walk.pages[0]!.count === undefined ? '' : ` of ${walk.pages[0]!.count}`}`,
                pointer: '',
                keyword: 'next-page-status',
                expected: '2xx',
                actual: status,
                fingerprint: fingerprint(ID, broken.operation.id, 'next-page-status'),
                at: exchanges.indexOf(broken),
              }),
            );
          }
        }
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
            at: exchanges.indexOf(walk.exchanges.at(-1)!),
          }),
        );
      }
      return out;
    },
  });
}
