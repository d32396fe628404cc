/**
 * A JSON Schema 2020-12 schema as Assay holds it after loading.
 *
 * Every `$ref` inside a schema of an {@link ApiModel} has the form `#/$defs/<key>` and points into
 * {@link ApiModel.schemas}, so a schema is made standalone with `{ ...schema, $defs: api.schemas }`.
 * Schemas are plain JSON: no object cycles, so they serialise and compile as they are.
 */
export type JsonSchema = boolean | JsonSchemaObject;

/** An object schema. The common keywords are typed; any other keyword (and `x-*`) is allowed. */
export interface JsonSchemaObject {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: JsonType | JsonType[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  minProperties?: number;
  maxProperties?: number;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  readOnly?: boolean;
  writeOnly?: boolean;
  examples?: unknown[];
  default?: unknown;
  description?: string;
  title?: string;
  [keyword: string]: unknown;
}

/** The JSON Schema primitive type names. */
export type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';
