import type { JsonSchema } from '@assay/model';
import { resolveRef } from './resolve-ref.js';

// Keywords whose construction reads the schema after merging, which 2020-12 does not always agree
// with (unevaluated*), or which construction falls back from (contains beside prefixItems, more
// conditionals than branches allow).
const KEYWORDS = [
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'propertyNames',
  'if',
  'dependentRequired',
  'dependentSchemas',
];
const IN_PLACE_LISTS = ['allOf', 'anyOf', 'oneOf'];
const IN_PLACE = ['then', 'else', 'not'];
const known = new WeakMap<object, boolean>();

/**
 * Whether a schema, or a schema it applies to the same value (`$ref`, `allOf`, `anyOf`, `oneOf`,
 * `then`, `else`, `not`), uses a keyword whose construction is checked on the drawn value.
 * Properties and items are not looked into: their own schemas are checked when they are built.
 */
export function approximated(schema: JsonSchema, defs: Record<string, JsonSchema>, depth = 0): boolean {
  if (typeof schema !== 'object' || depth > 16) return false;
  const hit = known.get(schema);
  if (hit !== undefined) return hit;
  known.set(schema, false);
  let found = KEYWORDS.some((k) => schema[k] !== undefined);
  if (!found && typeof schema.$ref === 'string') {
    try {
      found = approximated(resolveRef(schema.$ref, defs), defs, depth + 1);
    } catch {
      found = false;
    }
  }
  for (const k of IN_PLACE_LISTS) {
    const list = schema[k];
    if (!found && Array.isArray(list))
      found = list.some((sub) => approximated(sub as JsonSchema, defs, depth + 1));
  }
  for (const k of IN_PLACE) {
    if (!found && schema[k] !== undefined) found = approximated(schema[k] as JsonSchema, defs, depth + 1);
  }
  known.set(schema, found);
  return found;
}
