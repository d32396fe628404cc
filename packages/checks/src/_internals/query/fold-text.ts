// NFKD leaves every ASCII character as it is, and no ASCII character is a combining mark.
const ASCII = /^[\x00-\x7f]*$/;

/** Folds text for loose matching: compatibility-decomposed, without diacritics, lower-case. */
export function foldText(text: string): string {
  // Most item text is ASCII: folding it is lower-casing it, without the normaliser and the
  // Unicode-property scan (each call folded every string of every item of every searched page).
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
