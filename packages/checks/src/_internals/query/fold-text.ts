// NFKD leaves every printable ASCII character as it is, and none is a combining mark. (Anything
// else, control characters included, takes the full path.)
const BEYOND_PRINTABLE_ASCII = /[^ -~]/;

/** Folds text for loose matching: compatibility-decomposed, without diacritics, lower-case. */
export function foldText(text: string): string {
  // Most item text is ASCII: folding it is lower-casing it, without the normaliser and the
  // Unicode-property scan (each call folded every string of every item of every searched page).
  if (!BEYOND_PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
