/**
 * Cursors are opaque tokens carrying an offset (`o:40`, base64url). A cursor the mock did not issue
 * starts from the beginning rather than failing: it is a valid value for the parameter's schema.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

/** The offset a cursor leads to: after the item it names (Stripe), or the offset it carries, else 0. */
export function decodeCursor(
  token: string | number,
  pool: readonly Record<string, unknown>[],
  identifier: string | undefined,
): number {
  // Stripe's starting_after: the identifier of the last item seen.
  if (identifier !== undefined) {
    const at = pool.findIndex((item) => String(item[identifier]) === String(token));
    if (at !== -1) return at + 1;
  }
  const m = /^o:(\d+)$/.exec(Buffer.from(String(token), 'base64url').toString());
  return m === null ? 0 : Number(m[1]);
}
