import type { JsonSchema, JsonSchemaObject, JsonType } from '@assay/model';
import { flattenSchema } from './merge-schemas.js';

const ALL: readonly JsonType[] = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];

function typeOfValue(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'object') return 'object';
  return typeof value === 'boolean' ? 'boolean' : 'string';
}

// Asked for every parameter of every drawn request (reading it back as a server would): a pure
// function of the schema object and the api's definitions, so computed once per schema.
const known = new WeakMap<object, { defs: Record<string, JsonSchema>; types: readonly JsonType[] }>();

/**
 * The JSON types a schema admits, looking through `$ref`, `allOf`, `anyOf` and `oneOf`: what a
 * server that coerces wire text "per schema type" would try to read a value as.
 */
export function schemaTypes(
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
  depth = 0,
): readonly JsonType[] {
  if (typeof schema === 'boolean' || depth > 8) return ALL;
  if (depth > 0) return typesOf(schema, defs, depth);
  const hit = known.get(schema);
  if (hit !== undefined && hit.defs === defs) return hit.types;
  const types = typesOf(schema, defs, depth);
  known.set(schema, { defs, types });
  return types;
}

function typesOf(
  schema: JsonSchemaObject,
  defs: Record<string, JsonSchema>,
  depth: number,
): readonly JsonType[] {
  let flat: ReturnType<typeof flattenSchema>;
  try {
    flat = flattenSchema(schema, defs);
  } catch {
    return ALL;
  }
  const s = flat.schema;
  if (s === false) return [];
  let own: JsonType[] | undefined;
  if (s.type !== undefined) {
    own = Array.isArray(s.type) ? [...s.type] : [s.type];
    if (s.nullable === true) own.push('null');
  } else if (s.const !== undefined) own = [typeOfValue(s.const)];
  else if (s.enum !== undefined) own = [...new Set(s.enum.map(typeOfValue))];
  else if (s.properties || s.required || s.additionalProperties !== undefined || s.patternProperties)
    own = ['object'];
  else if (s.items !== undefined || s.prefixItems) own = ['array'];
  else if (s.minLength !== undefined || s.maxLength !== undefined || s.pattern !== undefined)
    own = ['string'];
  else if (s.minimum !== undefined || s.maximum !== undefined) own = ['number'];
  const branches = s.oneOf ?? s.anyOf;
  if (branches === undefined) return own ?? ALL;
  const fromBranches = new Set(branches.flatMap((branch) => schemaTypes(branch, defs, depth + 1)));
  const union = [...fromBranches];
  return own === undefined
    ? union
    : own.filter((type) => fromBranches.has(type) || (type === 'number' && fromBranches.has('integer')));
}
