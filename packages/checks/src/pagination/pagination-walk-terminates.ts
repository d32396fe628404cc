import type { SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { readWalks } from '../_internals/pagination/read-walks.js';
import { walkPageSize } from '../_internals/pagination/walk-page-size.js';
import { violation } from '../_internals/violation.js';
import type { PaginationRequestOptions } from './next-page-request.js';
import { requestKey } from './request-key.js';

const ID = 'pagination-walk-terminates';

/**
 * Following `next` from the first page ends: no page leads back to a page already seen, and the
 * walk has no more pages than `total_pages` (or `ceil(count / page_size)`) allows. A walk the runner
 * cut at its page bound is not reported: a long list is not an endless one.
 */
export function paginationWalkTerminates(options: PaginationRequestOptions = {}): SequenceCheck {
  return cachedSequenceCheck({
    id: ID,
    description:
      'Following next from the first page reaches a last page: no loop, no more pages than the count allows.',
    clause: 'Pagination profile of the operation (next is absent on the last page)',
    verify(exchanges, walks) {
      const out: Violation[] = [];
      for (const walk of readWalks(walks, options)) {
        const operation = walk.exchanges[0]!.operation;
        if (walk.loop) {
          const seen = new Map<string, number>();
          walk.exchanges.forEach((exchange, index) => {
            const key = requestKey(exchange.request);
            if (seen.has(key) && !out.some((v) => v.check === ID && v.actual === index + 1)) {
              out.push(
                violation(ID, {
                  message: `page ${index + 1} of the walk repeats the request of page ${seen.get(key)! + 1}: next goes round in a circle`,
                  pointer: '',
                  keyword: 'loop',
                  expected: 'a request not sent before',
                  actual: `${exchange.request.path}?${exchange.request.query}`,
                  fingerprint: fingerprint(ID, operation.id, 'loop'),
                  at: exchanges.indexOf(exchange),
                }),
              );
            }
            if (!seen.has(key)) seen.set(key, index);
          });
          continue;
        }
        if (!walk.fromFirst || walk.pages.length === 0) continue;
        const first = walk.pages[0]!;
        const size = walkPageSize(walk, options);
        const bound =
          first.totalPages ??
          (first.count !== undefined && size !== undefined
            ? Math.max(1, Math.ceil(first.count / size))
            : undefined);
        if (bound !== undefined && walk.pages.length > bound) {
          out.push(
            violation(ID, {
              message: `the walk went on to ${walk.pages.length} pages but the list has ${bound}`,
              pointer: '',
              keyword: 'pages',
              expected: `<= ${bound}`,
              actual: walk.pages.length,
              fingerprint: fingerprint(ID, operation.id, 'pages'),
              at: exchanges.indexOf(walk.pages[bound]!.exchange),
            }),
          );
        }
      }
      return out;
    },
  });
}
