import type { SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { itemId } from '../_internals/item-identity.js';
import { listItems } from '../_internals/list-items.js';
import { type PageView, readPage } from '../_internals/pagination/page-view.js';
import { readWalks } from '../_internals/pagination/read-walks.js';
import { violation } from '../_internals/violation.js';
import type { PaginationRequestOptions } from '../pagination/next-page-request.js';
import { requestKey } from '../pagination/request-key.js';
import { unfilteredRequest } from './unfiltered-request.js';

const ID = 'query-filter-subset';

/**
 * Metamorphic: a filtered (or searched) result is a subset of the unfiltered one (the request from
 * `unfilteredRequest`): its count is at most the unfiltered count, and, when the unfiltered walk
 * is complete and items have an identifier, each filtered item is among the unfiltered items.
 * Unpaginated lists are compared as one page.
 */
export function queryFilterSubset(options: PaginationRequestOptions = {}): SequenceCheck {
  return cachedSequenceCheck({
    id: ID,
    description: 'A filtered result is a subset of the unfiltered result, and its count is not larger.',
    clause: 'Query semantics: a filter only removes items',
    verify(_exchanges, made) {
      const walks = readWalks(made, options);
      const byKey = new Map(walks.map((walk) => [requestKey(walk.exchanges[0]!.request), walk]));
      const out: Violation[] = [];
      for (const filtered of walks) {
        const head = filtered.exchanges[0]!;
        const unfiltered = unfilteredRequest(head);
        if (unfiltered === undefined) continue;
        const base = byKey.get(requestKey(unfiltered));
        if (base === undefined) continue;
        const operation = head.operation;
        const fCount = countOf(readPage(head));
        const uCount = countOf(readPage(base.exchanges[0]!));
        if (fCount !== undefined && uCount !== undefined && fCount > uCount) {
          out.push(
            violation(ID, {
              message: `the filtered count ${fCount} is larger than the unfiltered count ${uCount}`,
              pointer: '',
              keyword: 'count',
              expected: `<= ${uCount}`,
              actual: fCount,
              fingerprint: fingerprint(ID, operation.id, 'count'),
            }),
          );
        }
        const paginated = operation.list?.pagination !== undefined;
        if (paginated && !base.complete) continue;
        const baseItems = paginated
          ? base.pages.flatMap((page) => page.items!)
          : listItems(base.exchanges[0]!);
        const filteredItems = paginated ? filtered.pages.flatMap((page) => page.items!) : listItems(head);
        if (baseItems === undefined || filteredItems === undefined) continue;
        const identifier = operation.list?.identifier;
        const baseIds = new Set(baseItems.map((item) => itemId(item, identifier)));
        if (identifier === undefined || baseIds.has(undefined)) continue;
        const extra = filteredItems
          .map((item) => itemId(item, identifier))
          .filter((id) => id !== undefined && !baseIds.has(id));
        if (extra.length === 0) continue;
        out.push(
          violation(ID, {
            message: `${extra.length} filtered item(s) are not in the unfiltered result`,
            pointer: '',
            keyword: 'subset',
            expected: 'items of the unfiltered result',
            actual: extra.map((id) => id!.slice(2)),
            fingerprint: fingerprint(ID, operation.id, 'subset'),
          }),
        );
      }
      return out;
    },
  });
}

function countOf(page: PageView | undefined): number | undefined {
  return page?.count;
}
