import type { ListSemantics, Operation } from '@assay/model';
import { applyFilters } from './apply-filters.js';
import { applyOrdering, type OrderingKey, orderable, parseOrdering } from './apply-ordering.js';
import { applySearch } from './apply-search.js';
import type { Dataset } from './build-dataset.js';
import { hashSeed } from './hash-seed.js';
import type { MockContext } from './mock-context.js';
import { formatQuery } from './parse-query.js';
import { seededRandom } from './seeded-random.js';

/** The items a list request selects, in the order it asks for, before any page is cut. */
export interface ListPool {
  pool: readonly Record<string, unknown>[];
  /** The ordering asked for; empty when none was. */
  keys: OrderingKey[];
}

/**
 * Selects a list request's items: filters, then search, then ordering applied to the dataset. The
 * `filter-leaks-hidden-items`, `ignored-filter`, `ignored-search`, `ignored-ordering`,
 * `per-page-ordering` and `unstable-order` faults each bend one of these steps.
 */
export function listPool(
  ctx: MockContext,
  operation: Operation,
  list: ListSemantics,
  dataset: Dataset,
  values: ReadonlyMap<string, unknown>,
  query: Map<string, string[]>,
): ListPool {
  const faults = ctx.faults;
  let pool: readonly Record<string, unknown>[] = dataset.items;
  const filtering = list.filters.some((f) => values.has(f.param));
  if (filtering && faults.has('filter-leaks-hidden-items')) pool = [...pool, ...dataset.hidden];
  if (!faults.has('ignored-filter')) pool = applyFilters(pool, list.filters, values);
  if (list.search !== undefined && !faults.has('ignored-search')) {
    const term = values.get(list.search.param);
    if (typeof term === 'string') pool = applySearch(pool, term);
  }
  const keys = orderingKeys(ctx, operation, list, values);
  if (keys.length > 0) {
    if (!faults.has('ignored-ordering') && !faults.has('per-page-ordering')) pool = applyOrdering(pool, keys);
  } else if (faults.has('unstable-order')) {
    pool = shuffled(pool, hashSeed(ctx.seed, 'unstable-order', formatQuery(query)));
  }
  return { pool, keys };
}

function orderingKeys(
  ctx: MockContext,
  operation: Operation,
  list: ListSemantics,
  values: ReadonlyMap<string, unknown>,
): OrderingKey[] {
  if (list.ordering === undefined) return [];
  const value = values.get(list.ordering.param);
  if (typeof value !== 'string') return [];
  return parseOrdering(value, orderable(ctx, operation, list), list.ordering.syntax);
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
