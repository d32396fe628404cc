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
  return missingIn(searchableTexts(item), terms);
}

/** {@link missingSearchTerm} over an item's {@link searchableTexts}. */
export function missingIn(texts: readonly string[], terms: readonly string[]): string | undefined {
  for (const term of terms) {
    let found = false;
    for (const text of texts) {
      if (text.includes(term)) {
        found = true;
        break;
      }
    }
    if (!found) return term;
  }
  return undefined;
}

// The items of a body the server sent again are the very same parsed objects (see `parsedBody`):
// the folded texts of the last few such item lists are kept, so a repeated page is folded once,
// not once per search. Keyed by the items array's identity; nothing reading it writes to it.
const recentTexts: Array<{ items: readonly unknown[]; texts: string[][] }> = [];

/**
 * The {@link searchableTexts} of each item of a list; kept (for a few lists) when `keep` says the
 * list belongs to a parse that is itself kept for a repeated body.
 */
export function itemTexts(items: readonly unknown[], keep: boolean): string[][] {
  for (const entry of recentTexts) if (entry.items === items) return entry.texts;
  const texts = items.map((item) => searchableTexts(item));
  if (keep) {
    recentTexts.unshift({ items, texts });
    if (recentTexts.length > 4) recentTexts.pop();
  }
  return texts;
}
