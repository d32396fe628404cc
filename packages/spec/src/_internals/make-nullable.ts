import type { JsonSchemaObject } from '@assay/model';

// Annotations that describe the value as a whole; they stay on the outside when null is added.
const OUTER = new Set(['description', 'title', 'readOnly', 'writeOnly', 'deprecated', 'default', 'examples']);

/**
 * OAS 3.0 `nullable: true` as 2020-12: `null` joins `type` (and `enum`) when the schema is a plain
 * typed one; otherwise (a `$ref`, `allOf`, `oneOf` …, which would still reject null) the schema is
 * wrapped as `anyOf: [schema, {type: 'null'}]`. A schema with no type and no combinator already accepts
 * null, unless it has an `enum`, which then gains `null`.
 */
export function makeNullable(schema: JsonSchemaObject): JsonSchemaObject {
  const combined = ['$ref', 'allOf', 'anyOf', 'oneOf', 'not'].some((k) => Object.hasOwn(schema, k));
  if (!combined) {
    const out = { ...schema };
    if (typeof out.type === 'string') out.type = out.type === 'null' ? 'null' : [out.type, 'null'];
    else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  const outer: JsonSchemaObject = {};
  const inner: JsonSchemaObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (OUTER.has(key)) outer[key] = value;
    else inner[key] = value;
  }
  return { ...outer, anyOf: [inner, { type: 'null' }] };
}
