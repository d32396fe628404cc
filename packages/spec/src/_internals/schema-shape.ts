import type { JsonSchema, JsonSchemaObject } from '@assay/model';

/** The definitions schemas point into (`#/$defs/<key>`). */
export type Defs = Record<string, JsonSchema>;

/** An object schema flattened through `$ref`, `allOf` and a nullable wrapper: its properties and required names. */
export interface Shape {
  properties: Record<string, JsonSchema>;
  required: Set<string>;
}

/** Follows `$ref`s into the definitions. */
export function resolve(schema: JsonSchema, defs: Defs): JsonSchema {
  let current = schema;
  for (let hops = 0; hops < 16 && typeof current === 'object' && typeof current.$ref === 'string'; hops++) {
    const next = current.$ref.startsWith('#/$defs/')
      ? defs[current.$ref.slice('#/$defs/'.length)]
      : undefined;
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

export function isArraySchema(schema: JsonSchema): boolean {
  if (typeof schema !== 'object') return false;
  if (schema.type === 'array') return true;
  return Array.isArray(schema.type) && schema.type.includes('array') && schema.items !== undefined;
}

/** The item schema of an array schema (through `$ref`). */
export function itemsOf(schema: JsonSchema, defs: Defs): JsonSchema {
  const s = resolve(schema, defs);
  return typeof s === 'object' ? ((s as JsonSchemaObject).items ?? {}) : {};
}

/** The object shape of a schema, through `$ref`, `allOf` and OAS 3.0 nullable wrappers; `undefined` when it is not an object. */
export function shapeOf(schema: JsonSchema, defs: Defs, depth = 0): Shape | undefined {
  if (typeof schema !== 'object' || depth > 8) return undefined;
  const s = resolve(schema, defs);
  if (typeof s !== 'object') return undefined;
  const nonNull = (s.anyOf ?? s.oneOf ?? []).filter((b) => !(typeof b === 'object' && b.type === 'null'));
  if (nonNull.length === 1 && s.properties === undefined) return shapeOf(nonNull[0]!, defs, depth + 1);
  const shape: Shape = { properties: {}, required: new Set() };
  let found = s.properties !== undefined || s.type === 'object';
  for (const part of s.allOf ?? []) {
    const sub = shapeOf(part, defs, depth + 1);
    if (sub === undefined) continue;
    found = true;
    Object.assign(shape.properties, sub.properties);
    for (const name of sub.required) shape.required.add(name);
  }
  Object.assign(shape.properties, s.properties ?? {});
  for (const name of s.required ?? []) shape.required.add(name);
  return found ? shape : undefined;
}

/** The scalar type a schema settles on (`string`, `integer`, `number`, `boolean`), ignoring `null`. */
export function scalarType(schema: JsonSchema, defs: Defs, depth = 0): string | undefined {
  if (typeof schema !== 'object' || depth > 8) return undefined;
  const s = resolve(schema, defs);
  if (typeof s !== 'object') return undefined;
  const types = (Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type]).filter(
    (t) => t !== 'null',
  );
  if (types.length === 1)
    return ['string', 'integer', 'number', 'boolean'].includes(types[0]!) ? types[0] : undefined;
  if (types.length > 1) return undefined;
  const branches = [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])].filter(
    (b) => !(typeof b === 'object' && b.type === 'null'),
  );
  if (branches.length === 1) return scalarType(branches[0]!, defs, depth + 1);
  if (Array.isArray(s.enum) && s.enum.length > 0 && s.enum.every((v) => typeof v === 'string' || v === null))
    return 'string';
  return undefined;
}

export function isReadOnly(schema: JsonSchema): boolean {
  return typeof schema === 'object' && schema.readOnly === true;
}

export function isNullable(schema: JsonSchema, defs: Defs): boolean {
  const s = resolve(schema, defs);
  if (typeof s !== 'object') return false;
  if (Array.isArray(s.type) && s.type.includes('null')) return true;
  return (s.anyOf ?? []).some((b) => typeof b === 'object' && b.type === 'null');
}

/** The enum a schema allows, found through `$ref`, `allOf`, `anyOf` and `oneOf` (FastAPI writes `allOf: [{$ref: Order}]`). */
export function enumValues(schema: JsonSchema, defs: Defs, depth = 0): unknown[] | undefined {
  const s = resolve(schema, defs);
  if (typeof s !== 'object' || depth > 8) return undefined;
  if (Array.isArray(s.enum)) return s.enum;
  for (const branch of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) {
    const values = enumValues(branch, defs, depth + 1);
    if (values !== undefined) return values;
  }
  return undefined;
}

export function hasEnumBranch(schema: JsonSchema, defs: Defs): boolean {
  if (typeof schema !== 'object') return false;
  const parts = [...(schema.allOf ?? []), ...(schema.anyOf ?? [])].map((s) => resolve(s, defs));
  return parts.some((s) => typeof s === 'object' && Array.isArray(s.enum));
}
