import type { OrderingSyntax } from '@assay/model';

/** One sort key of an ordering parameter: `-created` is `{ field: 'created', descending: true }`. */
export interface OrderingKey {
  field: string;
  descending: boolean;
}

/**
 * Reads an ordering value in the list's syntax (`name`, `-name`, `name,-pk` by default; `name,desc`,
 * `name:DESC`, `name desc` for the others, see `OrderingSyntax`). Fields outside `allowed` are
 * dropped, as Django REST Framework's OrderingFilter does.
 */
export function parseOrdering(
  value: string,
  allowed: ReadonlySet<string>,
  syntax: OrderingSyntax = 'minus',
): OrderingKey[] {
  const keys: OrderingKey[] = [];
  const add = (field: string, descending: boolean) => {
    if (field !== '' && allowed.has(field)) keys.push({ field, descending });
  };
  if (syntax === 'comma') {
    const [field = '', direction = 'asc'] = value.split(',').map((part) => part.trim());
    add(field, direction.toLowerCase() === 'desc');
    return keys;
  }
  if (syntax === 'field-only') {
    add(value.trim(), false);
    return keys;
  }
  for (const part of value.split(',')) {
    const trimmed = part.trim();
    if (syntax === 'minus') {
      const descending = trimmed.startsWith('-');
      add(descending ? trimmed.slice(1) : trimmed, descending);
      continue;
    }
    const [field = '', direction = 'asc'] = trimmed.split(syntax === 'colon' ? ':' : /\s+/);
    add(field, direction.toLowerCase() === 'desc');
  }
  return keys;
}

/**
 * Sorts a copy of the items by the keys; ties keep their previous order. Numbers compare as
 * numbers, booleans false before true, strings by UTF-16 code units; a missing or null value sorts
 * after every value ascending and before every value descending (PostgreSQL's default). Arrays
 * and objects do not order.
 */
export function applyOrdering(
  items: readonly Record<string, unknown>[],
  keys: readonly OrderingKey[],
): Record<string, unknown>[] {
  if (keys.length === 0) return [...items];
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      for (const key of keys) {
        const order = compareValues(a.item[key.field], b.item[key.field]);
        if (order !== 0) return key.descending ? -order : order;
      }
      return a.index - b.index;
    })
    .map((entry) => entry.item);
}

/** The comparison the mock sorts by, exported so that tests can state the law. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return 0;
}

function rank(value: unknown): number {
  if (value === null || value === undefined) return 9;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  return 4;
}
