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
  return items.filter((item) =>
    Object.values(item).some((value) => typeof value === 'string' && value.toLowerCase().includes(needle)),
  );
}
