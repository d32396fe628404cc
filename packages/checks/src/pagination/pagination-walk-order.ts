import type { SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { readWalks } from '../_internals/pagination/read-walks.js';
import { honouredOrderingFields } from '../_internals/query/honoured-ordering-fields.js';
import { judgedOrdering } from '../_internals/query/judged-ordering.js';
import { orderingVerdict } from '../_internals/query/ordering-oracle.js';
import { queryParam } from '../_internals/query-string.js';
import { violation } from '../_internals/violation.js';
import type { PaginationRequestOptions } from './next-page-request.js';

const ID = 'pagination-walk-order';

/**
 * The pages of a walk, read in order, respect the requested ordering across page boundaries. A
 * walk whose pages are unsorted on their own is left to `query-ordering`. Only fields the document
 * lists, or that the server was seen to honour, are judged (see `judgedOrdering`).
 */
export function paginationWalkOrder(options: PaginationRequestOptions = {}): SequenceCheck {
  return cachedSequenceCheck({
    id: ID,
    description: 'The items of a walk, page after page, respect the requested ordering.',
    clause: 'Query semantics: the ordering parameter sorts the whole result set, not each page',
    verify(exchanges, walks) {
      const out: Violation[] = [];
      const honoured = honouredOrderingFields(exchanges);
      for (const walk of readWalks(walks, options)) {
        if (walk.pages.length < 2) continue;
        const ordering = walk.exchanges[0]!.operation.list?.ordering;
        if (ordering === undefined) continue;
        const value = queryParam(walk.exchanges[0]!.request.query, ordering.param);
        if (value === undefined) continue;
        const keys = judgedOrdering(walk.exchanges[0]!.operation, value, honoured);
        if (keys === undefined) continue;
        if (walk.pages.some((page) => orderingVerdict(page.items!, keys).sorted !== true)) continue;
        const all = walk.pages.flatMap((page) => page.items!);
        const verdict = orderingVerdict(all, keys);
        if (verdict.sorted !== false) continue;
        let offset = 0;
        let pageIndex = 0;
        while (offset + walk.pages[pageIndex]!.items!.length <= verdict.index) {
          offset += walk.pages[pageIndex]!.items!.length;
          pageIndex++;
        }
        out.push(
          violation(ID, {
            message: `for ${ordering.param}=${value}, page ${pageIndex + 1} of the walk starts before the end of the page before it`,
            pointer: '',
            keyword: 'ordering',
            expected: `${verdict.field} after ${JSON.stringify(verdict.previous)}`,
            actual: verdict.value,
            fingerprint: fingerprint(ID, walk.exchanges[0]!.operation.id, value),
          }),
        );
      }
      return out;
    },
  });
}
