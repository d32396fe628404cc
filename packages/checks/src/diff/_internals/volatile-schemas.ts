import { defKeyOfRef } from '@assay/json-schema';
import type { JsonSchema, JsonSchemaObject } from '@assay/model';

/** Formats of values a server makes up itself (ids, timestamps): two correct servers differ on them. */
const GENERATED_FORMATS = new Set(['uuid', 'date-time', 'date', 'time']);

/**
 * The subschemas that may describe the value one step below `schemas` (property `key`, or array
 * item `key`), through `$ref` into the API's definitions and every applicator a value may be judged
 * by (`allOf`, `anyOf`, `oneOf`, `then`/`else`). An over-approximation: it is only used to decide
 * whether a value may be ignored, and a schema that marks it volatile anywhere is enough.
 */
export function childSchemas(
  schemas: readonly JsonSchema[],
  key: string,
  defs: Readonly<Record<string, JsonSchema>>,
): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const schema of expand(schemas, defs)) {
    if (typeof schema !== 'object') continue;
    const property = schema.properties?.[key];
    if (property !== undefined) out.push(property);
    const index = Number(key);
    if (Number.isInteger(index) && String(index) === key) {
      const prefix = schema.prefixItems?.[index];
      if (prefix !== undefined) out.push(prefix);
      else if (schema.items !== undefined && !Array.isArray(schema.items))
        out.push(schema.items as JsonSchema);
    }
    if (
      property === undefined &&
      schema.additionalProperties !== undefined &&
      typeof schema.additionalProperties === 'object'
    ) {
      out.push(schema.additionalProperties);
    }
  }
  return out;
}

/**
 * Whether a value described by `schemas` is one the two sides may disagree on without either being
 * wrong: marked `x-assay-volatile`, or `readOnly` (server-made) with a generated format (uuid,
 * date-time), OpenAPI 3.1 §4.8.24 "readOnly: sent in responses, never set by the client".
 */
export function isVolatile(
  schemas: readonly JsonSchema[],
  defs: Readonly<Record<string, JsonSchema>>,
): boolean {
  return expand(schemas, defs).some((schema) => {
    if (typeof schema !== 'object') return false;
    if ((schema as Record<string, unknown>)['x-assay-volatile'] === true) return true;
    return (
      schema.readOnly === true && typeof schema.format === 'string' && GENERATED_FORMATS.has(schema.format)
    );
  });
}

/** The schemas and everything they reach in place (refs, applicators), each once. */
function expand(schemas: readonly JsonSchema[], defs: Readonly<Record<string, JsonSchema>>): JsonSchema[] {
  const seen = new Set<JsonSchema>();
  const out: JsonSchema[] = [];
  const visit = (schema: JsonSchema | undefined): void => {
    if (schema === undefined || seen.has(schema)) return;
    seen.add(schema);
    out.push(schema);
    if (typeof schema !== 'object') return;
    const object = schema as JsonSchemaObject;
    const key = typeof object.$ref === 'string' ? defKeyOfRef(object.$ref) : undefined;
    if (key !== undefined) visit(defs[key]);
    for (const list of [object.allOf, object.anyOf, object.oneOf])
      for (const branch of list ?? []) visit(branch);
    visit(object.then as JsonSchema | undefined);
    visit(object.else as JsonSchema | undefined);
  };
  for (const schema of schemas) visit(schema);
  return out;
}
