import type { JsonSchema } from '@assay/model';

// Keywords that apply their subschemas to the same value (not to a property or an item of it).
const IN_PLACE_SINGLE = ['not', 'if', 'then', 'else'];
const IN_PLACE_LIST = ['allOf', 'anyOf', 'oneOf'];

/** The definitions a schema applies to the very value it is validating. */
export function inPlaceRefs(schema: JsonSchema | undefined, out: string[]): string[] {
  if (schema === undefined || typeof schema !== 'object') return out;
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/$defs/'))
    out.push(schema.$ref.slice('#/$defs/'.length));
  for (const keyword of IN_PLACE_SINGLE) inPlaceRefs(schema[keyword] as JsonSchema | undefined, out);
  for (const keyword of IN_PLACE_LIST) {
    const list = schema[keyword];
    if (Array.isArray(list)) for (const sub of list) inPlaceRefs(sub as JsonSchema, out);
  }
  return out;
}
