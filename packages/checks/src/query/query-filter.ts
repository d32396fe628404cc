import type { Check, Violation } from '@assay/model';
import { capPerFingerprint } from '../_internals/cap-per-fingerprint.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { joinPointer } from '../_internals/json-pointer.js';
import { listItems } from '../_internals/list-items.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { filterMatches } from '../_internals/query/filter-oracle.js';
import { queryParams } from '../_internals/query-string.js';
import { violation } from '../_internals/violation.js';

const ID = 'query-filter';

/**
 * Every item of a filtered list matches the filter: equality for boolean, enum, uuid and integer
 * properties; case-insensitive containment for free text (so exact, case-insensitive and
 * containment servers all pass). Items the oracle cannot judge are skipped.
 */
export const queryFilter: Check = {
  id: ID,
  description: 'Every item of a filtered list matches the filter parameter.',
  clause: 'Query semantics: a filter parameter named after an item property selects items by that property',
  verify(exchange) {
    const list = exchange.operation.list;
    if (list === undefined || list.filters.length === 0) return [];
    const items = listItems(exchange);
    if (items === undefined) return [];
    const out: Violation[] = [];
    const base = pointerOf(list.itemsPath);
    for (const filter of list.filters) {
      const values = queryParams(exchange.request.query, filter.param);
      if (values.length === 0) continue;
      items.forEach((item, index) => {
        if (filterMatches(filter, item, values) !== false) return;
        out.push(
          violation(ID, {
            message: `item ${index} does not match ${filter.param}=${values.join(',')} (${filter.kind})`,
            pointer: joinPointer(base, index, filter.property),
            keyword: filter.kind === 'text' ? 'filter-contains' : 'filter-equals',
            expected: values.length === 1 ? values[0] : values,
            actual: (item as Record<string, unknown>)[filter.property],
            fingerprint: fingerprint(ID, exchange.operation.id, filter.param),
          }),
        );
      });
    }
    return capPerFingerprint(out);
  },
};
