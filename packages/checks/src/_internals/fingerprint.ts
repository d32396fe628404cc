/**
 * Replaces array indices in a JSON pointer with `*`: the 3rd and the 7th item breaking the same
 * rule are the same bug.
 */
export function generalizePointer(pointer: string): string {
  return pointer.replace(/\/(0|[1-9][0-9]*)(?=\/|$)/g, '/*');
}

/** Joins the parts that identify one bug into a fingerprint. */
export function fingerprint(...parts: (string | number | undefined)[]): string {
  return parts.map((p) => (p === undefined ? '' : String(p))).join('|');
}
