import type { JsonSchemaObject } from '@assay/model';

/** `schema` with `$ref: key` added; a `$ref` it already has moves into an `allOf`. */
export function withRef(schema: JsonSchemaObject, key: string): JsonSchemaObject {
  if (schema.$ref === undefined) return { ...schema, $ref: key };
  const { $ref, ...rest } = schema;
  return { ...rest, allOf: [...(rest.allOf ?? []), { $ref }], $ref: key };
}
