import type { ListSemantics, Operation, OrderingSyntax } from '@assay/model';
import type { MockContext } from './mock-context.js';
import { objectProperties } from './object-properties.js';
import { resolveSchema } from './resolve-schema.js';
import { schemaTypes } from './schema-types.js';

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
 * The fields a client may order by: the values the ordering parameter's enum lists, when it has
 * one; otherwise every scalar property of the item (booleans, numbers, strings, date-times) as
 * well as the fields the loader found, as an ORM orders by any column it is told.
 */
export function orderable(ctx: MockContext, operation: Operation, list: ListSemantics): Set<string> {
  const ordering = list.ordering;
  if (ordering === undefined) return new Set();
  const param = operation.parameters.find((p) => p.name === ordering.param && p.in === 'query');
  const schema = resolveSchema(param?.schema, ctx.defs);
  const enumerated = schema.enum ?? resolveSchema(schema.items, ctx.defs).enum;
  if (Array.isArray(enumerated) && ordering.fields.length > 0) return new Set(ordering.fields);
  const out = new Set(ordering.fields);
  for (const [name, property] of objectProperties(list.itemSchema, ctx.defs)) {
    const types = schemaTypes(property, ctx.defs);
    if (types.size === 0 || ['boolean', 'number', 'integer', 'string'].some((t) => types.has(t as never)))
      out.add(name);
  }
  return out;
}

/**
 * Sorts a copy of the items by the keys; ties keep their previous order. Numbers compare as
 * numbers, booleans false before true, RFC 3339 date-times by the instant they name (offsets
 * applied), other strings by UTF-16 code units; a missing or null value sorts
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
  if (typeof a === 'string' && typeof b === 'string') {
    if (DATE_TIME.test(a) && DATE_TIME.test(b)) {
      const order = Date.parse(a) - Date.parse(b);
      if (order !== 0 && Number.isFinite(order)) return order;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return 0;
}

/** An RFC 3339 date-time: `2024-05-01T10:00:00+02:00` and `2024-05-01T08:00:00Z` are the same instant. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function rank(value: unknown): number {
  if (value === null || value === undefined) return 9;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  return 4;
}
