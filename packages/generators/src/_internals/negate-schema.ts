import type { JsonSchema, JsonSchemaObject, JsonType } from '@assay/model';
import { flatSchemaOrUndefined } from './merge-schemas.js';

const ALL_TYPES: readonly JsonType[] = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];
// Keywords that say nothing about which values are valid.
const ANNOTATIONS = new Set([
  'title',
  'description',
  '$comment',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

/** The complement of a schema as positive constraints: `positive`, which is all of it when `exact`. */
export interface Negation {
  positive: JsonSchema;
  exact: boolean;
}

/**
 * `not: schema` pushed into positive constraints, so values are built in the complement rather
 * than drawn and thrown away: `true` for `not: false`, `false` for `not: true` or `not: {}`, the
 * schema itself for `not: {not: schema}`, the other types for `not: {type}`, and an absent property
 * for `not: {required: [name]}`. Anything else (and the whole numbers `not: {type: integer}`
 * leaves among numbers) is not `exact`: values built from `positive` are still checked against the `not`.
 */
export function negation(schema: JsonSchema, defs: Record<string, JsonSchema>): Negation {
  if (typeof schema === 'boolean') return { positive: !schema, exact: true };
  const constraining = Object.keys(schema).filter((k) => !ANNOTATIONS.has(k));
  if (constraining.length === 0) return { positive: false, exact: true };
  if (constraining.length === 1 && schema.not !== undefined) return { positive: schema.not, exact: true };
  const flat = flatSchemaOrUndefined(schema, defs);
  if (flat === undefined) return { positive: true, exact: true };
  const keys = Object.keys(flat).filter((k) => !ANNOTATIONS.has(k));
  if (keys.length === 1 && keys[0] === 'type' && flat.type !== undefined) {
    const types = Array.isArray(flat.type) ? flat.type : [flat.type];
    const rest = ALL_TYPES.filter(
      (t) => !types.includes(t) && !(t === 'integer' && types.includes('number')),
    );
    if (rest.length === 0) return { positive: false, exact: true };
    return { positive: { type: rest }, exact: !(rest.includes('number') && types.includes('integer')) };
  }
  if (keys.length === 1 && keys[0] === 'required' && flat.required?.length === 1) {
    const absent: JsonSchemaObject = { properties: { [flat.required[0]!]: false } };
    return { positive: absent, exact: true };
  }
  return { positive: true, exact: false };
}

/** {@link negation} as one schema: the positive part, with the `not` kept beside it unless exact. */
export function negateSchema(schema: JsonSchema, defs: Record<string, JsonSchema>): JsonSchema {
  const { positive, exact } = negation(schema, defs);
  if (exact || positive === false) return positive;
  return positive === true ? { not: schema } : { allOf: [positive], not: schema };
}
