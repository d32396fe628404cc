import { joinPointer } from '@assay/json-schema';
import type { BodyPath, Exchange, SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { itemId, wholeItemKey } from '../_internals/item-identity.js';
import type { PageView } from '../_internals/pagination/page-view.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { readWalks } from '../_internals/pagination/read-walks.js';
import { violation } from '../_internals/violation.js';
import type { PaginationRequestOptions } from './next-page-request.js';

const ID = 'pagination-no-duplicates';

/**
 * No item appears twice in a walk, by its identifier property. Items without their identifier are
 * not judged. A list without an identifier can hold equal-looking rows that are distinct records
 * (two generated rows of a few optional fields, two identical log lines), so there only the mark an
 * overlapping paginator leaves is judged: a page that starts with the last items of the page before
 * it, compared as whole items (two properties or more).
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
        if (identifier === undefined) {
          out.push(...boundaryRepeats(walk.pages, exchanges, list?.itemsPath));
          continue;
        }
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
                message: `${identifier} ${JSON.stringify(idValue(item, identifier))} appears on ${earlier} and again on ${where}`,
                pointer: joinPointer(pointerOf(list?.itemsPath), index, ...identifier.split('.')),
                keyword: 'duplicate',
                expected: 'an item not seen before',
                actual: idValue(item, identifier),
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

/**
 * Whole items a page repeats from the end of the page before it: the longest run of the first items
 * of a page equal, in order, to the last items of the one before (offset - 1 repeats one item). An
 * item that looks like another on its own page is not distinctive enough to tell a repeat from a
 * look-alike, and is not judged.
 */
function boundaryRepeats(
  pages: readonly PageView[],
  exchanges: readonly Exchange[],
  itemsPath: BodyPath | undefined,
): Violation[] {
  const out: Violation[] = [];
  for (let p = 1; p < pages.length; p++) {
    const before = pages[p - 1]!.items!.map(wholeItemKey);
    const page = pages[p]!;
    const here = page.items!.map(wholeItemKey);
    let run = 0;
    for (let j = Math.min(before.length, here.length); j >= 1 && run === 0; j--) {
      const tail = before.slice(before.length - j);
      if (
        tail.every((key, i) => key !== undefined && key === here[i] && once(before, key) && once(here, key))
      )
        run = j;
    }
    for (let index = 0; index < run; index++) {
      out.push(
        violation(ID, {
          message: `page ${p + 1} starts with the last ${run === 1 ? 'item' : `${run} items`} of page ${p}: item ${index} is item ${before.length - run + index} of page ${p} again`,
          pointer: joinPointer(pointerOf(itemsPath), index),
          keyword: 'duplicate',
          expected: 'an item not seen before',
          actual: page.items![index],
          fingerprint: fingerprint(ID, page.exchange.operation.id),
          at: exchanges.indexOf(page.exchange),
        }),
      );
    }
  }
  return out;
}

function once(keys: readonly (string | undefined)[], key: string): boolean {
  return keys.indexOf(key) === keys.lastIndexOf(key);
}
