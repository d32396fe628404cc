import { foldText } from './fold-text.js';

/**
 * Splits a search parameter into terms the way DRF's SearchFilter does: on whitespace and commas,
 * keeping double-quoted phrases together.
 */
export function searchTerms(value: string): string[] {
  const terms: string[] = [];
  for (const match of value.matchAll(/"([^"]*)"|([^\s,"]+)/g)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (term !== '') terms.push(foldText(term));
  }
  return terms;
}

/**
 * The folded text of every string (and number) anywhere in an item, nested objects and arrays
 * included: a server may search related fields it serialises nested.
 */
export function searchableTexts(item: unknown, out: string[] = []): string[] {
  if (typeof item === 'string') out.push(foldText(item));
  else if (typeof item === 'number') out.push(String(item));
  else if (Array.isArray(item)) for (const element of item) searchableTexts(element, out);
  else if (item !== null && typeof item === 'object')
    for (const value of Object.values(item)) searchableTexts(value, out);
  return out;
}

/** The first search term an item does not contain anywhere, or `undefined` when it contains them all. */
export function missingSearchTerm(item: unknown, terms: readonly string[]): string | undefined {
  const texts = searchableTexts(item);
  return terms.find((term) => !texts.some((text) => text.includes(term)));
}
