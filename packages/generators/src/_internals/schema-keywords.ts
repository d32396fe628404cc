import type { JsonSchema, JsonSchemaObject } from '@assay/model';

/**
 * The JSON Schema 2020-12 keywords the model leaves untyped (it types the ones OpenAPI documents
 * use most), as the generators read them.
 */
export interface Keywords extends JsonSchemaObject {
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  contains?: JsonSchema;
  minContains?: number;
  maxContains?: number;
  propertyNames?: JsonSchema;
  dependentRequired?: Record<string, string[]>;
  dependentSchemas?: Record<string, JsonSchema>;
  unevaluatedItems?: JsonSchema;
  unevaluatedProperties?: JsonSchema;
}

/** The schema with its 2020-12 keywords typed. */
export function keywords(schema: JsonSchemaObject): Keywords {
  return schema as Keywords;
}
