import type { Exchange } from '@assay/model';

/**
 * The exchange with the volatile fields removed from its JSON body, so that checks comparing
 * answers across requests (ordering across pages, the identity of items across walks) do not judge
 * fields that change on every call. Pointers are RFC 6901 into the body; a `*` segment matches
 * every index or key. A body that is not JSON, or holds none of the fields, is left as it is.
 * Volatile `headers` (lower-case names) are removed from the response's headers the same way.
 */
export function stripVolatile(
  exchange: Exchange,
  pointers: readonly (readonly string[])[],
  headers: readonly string[] = [],
): Exchange {
  const stripped = withoutHeaders(exchange, headers);
  if (pointers.length === 0) return stripped;
  let body: unknown;
  try {
    body = JSON.parse(stripped.response.body);
  } catch {
    return stripped;
  }
  let removed = false;
  for (const segments of pointers) removed = remove(body, segments, 0) || removed;
  if (!removed) return stripped;
  return { ...stripped, response: { ...stripped.response, body: JSON.stringify(body) } };
}

/** The exchange without the named response headers (names in lower case, as responses keep them). */
function withoutHeaders(exchange: Exchange, names: readonly string[]): Exchange {
  if (!names.some((name) => Object.hasOwn(exchange.response.headers, name))) return exchange;
  const headers = { ...exchange.response.headers };
  for (const name of names) delete headers[name];
  return { ...exchange, response: { ...exchange.response, headers } };
}

/** A pointer as its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function remove(value: unknown, segments: readonly string[], depth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const segment = segments[depth]!;
  const last = depth === segments.length - 1;
  const container = value as Record<string, unknown>;
  const keys = segment === '*' ? Object.keys(container) : Object.hasOwn(container, segment) ? [segment] : [];
  let removed = false;
  for (const key of keys) {
    if (last) {
      if (Array.isArray(container)) continue;
      delete container[key];
      removed = true;
    } else removed = remove(container[key], segments, depth + 1) || removed;
  }
  return removed;
}
