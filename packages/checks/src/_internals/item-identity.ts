/**
 * The identifier of an item as a comparable key; `undefined` when the item has none. The identifier
 * is a property name, or a dotted path for a nested one (Kubernetes `metadata.name`).
 */
export function itemId(item: unknown, identifier: string | undefined): string | undefined {
  if (identifier === undefined) return undefined;
  let value: unknown = item;
  for (const key of identifier.includes('.') && !hasOwn(item, identifier)
    ? identifier.split('.')
    : [identifier]) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'string') return `s:${value}`;
  if (typeof value === 'number') return `n:${value}`;
  return undefined;
}

/**
 * A whole item as a comparable key, for lists without an identifier: an object with at least two
 * properties (a bare value or a one-field object may repeat legitimately). Keys are sorted, so
 * the same item serialised in another order compares equal.
 */
export function wholeItemKey(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  if (Object.keys(item).length < 2) return undefined;
  return `w:${canonical(item)}`;
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
    .join(',')}}`;
}

function hasOwn(item: unknown, key: string): boolean {
  return item !== null && typeof item === 'object' && Object.hasOwn(item, key);
}
