import type { Exchange } from '@assay/model';
import { listItems } from '../list-items.js';
import { canonicalQuery, queryParam, withQueryParams } from '../query-string.js';
import { orderingVerdict, parseOrdering } from './ordering-oracle.js';

/** A 2xx list response ordered first by `field`, whose page shows at least two distinct values of it. */
export interface OrderedPage {
  exchange: Exchange;
  field: string;
  descending: boolean;
  items: unknown[];
  sorted: boolean;
  /** Distinct values of the field on the page. */
  distinct: number;
  /** The request's query without the ordering parameter: what else the page was asked for. */
  rest: string;
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
    const key = parseOrdering(value, ordering.syntax)[0];
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
    pages.push({
      exchange,
      field: key.field,
      descending: key.descending,
      items,
      sorted: verdict.sorted,
      distinct: distinct.size,
      rest: `${exchange.request.path}?${canonicalQuery(withQueryParams(exchange.request.query, { [ordering.param]: undefined }))}`,
    });
  }
  return pages;
}

/** Pages with this many distinct values are sorted by chance once in 120 at most (1/5!). */
const UNLIKELY_BY_CHANCE = 5;

/**
 * The fields a server was seen to sort by: a page ordered by the field ascending is sorted, and a
 * page ordered by it descending is sorted the other way, each with two distinct values at least.
 * Either both pages asked for the same thing otherwise (a server ignoring the field serves one
 * order for both, which cannot be sorted both ways), or both show enough distinct values that a
 * default order could not pass for both directions by chance.
 */
export function honouredOrderingFields(exchanges: readonly Exchange[]): Set<string> {
  const sorted = orderedPages(exchanges).filter((page) => page.sorted);
  const honoured = new Set<string>();
  for (const up of sorted) {
    if (up.descending || honoured.has(up.field)) continue;
    const paired = sorted.some(
      (down) =>
        down.descending &&
        down.field === up.field &&
        (down.rest === up.rest || (down.distinct >= UNLIKELY_BY_CHANCE && up.distinct >= UNLIKELY_BY_CHANCE)),
    );
    if (paired) honoured.add(up.field);
  }
  return honoured;
}
