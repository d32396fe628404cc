import type { Exchange, SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { readWalks, type WalkView } from '../_internals/pagination/read-walks.js';
import { violation } from '../_internals/violation.js';
import type { PaginationRequestOptions } from './next-page-request.js';
import { nextPageStep } from './next-page-step.js';

const ID = 'pagination-complete';

/**
 * A walk from the first page to the last sees exactly `count` items. Judged only for complete
 * walks whose count is known and the same on every page. A next link that leads to a client error
 * (other than 401, 403 and 429, which are about the caller, not the list) also leaves items unseen;
 * a page Assay only guessed at (the page before said nothing about the end) may answer one. A page's `remainingItemCount` (Kubernetes) is the number of items after it: the walk sees them.
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
        const lastRead = walk.pages.at(-1);
        const said = lastRead === undefined ? undefined : nextPageStep(lastRead.exchange, options)?.because;
        if (broken !== undefined && said !== undefined && said !== 'guess' && !walk.loop) {
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
        const remaining = remainingProblem(walk, exchanges);
        if (remaining !== undefined) out.push(remaining);
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

/**
 * The first page whose `remainingItemCount` is not the number of items the walk saw after it: in a
 * complete walk from the first page, the items of every later page; in any walk, one page's count
 * less the next page's is the next page's items. Kubernetes serves a walk from one snapshot, but
 * says clients should not rely on the figure being exact, so this is a warning.
 */
function remainingProblem(walk: WalkView, exchanges: readonly Exchange[]): Violation | undefined {
  const pages = walk.pages;
  if (walk.loop || pages.every((page) => page.remaining === undefined)) return undefined;
  const whole = walk.complete && walk.fromFirst;
  let after = 0;
  const afterEach: number[] = [];
  for (let i = pages.length - 1; i >= 0; i--) {
    afterEach[i] = after;
    after += pages[i]!.items!.length;
  }
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    const said = page.remaining;
    if (said === undefined) continue;
    const nextSaid = pages[i + 1]?.remaining;
    let expected: number | undefined;
    if (whole) expected = afterEach[i]!;
    else if (nextSaid !== undefined) expected = nextSaid + pages[i + 1]!.items!.length;
    if (expected === undefined || said === expected) continue;
    return violation(ID, {
      severity: 'warning',
      message: whole
        ? `page ${i + 1} of the walk says ${said} items remain, but the walk saw ${expected} after it`
        : `page ${i + 1} of the walk says ${said} items remain, page ${i + 2} holds ${pages[i + 1]!.items!.length} and says ${nextSaid} remain`,
      pointer: pointerOf(page.pagination.remainingPath),
      keyword: 'remaining',
      expected,
      actual: said,
      fingerprint: fingerprint(ID, page.exchange.operation.id, 'remaining'),
      at: exchanges.indexOf(page.exchange),
    });
  }
  return undefined;
}
