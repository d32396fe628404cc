import type { JsonSchema, JsonType } from '@assay/model';
import { resolveSchema } from './resolve-schema.js';

/**
 * The JSON types a schema admits, as far as can be told without validating: from `type`, else from
 * `enum`/`const` values, else from the branches of `anyOf`/`oneOf`. Empty when anything goes.
 */
export function schemaTypes(
  schema: JsonSchema | undefined,
  defs: Record<string, JsonSchema>,
): ReadonlySet<JsonType> {
  // Asked for every parameter of every request: schemas and defs never change once loaded, so the
  // answer is kept per (defs, schema) object.
  if (schema === undefined || typeof schema === 'boolean') return computeTypes(schema, defs);
  let byDefs = memo.get(defs);
  if (byDefs === undefined) {
    byDefs = new WeakMap();
    memo.set(defs, byDefs);
  }
  let types = byDefs.get(schema);
  if (types === undefined) {
    types = computeTypes(schema, defs);
    byDefs.set(schema, types);
  }
  return types;
}

const memo = new WeakMap<object, WeakMap<object, ReadonlySet<JsonType>>>();

function computeTypes(schema: JsonSchema | undefined, defs: Record<string, JsonSchema>): Set<JsonType> {
  const resolved = resolveSchema(schema, defs);
  const types = new Set<JsonType>();
  if (typeof resolved.type === 'string') types.add(resolved.type);
  else if (Array.isArray(resolved.type)) for (const t of resolved.type) types.add(t);
  else if (Array.isArray(resolved.enum)) for (const v of resolved.enum) types.add(typeOf(v));
  else if ('const' in resolved) types.add(typeOf(resolved.const));
  else {
    for (const branch of [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])]) {
      for (const t of schemaTypes(branch, defs)) types.add(t);
    }
    if (resolved.properties !== undefined) types.add('object');
  }
  return types;
}

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return 'object';
}
