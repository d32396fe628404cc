import { joinPointer } from '@assay/json-schema';
import type { SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { itemId } from '../_internals/item-identity.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { splitWalks } from '../_internals/pagination/split-walks.js';
import { violation } from '../_internals/violation.js';
import type { PaginationRequestOptions } from './next-page-request.js';

const ID = 'pagination-no-duplicates';

/**
 * No item appears twice in a walk, by its identifier property. Lists without an identifier (or
 * items without one) are not judged: equal-looking items may be distinct.
 */
export function paginationNoDuplicates(options: PaginationRequestOptions = {}): SequenceCheck {
  return cachedSequenceCheck({
    id: ID,
    description: 'No item appears twice across the pages of a walk (by its identifier).',
    clause: 'Pagination profile of the operation (pages partition the result set)',
    verify(exchanges) {
      const out: Violation[] = [];
      for (const walk of splitWalks(exchanges, options)) {
        if (walk.loop) continue; // A loop repeats pages; pagination-walk-terminates reports it.
        const list = walk.exchanges[0]!.operation.list;
        const identifier = list?.identifier;
        if (identifier === undefined) continue;
        const seen = new Map<string, string>();
        walk.pages.forEach((page, pageIndex) => {
          page.items!.forEach((item, index) => {
            const id = itemId(item, identifier);
            if (id === undefined) return;
            const where = `page ${pageIndex + 1} item ${index}`;
            const earlier = seen.get(id);
            if (earlier === undefined) {
              seen.set(id, where);
              return;
            }
            out.push(
              violation(ID, {
                message: `${identifier} ${JSON.stringify((item as Record<string, unknown>)[identifier])} appears on ${earlier} and again on ${where}`,
                pointer: joinPointer(pointerOf(list?.itemsPath), index, identifier),
                keyword: 'duplicate',
                expected: 'an item not seen before',
                actual: (item as Record<string, unknown>)[identifier],
                fingerprint: fingerprint(ID, page.exchange.operation.id),
              }),
            );
          });
        });
      }
      return out;
    },
  });
}
