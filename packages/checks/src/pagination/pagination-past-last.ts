import type { SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { readPage } from '../_internals/pagination/page-view.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { readWalks } from '../_internals/pagination/read-walks.js';
import { violation } from '../_internals/violation.js';
import { nextPageRequest, type PaginationRequestOptions } from './next-page-request.js';

const ID = 'pagination-past-last';

/**
 * Metamorphic: the page past the last one (see `pastLastPageRequest`, sent after a complete walk)
 * is either a 4xx, or an empty page whose metadata stay consistent: the same count as the walk,
 * and no next page. Documentation of the 4xx is `status-code-conformance`'s concern; a 5xx is
 * `not-a-server-error`'s.
 */
export function paginationPastLast(options: PaginationRequestOptions = {}): SequenceCheck {
  return cachedSequenceCheck({
    id: ID,
    description: 'The page past the last one is a 4xx, or an empty page with consistent metadata.',
    clause: 'Pagination profile of the operation (no items exist past the last page)',
    verify(exchanges, walks) {
      const out: Violation[] = [];
      for (const walk of readWalks(walks, options)) {
        const count = walk.pages[0]?.count;
        for (const probe of walk.pastLast) {
          const { status } = probe.response;
          const operation = probe.operation;
          if (status >= 400) continue;
          if (status < 200 || status > 299) {
            out.push(
              violation(ID, {
                message: `the page past the last answered ${status}`,
                pointer: '',
                keyword: 'status',
                expected: '4xx, or 2xx with no items',
                actual: status,
                fingerprint: fingerprint(ID, operation.id, 'status'),
                at: exchanges.indexOf(probe),
              }),
            );
            continue;
          }
          const page = readPage(probe);
          if (page?.items === undefined) continue;
          const itemsPointer = pointerOf(operation.list?.itemsPath);
          if (page.items.length > 0) {
            out.push(
              violation(ID, {
                message: `the page past the last holds ${page.items.length} items`,
                pointer: itemsPointer,
                keyword: 'empty',
                expected: 0,
                actual: page.items.length,
                fingerprint: fingerprint(ID, operation.id, 'items'),
                at: exchanges.indexOf(probe),
              }),
            );
          }
          if (count !== undefined && page.count !== undefined && page.count !== count) {
            out.push(
              violation(ID, {
                message: `the page past the last says count = ${page.count}, the walk said ${count}`,
                pointer: pointerOf(page.pagination.countPath),
                keyword: 'count',
                expected: count,
                actual: page.count,
                fingerprint: fingerprint(ID, operation.id, 'count'),
                at: exchanges.indexOf(probe),
              }),
            );
          }
          if (nextPageRequest(probe, options) !== undefined) {
            out.push(
              violation(ID, {
                message: 'the page past the last links a next page',
                pointer: pointerOf(page.pagination.nextPath),
                keyword: 'next',
                expected: 'no next page',
                actual: page.next ?? page.links?.next ?? probe.response.headers['content-range'],
                fingerprint: fingerprint(ID, operation.id, 'next'),
                at: exchanges.indexOf(probe),
              }),
            );
          }
        }
      }
      return out;
    },
  });
}
