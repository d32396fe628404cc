import type { SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { readWalks } from '../_internals/pagination/read-walks.js';
import { walkPageSize } from '../_internals/pagination/walk-page-size.js';
import { violation } from '../_internals/violation.js';
import type { PaginationRequestOptions } from './next-page-request.js';
import { nextPageStep } from './next-page-step.js';

const ID = 'pagination-full-pages';

/**
 * The walk form of `pagination-full-pages`: every page that has a page after it holds as many
 * items as the largest such page (the page size the server used), and a page reached through a
 * next link is not empty (a next link on the last page leads nowhere).
 */
export function paginationFullPagesWalk(options: PaginationRequestOptions = {}): SequenceCheck {
  return cachedSequenceCheck({
    id: ID,
    description: 'Every page of a walk but the last holds a full page of items.',
    clause: 'Pagination profile of the operation (pages before the last are full)',
    verify(exchanges, walks) {
      const out: Violation[] = [];
      for (const walk of readWalks(walks, options)) {
        walk.pages.forEach((page, index) => {
          if (index === 0 || page.items!.length > 0) return;
          const said = nextPageStep(walk.pages[index - 1]!.exchange, options)?.because;
          if (said === 'guess') return;
          out.push(
            violation(ID, {
              message: `page ${index} of the walk ${said === 'link' ? 'links a next page' : `says more items follow (${said})`}, but page ${index + 1} is empty`,
              pointer: pointerOf(page.exchange.operation.list?.itemsPath),
              keyword: 'empty-page',
              expected: 'at least one item',
              actual: 0,
              fingerprint: fingerprint(ID, page.exchange.operation.id, 'empty'),
              at: exchanges.indexOf(page.exchange),
            }),
          );
        });
        const size = walkPageSize(walk, options);
        if (size === undefined) continue;
        walk.pages.forEach((page, index) => {
          const n = page.items!.length;
          const step = nextPageStep(page.exchange, options);
          // A guessed next page is Assay's question, not the server's claim that more follow.
          if (n >= size || step === undefined || step.because === 'guess') return;
          out.push(
            violation(ID, {
              message: `page ${index + 1} of the walk is not the last but holds ${n} items of ${size}`,
              pointer: pointerOf(page.exchange.operation.list?.itemsPath),
              keyword: 'full-page',
              expected: size,
              actual: n,
              fingerprint: fingerprint(ID, page.exchange.operation.id, 'walk'),
              at: exchanges.indexOf(page.exchange),
            }),
          );
        });
      }
      return out;
    },
  });
}
