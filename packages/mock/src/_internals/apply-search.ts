// The lower-cased top-level strings of each item searched, kept per item object: dataset items live
// as long as the mock, and every search lower-cased every string of every item again.
const lowered = new WeakMap<object, string[]>();

function loweredStrings(item: unknown): string[] {
  // Items of a list of strings, numbers … (an array whose item schema is not an object): a string
  // item is searched as itself, any other has no string to hold the term. Only objects are keys of
  // the cache (a primitive is no WeakMap key).
  if (typeof item === 'string') return [item.toLowerCase()];
  if (item === null || typeof item !== 'object') return [];
  let strings = lowered.get(item);
  if (strings === undefined) {
    strings = [];
    for (const value of Object.values(item)) if (typeof value === 'string') strings.push(value.toLowerCase());
    lowered.set(item, strings);
  }
  return strings;
}

/**
 * Keeps the items where the term occurs, ignoring case, in at least one top-level string property.
 * The term is matched whole (not split into words), so every item returned visibly contains it.
 * An empty term searches for nothing and keeps everything.
 */
export function applySearch(
  items: readonly Record<string, unknown>[],
  term: string,
): Record<string, unknown>[] {
  if (term === '') return [...items];
  const needle = term.toLowerCase();
  return items.filter((item) => loweredStrings(item).some((value) => value.includes(needle)));
}
