import { joinPointer } from '@assay/json-schema';
import type { Check, Violation } from '@assay/model';
import { capPerFingerprint } from '../_internals/cap-per-fingerprint.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { listItems } from '../_internals/list-items.js';
import { pointerOf } from '../_internals/pagination/pointer-of.js';
import { isRemembered, parsedBody } from '../_internals/parsed-body.js';
import { itemTexts, missingIn, searchTerms } from '../_internals/query/search-oracle.js';
import { queryParam } from '../_internals/query-string.js';
import { violation } from '../_internals/violation.js';

const ID = 'query-search';

/**
 * Every item of a searched list contains every search term, case-insensitively and ignoring
 * diacritics, in at least one of its string values (nested ones included). Terms split on
 * whitespace and commas, quoted phrases kept whole, as DRF's SearchFilter does.
 */
export const querySearch: Check = {
  id: ID,
  description: 'Every item of a searched list contains every search term in one of its string properties.',
  clause: 'Query semantics: the search parameter keeps items that contain each term',
  verify(exchange) {
    const search = exchange.operation.list?.search;
    if (search === undefined) return [];
    const value = queryParam(exchange.request.query, search.param);
    if (value === undefined) return [];
    const terms = searchTerms(value);
    if (terms.length === 0) return [];
    const items = listItems(exchange);
    if (items === undefined) return [];
    const out: Violation[] = [];
    const base = pointerOf(exchange.operation.list?.itemsPath);
    const texts = itemTexts(items, isRemembered(parsedBody(exchange.response)));
    let print: string | undefined;
    items.forEach((item, index) => {
      const missing = missingIn(texts[index]!, terms);
      if (missing === undefined) return;
      print ??= fingerprint(ID, exchange.operation.id);
      out.push(
        violation(ID, {
          message: `item ${index} does not contain the search term "${missing}" in any string property`,
          pointer: joinPointer(base, index),
          keyword: 'search',
          expected: missing,
          actual: item,
          fingerprint: print,
        }),
      );
    });
    return capPerFingerprint(out);
  },
};
