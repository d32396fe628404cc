import { joinPointer } from '@assay/json-schema';
import type { SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { itemId, wholeItemKey } from '../_internals/item-identity.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { readWalks } from '../_internals/pagination/read-walks.js';
import { violation } from '../_internals/violation.js';
import type { PaginationRequestOptions } from './next-page-request.js';

const ID = 'pagination-no-duplicates';

/**
 * No item appears twice in a walk, by its identifier property; for a list without an identifier,
 * the same whole item (two properties or more) on two pages. Items without their identifier are
 * not judged, nor equal items on one page of a list without one: equal-looking rows may be distinct.
 */
export function paginationNoDuplicates(options: PaginationRequestOptions = {}): SequenceCheck {
  return cachedSequenceCheck({
    id: ID,
    description: 'No item appears twice across the pages of a walk (by its identifier).',
    clause: 'Pagination profile of the operation (pages partition the result set)',
    verify(exchanges, walks) {
      const out: Violation[] = [];
      for (const walk of readWalks(walks, options)) {
        if (walk.loop) continue; // A loop repeats pages; pagination-walk-terminates reports it.
        const list = walk.exchanges[0]!.operation.list;
        const identifier = list?.identifier;
        const seen = new Map<string, { where: string; page: number }>();
        walk.pages.forEach((page, pageIndex) => {
          page.items!.forEach((item, index) => {
            const id = identifier === undefined ? wholeItemKey(item) : itemId(item, identifier);
            if (id === undefined) return;
            const where = `page ${pageIndex + 1} item ${index}`;
            const first = seen.get(id);
            if (first === undefined) {
              seen.set(id, { where, page: pageIndex });
              return;
            }
            // Without an identifier, equal items on one page may be distinct rows; across pages they overlap.
            if (identifier === undefined && first.page === pageIndex) return;
            const earlier = first.where;
            out.push(
              violation(ID, {
                message:
                  identifier === undefined
                    ? `the same item appears on ${earlier} and again on ${where}`
                    : `${identifier} ${JSON.stringify(idValue(item, identifier))} appears on ${earlier} and again on ${where}`,
                pointer:
                  identifier === undefined
                    ? joinPointer(pointerOf(list?.itemsPath), index)
                    : joinPointer(pointerOf(list?.itemsPath), index, ...identifier.split('.')),
                keyword: 'duplicate',
                expected: 'an item not seen before',
                actual: identifier === undefined ? item : idValue(item, identifier),
                fingerprint: fingerprint(ID, page.exchange.operation.id),
                at: exchanges.indexOf(page.exchange),
              }),
            );
          });
        });
      }
      return out;
    },
  });
}

function idValue(item: unknown, identifier: string): unknown {
  let value: unknown = item;
  for (const key of identifier.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}
