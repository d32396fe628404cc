/** One decoded `name=value` pair of a query string, in order. */
export type QueryPair = [name: string, value: string];

function decode(text: string): string {
  // Most names and values carry no escapes: skip the regex and the decoder for them.
  if (text.indexOf('%') < 0 && text.indexOf('+') < 0) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

let lastQuery: string | undefined;
let lastPairs: QueryPair[] = [];

/**
 * Splits a percent-encoded query string (no leading `?`) into decoded pairs, in order. The last
 * result is kept: every check of an exchange reads the same query. Callers must not mutate it.
 */
export function parseQuery(query: string): readonly QueryPair[] {
  if (query === lastQuery) return lastPairs;
  const out: QueryPair[] = [];
  for (const part of query.replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    out.push(eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
  }
  lastQuery = query;
  lastPairs = out;
  return out;
}

/** The first value of a parameter, decoded. */
export function queryParam(query: string, name: string): string | undefined {
  for (const [key, value] of parseQuery(query)) if (key === name) return value;
  return undefined;
}

/** Every value of a parameter, decoded (for `a=1&a=2`). */
export function queryParams(query: string, name: string): string[] {
  return parseQuery(query)
    .filter(([key]) => key === name)
    .map(([, value]) => value);
}

/**
 * Sets parameters (replacing every occurrence; `undefined` removes) and keeps the others as they
 * were, in order. New parameters go at the end.
 */
export function withQueryParams(query: string, updates: Record<string, string | number | undefined>): string {
  const parts = query === '' ? [] : query.replace(/^\?/, '').split('&');
  const kept: string[] = [];
  const done = new Set<string>();
  for (const part of parts) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    if (!Object.hasOwn(updates, name)) {
      kept.push(part);
      continue;
    }
    if (done.has(name)) continue;
    done.add(name);
    const value = updates[name];
    if (value !== undefined) kept.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  }
  for (const [name, value] of Object.entries(updates)) {
    if (done.has(name) || value === undefined) continue;
    kept.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  }
  return kept.join('&');
}

/** A query string with its pairs sorted: two requests asking the same thing compare equal. */
export function canonicalQuery(query: string): string {
  return parseQuery(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&');
}

/** Parses a decimal integer parameter value; `undefined` when it is not one. */
export function intParam(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?[0-9]+$/.test(value.trim())) return undefined;
  const n = Number(value.trim());
  return Number.isSafeInteger(n) ? n : undefined;
}
