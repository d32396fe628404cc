/** RFC 3986 §2.3 unreserved characters: never percent-encoded. */
const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Percent-encodes a value for a URL component. Unlike encodeURIComponent, `!'()*` are encoded too,
 * so every sub-delimiter that a style uses as a separator is unambiguous on the wire.
 */
export function percentEncode(text: string): string {
  // Most generated values (numbers, identifiers, words) are unreserved characters only, which
  // encode to themselves: skip the two regular-expression passes and the encoder for them.
  if (UNRESERVED.test(text)) return text;
  // A lone surrogate has no UTF-8 form (encodeURIComponent throws); it travels as U+FFFD, as in browsers.
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD')).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const RESERVED_KEPT: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%5B': '[',
  '%5D': ']',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

/**
 * Encoding for `allowReserved: true` query parameters (OpenAPI 3.1 §4.8.12.2): RFC 3986 reserved
 * characters go unencoded, except `&`, `=`, `+` and `#`, which would change how the query splits.
 */
export function percentEncodeAllowReserved(text: string): string {
  return percentEncode(text).replace(
    /%(3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2C|3B)/g,
    (match) => RESERVED_KEPT[match] ?? match,
  );
}

/** Decodes a percent-encoded component; malformed escapes are kept as they are, as lenient servers do. */
export function percentDecode(text: string): string {
  // Most wire text has no escape at all: no need to decode it (nor to pay for a thrown URIError).
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
