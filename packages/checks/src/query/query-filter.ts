import { joinPointer } from '@assay/json-schema';
import type { Check, Violation } from '@assay/model';
import { capPerFingerprint, MAX_PER_FINGERPRINT } from '../_internals/cap-per-fingerprint.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { listItems } from '../_internals/list-items.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { filterMatcher } from '../_internals/query/filter-oracle.js';
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
      // One fingerprint per filter, so at most MAX_PER_FINGERPRINT violations of it are reported:
      // stop judging items once that many broke it (a server ignoring the filter breaks it on most).
      const matches = filterMatcher(filter, values);
      let found = 0;
      let print = '';
      let asked = '';
      for (let index = 0; index < items.length && found < MAX_PER_FINGERPRINT; index++) {
        const item = items[index];
        if (matches(item) !== false) continue;
        if (found === 0) {
          print = fingerprint(ID, exchange.operation.id, filter.param);
          asked = `${filter.param}=${values.join(',')} (${filter.kind})`;
        }
        found += 1;
        out.push(
          violation(ID, {
            message: `item ${index} does not match ${asked}`,
            pointer: joinPointer(base, index, filter.property),
            keyword: filter.kind === 'text' ? 'filter-contains' : 'filter-equals',
            expected: values.length === 1 ? values[0] : values,
            actual: (item as Record<string, unknown>)[filter.property],
            fingerprint: print,
          }),
        );
      }
    }
    // Two filters on one parameter share a fingerprint: the cap holds across them too.
    return capPerFingerprint(out);
  },
};
