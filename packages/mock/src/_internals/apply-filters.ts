import type { QueryFilter } from '@assay/model';

/**
 * Keeps the items whose property equals the filter value, for every filter given. An array
 * property matches when it contains the value; an array value (a multi-valued filter) matches any
 * of its elements. Values are compared as text so that `5` and `"5"` agree, as they do on the wire.
 */
export function applyFilters(
  items: readonly Record<string, unknown>[],
  filters: readonly QueryFilter[],
  values: ReadonlyMap<string, unknown>,
): Record<string, unknown>[] {
  const active = filters.filter((f) => values.has(f.param));
  if (active.length === 0) return [...items];
  return items.filter((item) =>
    active.every((filter) => {
      const wanted = values.get(filter.param);
      const options = Array.isArray(wanted) ? wanted : [wanted];
      const actual = item[filter.property];
      const candidates = Array.isArray(actual) ? actual : [actual];
      return candidates.some((c) => options.some((o) => sameScalar(c, o)));
    }),
  );
}

function sameScalar(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false;
  if (typeof a === 'object' || typeof b === 'object') return false;
  return String(a) === String(b);
}
