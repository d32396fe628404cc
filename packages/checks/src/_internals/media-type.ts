/** A media type split into lower-case type and subtype, parameters dropped. */
export interface MediaTypeParts {
  type: string;
  subtype: string;
}

const memo = new Map<string, MediaTypeParts | undefined>();

/** Parses `type/subtype; params` (RFC 9110 §8.3.1); `undefined` when it is not one. */
export function parseMediaType(value: string): MediaTypeParts | undefined {
  // A run sees a handful of distinct media types, read by several checks per response.
  if (memo.has(value)) return memo.get(value);
  const parts = parse(value);
  if (memo.size < 256) memo.set(value, parts);
  return parts;
}

function parse(value: string): MediaTypeParts | undefined {
  const essence = value.split(';', 1)[0]!.trim().toLowerCase();
  const match = /^([a-z0-9!#$%&'*+.^_`|~-]+)\/([a-z0-9!#$%&'*+.^_`|~-]+)$/.exec(essence);
  if (match === null) return undefined;
  return { type: match[1]!, subtype: match[2]! };
}

/**
 * Whether a documented media type (possibly a range: `*\/*`, `application/*`) covers an actual one.
 * Ranges follow OpenAPI 3.1 §4.8.14: the more specific key wins, but any matching key documents it.
 */
export function mediaTypeCovers(documented: string, actual: MediaTypeParts): boolean {
  const doc = parseMediaType(documented);
  if (doc === undefined) return false;
  if (doc.type === '*') return true;
  if (doc.type !== actual.type) return false;
  return doc.subtype === '*' || doc.subtype === actual.subtype;
}

/** JSON by RFC 8259 or by the structured-syntax suffix `+json` (RFC 6839). */
export function isJsonMediaType(parts: MediaTypeParts): boolean {
  return (parts.type === 'application' && parts.subtype === 'json') || parts.subtype.endsWith('+json');
}

/** The documented media-type key that best covers an actual type: exact first, then `type/*`, then `*\/*`. */
export function bestMediaTypeKey(keys: readonly string[], actual: MediaTypeParts): string | undefined {
  let best: string | undefined;
  let bestRank = -1;
  for (const key of keys) {
    if (!mediaTypeCovers(key, actual)) continue;
    const doc = parseMediaType(key)!;
    const rank = doc.type === '*' ? 0 : doc.subtype === '*' ? 1 : 2;
    if (rank > bestRank) {
      best = key;
      bestRank = rank;
    }
  }
  return best;
}
