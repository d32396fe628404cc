import type { Exchange } from '@assay/model';
import { listItems } from '../list-items.js';
import { queryParam } from '../query-string.js';
import { orderingVerdict, parseOrdering } from './ordering-oracle.js';

/** A 2xx list response ordered first by `field`, whose page shows at least two distinct values of it. */
export interface OrderedPage {
  exchange: Exchange;
  field: string;
  descending: boolean;
  items: unknown[];
  sorted: boolean;
}

/**
 * The pages of a sequence, each read by its first ordering key, with enough distinct values of it
 * to tell a sorted page from an unsorted one. Pages whose sortedness is unknown (mixed types,
 * missing fields) are left out.
 */
export function orderedPages(exchanges: readonly Exchange[]): OrderedPage[] {
  const pages: OrderedPage[] = [];
  for (const exchange of exchanges) {
    const ordering = exchange.operation.list?.ordering;
    if (ordering === undefined) continue;
    const value = queryParam(exchange.request.query, ordering.param);
    if (value === undefined) continue;
    // The first key alone: a page sorted by `-name,pk` is sorted by `-name`.
    const key = parseOrdering(value)[0];
    if (key === undefined) continue;
    const items = listItems(exchange);
    if (items === undefined) continue;
    const distinct = new Set(
      items.map((item) =>
        item !== null && typeof item === 'object'
          ? JSON.stringify((item as Record<string, unknown>)[key.field])
          : '',
      ),
    );
    if (distinct.size < 2) continue;
    const verdict = orderingVerdict(items, [key]);
    if (verdict.sorted === 'unknown') continue;
    pages.push({ exchange, field: key.field, descending: key.descending, items, sorted: verdict.sorted });
  }
  return pages;
}

/**
 * The fields a server was seen to sort by: some page ordered by the field ascending is sorted, and
 * some page ordered by it descending is sorted the other way, each with two distinct values at
 * least. A server that ignores the field serves one default order for both, which cannot be sorted
 * both ways, so this is evidence the field is honoured, not a guess.
 */
export function honouredOrderingFields(exchanges: readonly Exchange[]): Set<string> {
  const ascending = new Set<string>();
  const descending = new Set<string>();
  for (const page of orderedPages(exchanges)) {
    if (page.sorted) (page.descending ? descending : ascending).add(page.field);
  }
  return new Set([...ascending].filter((field) => descending.has(field)));
}
