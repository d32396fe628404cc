/** Folds text for loose matching: compatibility-decomposed, without diacritics, lower-case. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
