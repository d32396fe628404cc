import { joinPointer } from '@assay/json-schema';
import type { SequenceCheck, Violation } from '@assay/model';
import { cachedSequenceCheck } from '../_internals/cached-sequence-check.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { listItems } from '../_internals/list-items.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { honouredOrderingFields, orderedPages } from '../_internals/query/honoured-ordering-fields.js';
import { documentsOrderingFields, judgedOrdering } from '../_internals/query/judged-ordering.js';
import { orderingVerdict } from '../_internals/query/ordering-oracle.js';
import { queryParam } from '../_internals/query-string.js';
import { violation } from '../_internals/violation.js';

const ID = 'query-ordering';

/**
 * `query-ordering` for an ordering parameter without an enum, whose fields the loader guessed from
 * the item schema. A guessed field may simply not be sortable on the server (DRF's OrderingFilter
 * ignores it), so a page unsorted by it proves nothing alone. Judged over the operation's exchanges:
 * - a field the server was seen to honour (sorted both ways somewhere) must sort every page
 *   ordered by it: an error;
 * - when every field tried, in both directions, left the order unsorted, the parameter itself looks
 *   ignored: a warning, since the document names no field the server must sort by.
 */
export const queryOrderingInferred: SequenceCheck = cachedSequenceCheck({
  id: ID,
  description:
    'The items are sorted by the requested ordering, for ordering fields the server was seen to honour.',
  clause: 'Query semantics: the ordering parameter sorts items by the named fields, "-" for descending',
  verify(exchanges) {
    const operation = exchanges[0]?.operation;
    const ordering = operation?.list?.ordering;
    if (operation === undefined || ordering === undefined || documentsOrderingFields(operation)) return [];
    const out: Violation[] = [];
    const honoured = honouredOrderingFields(exchanges);
    const reported = new Set<string>();
    for (const exchange of exchanges) {
      const value = queryParam(exchange.request.query, ordering.param);
      if (value === undefined) continue;
      const keys = judgedOrdering(operation, value, honoured);
      const items = keys === undefined ? undefined : listItems(exchange);
      if (keys === undefined || items === undefined) continue;
      const verdict = orderingVerdict(items, keys);
      const print = fingerprint(ID, operation.id, value);
      if (verdict.sorted !== false || reported.has(print)) continue;
      reported.add(print);
      out.push(
        violation(ID, {
          message: `items ${verdict.index - 1} and ${verdict.index} are out of order for ${ordering.param}=${value} under every common collation, though the server sorts by ${verdict.field} elsewhere`,
          pointer: joinPointer(pointerOf(operation.list?.itemsPath), verdict.index, verdict.field),
          keyword: 'ordering',
          expected: `${verdict.field} ${value.includes(`-${verdict.field}`) ? '<=' : '>='} ${JSON.stringify(verdict.previous)}`,
          actual: verdict.value,
          fingerprint: print,
        }),
      );
    }
    const pages = orderedPages(exchanges).filter((page) => ordering.fields.includes(page.field));
    const tried = [...new Set(pages.map((page) => page.field))].filter(
      (field) =>
        pages.some((p) => p.field === field && p.descending) &&
        pages.some((p) => p.field === field && !p.descending),
    );
    const unsorted = pages.find((page) => !page.sorted && tried.includes(page.field));
    if (honoured.size === 0 && unsorted !== undefined) {
      const value = queryParam(unsorted.exchange.request.query, ordering.param) ?? '';
      out.push(
        violation(ID, {
          message: `${ordering.param} looks ignored: no field tried (${tried.join(', ')}) sorted the items in both directions, e.g. ${ordering.param}=${value}; the document lists no ordering fields, so this presumes the item properties tried are sortable`,
          pointer: pointerOf(operation.list?.itemsPath),
          keyword: 'ordering',
          expected: `items sorted by one of ${tried.join(', ')}`,
          actual: `unsorted for ${ordering.param}=${value}`,
          fingerprint: fingerprint(ID, operation.id, 'ignored'),
          severity: 'warning',
        }),
      );
    }
    return out;
  },
});
