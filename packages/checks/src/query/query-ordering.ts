import { joinPointer } from '@assay/json-schema';
import type { Check } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { listItems } from '../_internals/list-items.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { judgedOrdering } from '../_internals/query/judged-ordering.js';
import { orderingVerdict } from '../_internals/query/ordering-oracle.js';
import { queryParam } from '../_internals/query-string.js';
import { violation } from '../_internals/violation.js';

const ID = 'query-ordering';

/**
 * The items are sorted by the requested ordering (`name`, `-created`, `name,-pk`). Any common
 * database collation is accepted (binary, case-insensitive, locale, numeric), with nulls first or
 * last; only a sequence sorted under none of them is reported. Nothing is said when a field is
 * not one of the ordering fields the parameter's enum documents (servers drop others: fields guessed
 * from the items are judged over the sequence by `queryOrderingInferred`), is missing from an item,
 * or mixes types.
 */
export const queryOrdering: Check = {
  id: ID,
  description: 'The items are sorted by the requested ordering fields and directions.',
  clause: 'Query semantics: the ordering parameter sorts items by the named fields, "-" for descending',
  verify(exchange) {
    const ordering = exchange.operation.list?.ordering;
    if (ordering === undefined) return [];
    const value = queryParam(exchange.request.query, ordering.param);
    if (value === undefined) return [];
    const keys = judgedOrdering(exchange.operation, value);
    if (keys === undefined) return [];
    const items = listItems(exchange);
    if (items === undefined) return [];
    const verdict = orderingVerdict(items, keys);
    if (verdict.sorted !== false) return [];
    return [
      violation(ID, {
        message: `items ${verdict.index - 1} and ${verdict.index} are out of order for ${ordering.param}=${value} under every common collation`,
        pointer: joinPointer(pointerOf(exchange.operation.list?.itemsPath), verdict.index, verdict.field),
        keyword: 'ordering',
        expected: `${verdict.field} ${value.includes(`-${verdict.field}`) ? '<=' : '>='} ${JSON.stringify(verdict.previous)}`,
        actual: verdict.value,
        fingerprint: fingerprint(ID, exchange.operation.id, value),
      }),
    ];
  },
};
