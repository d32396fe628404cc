import type { QueryFilter } from '@assay/model';

/**
 * Keeps the items whose property equals the filter value, for every filter given. An array
 * property matches when it contains the value; an array value (a multi-valued filter) matches any
 * of its elements. Values are compared as text so that `5` and `"5"` agree, as they do on the wire;
 * null and structured values match nothing. With no filter in the request, the items themselves
 * are returned (callers never write to them).
 */
export function applyFilters(
  items: readonly Record<string, unknown>[],
  filters: readonly QueryFilter[],
  values: ReadonlyMap<string, unknown>,
): readonly Record<string, unknown>[] {
  // Each filter's wanted values are read as text once per request, not once per item.
  const active: { property: string; wanted: ReadonlySet<string> }[] = [];
  for (const filter of filters) {
    if (!values.has(filter.param)) continue;
    const value = values.get(filter.param);
    const wanted = new Set<string>();
    for (const option of Array.isArray(value) ? value : [value]) {
      const text = scalarText(option);
      if (text !== undefined) wanted.add(text);
    }
    active.push({ property: filter.property, wanted });
  }
  if (active.length === 0) return items;
  return items.filter((item) =>
    active.every(({ property, wanted }) => {
      const actual = item[property];
      if (!Array.isArray(actual)) return isWanted(actual, wanted);
      return actual.some((element) => isWanted(element, wanted));
    }),
  );
}

function isWanted(value: unknown, wanted: ReadonlySet<string>): boolean {
  const text = scalarText(value);
  return text !== undefined && wanted.has(text);
}

function scalarText(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value === 'object') return undefined;
  return String(value);
}
