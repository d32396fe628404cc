import type { JsonSchema } from '@assay/model';
import { childSchemas, isVolatile } from './volatile-schemas.js';

/** What a volatile value becomes: both sides' ids and timestamps compare equal. */
export const VOLATILE = '<volatile>';

/** How {@link normaliseBody} reads a body. */
export interface NormaliseOptions {
  /** The schemas of the documented response body (either side's: the same operation and status). */
  schemas: readonly JsonSchema[];
  defs: Readonly<Record<string, JsonSchema>>;
  /** Keep array order: the request asked for an ordering. Otherwise arrays compare as multisets. */
  ordered: boolean;
  /** JSON pointers (from the config's `volatile`) whose values are ignored; `*` matches any one token. */
  volatile: readonly string[];
}

/**
 * A JSON body as two implementations may be compared on it: object keys in one order, volatile
 * values (server-made ids and timestamps, `x-assay-volatile`, the config's pointers) replaced by a
 * marker, and, unless the request asked for an ordering, every array sorted by its items' canonical
 * text (a list without an ordering may come in any order, RFC 9110 says nothing of it and neither
 * does the spec).
 */
export function normaliseBody(value: unknown, options: NormaliseOptions): unknown {
  const patterns = options.volatile.map((pointer) => pointer.split('/').slice(1));
  const walk = (node: unknown, schemas: readonly JsonSchema[], path: string[]): unknown => {
    if (path.length > 0 && (isVolatile(schemas, options.defs) || patterns.some((p) => matches(p, path)))) {
      return node === null || node === undefined ? node : VOLATILE;
    }
    if (Array.isArray(node)) {
      const items = node.map((item, index) =>
        walk(item, childSchemas(schemas, String(index), options.defs), [...path, String(index)]),
      );
      if (options.ordered) return items;
      return items
        .map((item) => [canonical(item), item] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, item]) => item);
    }
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(node).sort()) {
        out[key] = walk((node as Record<string, unknown>)[key], childSchemas(schemas, key, options.defs), [
          ...path,
          key,
        ]);
      }
      return out;
    }
    return node;
  };
  return walk(value, options.schemas, []);
}

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every(
    (token, i) => token === '*' || token.replace(/~1/g, '/').replace(/~0/g, '~') === path[i],
  );
}

/** One text per value, with object keys sorted: equal values give equal texts. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, node) =>
    node !== null && typeof node === 'object' && !Array.isArray(node)
      ? Object.fromEntries(
          Object.keys(node)
            .sort()
            .map((k) => [k, (node as Record<string, unknown>)[k]]),
        )
      : node,
  );
}
