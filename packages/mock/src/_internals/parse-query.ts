/**
 * Splits a percent-encoded query string into its values by name, in order (`a=1&a=2` gives
 * `a: ['1', '2']`). `+` is a space, as in HTML forms; a malformed escape is kept as written.
 */
export function parseQuery(query: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (query === '') return out;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    const list = out.get(name);
    if (list === undefined) out.set(name, [value]);
    else list.push(value);
  }
  return out;
}

function decode(text: string): string {
  // Most names and values carry neither escapes nor `+`: nothing to decode.
  if (!text.includes('%') && !text.includes('+')) return text;
  const spaced = text.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Serialises values back into a query string, in the order given. */
export function formatQuery(values: Map<string, string[]>): string {
  const parts: string[] = [];
  for (const [name, list] of values) {
    for (const value of list) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  return parts.join('&');
}
