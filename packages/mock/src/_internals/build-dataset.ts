import type { JsonSchema, ListSemantics, Operation } from '@assay/model';
import type { BodyFactory } from './body-factory.js';
import { hashSeed } from './hash-seed.js';
import type { MockContext } from './mock-context.js';
import { objectProperties } from './object-properties.js';
import { resolveSchema } from './resolve-schema.js';
import { responseMedia, successResponse } from './response-choice.js';
import { schemaAtPath } from './schema-at-path.js';
import { schemaTypes } from './schema-types.js';
import { type SeededRandom, seededRandom } from './seeded-random.js';

/** The items a list operation serves. */
export interface Dataset {
  /** In their default order. */
  items: Record<string, unknown>[];
  /**
   * Archived copies of some items, with their own identifiers: hidden from every answer unless the
   * `filter-leaks-hidden-items` fault is on.
   */
  hidden: Record<string, unknown>[];
}

/** How many distinct values a foreign-key-like property takes, so that filters on it match items. */
const POOL_SIZE = 3;

/**
 * Generates the items of a list operation from its item schema, deterministically for the mock's
 * seed. Identifiers are made unique, and uuid properties other than the identifier (foreign keys
 * such as `password_stage`), as well as other equality-filtered properties, are drawn from small
 * pools so that filtering on a value seen in one item finds others. An item that the adjustments
 * would make invalid is kept as generated.
 */
export function buildDataset(
  ctx: MockContext,
  factory: BodyFactory,
  operation: Operation,
  list: ListSemantics,
  withHidden: boolean,
): Dataset {
  let generated: unknown[];
  try {
    generated = factory.generate(list.itemSchema, `${operation.id} items`, ctx.items);
  } catch {
    // No item can be generated for this schema: the list is served, empty.
    return { items: [], hidden: [] };
  }
  const properties = objectProperties(list.itemSchema, ctx.defs);
  const random = seededRandom(hashSeed(ctx.seed, operation.id, 'dataset'));
  const items = generated.map((value) => (isObject(value) ? { ...value } : {}));
  const unique = uniqueItems(ctx, operation, list);
  if (!generated.every(isObject)) {
    const values = generated as Record<string, unknown>[];
    return { items: unique ? distinct(values) : values, hidden: [] };
  }

  const identifier = list.identifier;
  if (identifier !== undefined && properties.has(identifier)) {
    assignUnique(ctx, factory, operation, items, identifier, properties.get(identifier), random, 1);
  }

  const equalityFilters = new Set(list.filters.filter((f) => f.kind === 'equality').map((f) => f.property));
  for (const [name, schema] of properties) {
    if (name === identifier) continue;
    const resolved = resolveSchema(schema, ctx.defs);
    const types = schemaTypes(schema, ctx.defs);
    if (types.has('string') && resolved.format === 'uuid') {
      const pool = uuidPool(ctx.seed, name);
      for (const item of items) if (typeof item[name] === 'string') item[name] = pool[random.int(POOL_SIZE)];
    } else if (types.has('array') && resolveSchema(resolved.items, ctx.defs).format === 'uuid') {
      const pool = uuidPool(ctx.seed, name);
      for (const item of items) {
        const value = item[name];
        if (Array.isArray(value)) {
          const picked = value.map(() => pool[random.int(POOL_SIZE)]);
          item[name] = resolved.uniqueItems === true ? [...new Set(picked)] : picked;
        }
      }
    } else if (equalityFilters.has(name) && !types.has('boolean') && resolved.enum === undefined) {
      const pool = [...new Set(items.map((item) => item[name]).filter((v) => v !== undefined && v !== null))]
        .filter((v) => typeof v !== 'object')
        .slice(0, POOL_SIZE);
      if (pool.length > 0) {
        for (const item of items)
          if (item[name] !== undefined && item[name] !== null) item[name] = pool[random.int(pool.length)];
      }
    }
  }

  const adjusted = items.map((item, i) =>
    ctx.validator.isValid(list.itemSchema, item) ? item : (generated[i] as Record<string, unknown>),
  );
  const checked = unique ? distinct(adjusted) : adjusted;

  const hidden: Record<string, unknown>[] = [];
  if (withHidden && checked.length > 0) {
    for (let i = 0; i < checked.length; i += 5) hidden.push({ ...(checked[i] as Record<string, unknown>) });
    if (identifier !== undefined && properties.has(identifier)) {
      assignUnique(
        ctx,
        factory,
        operation,
        hidden,
        identifier,
        properties.get(identifier),
        random,
        checked.length + 1,
        checked,
      );
    }
  }
  return { items: checked, hidden };
}

/** Whether the documented items array says `uniqueItems` (Slack's channel lists): pages are slices of the list. */
function uniqueItems(ctx: MockContext, operation: Operation, list: ListSemantics): boolean {
  const media = responseMedia(successResponse(operation).spec);
  const array =
    list.itemsPath.length === 0 ? media?.schema : schemaAtPath(media?.schema, list.itemsPath, ctx.defs);
  return resolveSchema(array, ctx.defs).uniqueItems === true;
}

/** The items without repeats (equal as JSON values), first occurrence kept. */
function distinct<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = canonical(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** JSON with object keys sorted: equal values (as uniqueItems compares them) give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Gives every item a distinct identifier, also distinct from those of `taken`. */
function assignUnique(
  ctx: MockContext,
  factory: BodyFactory,
  operation: Operation,
  items: Record<string, unknown>[],
  identifier: string,
  schema: JsonSchema | undefined,
  random: SeededRandom,
  firstNumber: number,
  taken: readonly Record<string, unknown>[] = [],
): void {
  const resolved = resolveSchema(schema, ctx.defs);
  const types = schemaTypes(schema, ctx.defs);
  if (types.has('string') && resolved.format === 'uuid') {
    for (const item of items) item[identifier] = uuid(random);
    return;
  }
  if ((types.has('integer') || types.has('number')) && resolved.enum === undefined) {
    const low = Math.max(
      typeof resolved.minimum === 'number' ? Math.ceil(resolved.minimum) : 1,
      typeof resolved.exclusiveMinimum === 'number' ? Math.floor(resolved.exclusiveMinimum) + 1 : 1,
      firstNumber,
    );
    const high = typeof resolved.maximum === 'number' ? resolved.maximum : Number.MAX_SAFE_INTEGER;
    if (low + items.length - 1 <= high) {
      items.forEach((item, i) => {
        item[identifier] = low + i;
      });
      return;
    }
  }
  const seen = new Set(taken.map((item) => JSON.stringify(item[identifier])));
  let spare: unknown[] = [];
  items.forEach((item, i) => {
    const key = JSON.stringify(item[identifier]);
    if (item[identifier] !== undefined && !seen.has(key)) {
      seen.add(key);
      return;
    }
    if (spare.length === 0) {
      try {
        spare = factory.generate(schema ?? {}, `${operation.id} ${identifier} ${firstNumber} ${i}`, 50);
      } catch {
        spare = [];
      }
    }
    while (spare.length > 0) {
      const candidate = spare.shift();
      const candidateKey = JSON.stringify(candidate);
      if (!seen.has(candidateKey)) {
        seen.add(candidateKey);
        item[identifier] = candidate;
        return;
      }
    }
  });
}

/** The same pool for the same property name across operations, so that foreign keys line up. */
function uuidPool(seed: number, property: string): string[] {
  const random = seededRandom(hashSeed(seed, 'pool', property));
  return Array.from({ length: POOL_SIZE }, () => uuid(random));
}

function uuid(random: SeededRandom): string {
  const hex = Array.from({ length: 32 }, () => random.int(16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[random.int(4)] ?? '8';
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
