/**
 * A path key split at `?`: the path, and the query's fixed `name=value` pairs (templated ones such
 * as `q={q}` left out); undefined when the key has no query.
 */
export function splitPathKey(key: string): [string, Array<[string, string]> | undefined] {
  const at = key.indexOf('?');
  if (at === -1) return [key, undefined];
  const fixed: Array<[string, string]> = [];
  for (const pair of key.slice(at + 1).split(/[&?]/)) {
    const eq = pair.indexOf('=');
    const name = eq === -1 ? pair : pair.slice(0, eq);
    const value = eq === -1 ? '' : pair.slice(eq + 1);
    if (name === '' || eq === -1 || /[{}]/.test(pair)) continue;
    try {
      fixed.push([decodeURIComponent(name), decodeURIComponent(value)]);
    } catch {
      fixed.push([name, value]);
    }
  }
  return [key.slice(0, at) || '/', fixed];
}
