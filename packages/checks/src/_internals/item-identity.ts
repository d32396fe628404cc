/** The identifier of an item as a comparable key; `undefined` when the item has none. */
export function itemId(item: unknown, identifier: string | undefined): string | undefined {
  if (identifier === undefined || item === null || typeof item !== 'object' || Array.isArray(item))
    return undefined;
  const value = (item as Record<string, unknown>)[identifier];
  if (typeof value === 'string') return `s:${value}`;
  if (typeof value === 'number') return `n:${value}`;
  return undefined;
}
