import type { HttpRequest, Pagination, SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { itemId } from '../_internals/item-identity.js';
import { sizeParamOf, toFirstPage } from '../_internals/pagination/first-page-query.js';
import { readWalks, type WalkView } from '../_internals/pagination/read-walks.js';
import { withQueryParams } from '../_internals/query-string.js';
import { violation } from '../_internals/violation.js';
import type { PaginationRequestOptions } from './next-page-request.js';
import { requestKey } from './request-key.js';

const ID = 'pagination-page-size-invariance';

/**
 * Metamorphic: complete walks of the same query with different page sizes (see
 * `pageSizeVariantRequest`) see the same set of items, by identifier; without an identifier, the
 * same number of items.
 */
export function paginationPageSizeInvariance(options: PaginationRequestOptions = {}): SequenceCheck {
  return cachedSequenceCheck({
    id: ID,
    description: 'The same query walked with another page size yields the same set of items.',
    clause: 'Pagination profile of the operation (the page size only splits the result set)',
    verify(_exchanges, walks) {
      const groups = new Map<string, WalkView[]>();
      for (const walk of readWalks(walks, options)) {
        if (!walk.complete || !walk.fromFirst || walk.pages.length === 0) continue;
        const first = walk.exchanges[0]!;
        const p = first.operation.list?.pagination;
        if (p === undefined) continue;
        const key = baseKey(first.request, p);
        groups.set(key, [...(groups.get(key) ?? []), walk]);
      }
      const out: Violation[] = [];
      for (const walks of groups.values()) {
        const reference = walks[0]!;
        for (const other of walks.slice(1)) {
          const violationFound = compare(reference, other);
          if (violationFound !== undefined) {
            out.push(violationFound);
            break;
          }
        }
      }
      return out;
    },
  });
}

function baseKey(request: HttpRequest, p: Pagination): string {
  const first = toFirstPage(request, p);
  const param = sizeParamOf(p);
  const query = param === undefined ? first.query : withQueryParams(first.query, { [param]: undefined });
  const { range: _range, ...headers } = first.headers;
  return requestKey({ ...request, query, headers });
}

function describeSize(walk: WalkView): string {
  const request = walk.exchanges[0]!.request;
  const p = walk.exchanges[0]!.operation.list!.pagination!;
  const param = sizeParamOf(p);
  const range = request.headers.range;
  if (range !== undefined) return `Range ${range}`;
  const value = param === undefined ? undefined : new URLSearchParams(request.query).get(param);
  return value === null || value === undefined ? 'the default page size' : `${param}=${value}`;
}

function compare(a: WalkView, b: WalkView): Violation | undefined {
  const operation = a.exchanges[0]!.operation;
  const identifier = operation.list?.identifier;
  const itemsA = a.pages.flatMap((page) => page.items!);
  const itemsB = b.pages.flatMap((page) => page.items!);
  const idsA = itemsA.map((item) => itemId(item, identifier));
  const idsB = itemsB.map((item) => itemId(item, identifier));
  if (identifier !== undefined && !idsA.includes(undefined) && !idsB.includes(undefined)) {
    const setA = new Set(idsA as string[]);
    const setB = new Set(idsB as string[]);
    const onlyA = [...setA].filter((id) => !setB.has(id));
    const onlyB = [...setB].filter((id) => !setA.has(id));
    if (onlyA.length === 0 && onlyB.length === 0) return undefined;
    return violation(ID, {
      message: `walking with ${describeSize(a)} and with ${describeSize(b)} gives different items: ${onlyA.length} only in the first, ${onlyB.length} only in the second`,
      pointer: '',
      keyword: 'same-items',
      expected: onlyA.map((id) => id.slice(2)),
      actual: onlyB.map((id) => id.slice(2)),
      fingerprint: fingerprint(ID, operation.id),
    });
  }
  if (itemsA.length === itemsB.length) return undefined;
  return violation(ID, {
    message: `walking with ${describeSize(a)} sees ${itemsA.length} items, with ${describeSize(b)} ${itemsB.length}`,
    pointer: '',
    keyword: 'same-count',
    expected: itemsA.length,
    actual: itemsB.length,
    fingerprint: fingerprint(ID, operation.id),
  });
}
