const DEFS_PREFIX = '#/$defs/';

/**
 * The `ApiModel.schemas` key a `#/$defs/<key>` reference names, or `undefined` for a reference of
 * another shape. The key is one JSON pointer token in a URI fragment, so it is percent-decoded
 * (RFC 3986 §2.1; a literal `%` that decodes to nothing is kept) and then unescaped (RFC 6901 §4):
 * `#/$defs/a~1b%20c` names `a/b c`. Every reader of the model's references decodes them here.
 */
export function defKeyOfRef(ref: string): string | undefined {
  if (!ref.startsWith(DEFS_PREFIX)) return undefined;
  const token = ref.slice(DEFS_PREFIX.length);
  // A key cannot hold an unescaped `/`: this is a pointer deeper into a definition, not a key.
  if (token.includes('/')) return undefined;
  let decoded = token;
  if (token.includes('%')) {
    try {
      decoded = decodeURIComponent(token);
    } catch {
      // A literal `%` in a key is legal; keep the token as it is.
    }
  }
  if (!decoded.includes('~')) return decoded;
  return decoded.replaceAll('~1', '/').replaceAll('~0', '~');
}
