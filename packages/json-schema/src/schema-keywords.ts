/**
 * Where subschemas sit in a JSON Schema 2020-12 schema (Core §10, Validation §8.2.4): the keywords
 * whose value is one schema, a list of schemas, or a map of names to schemas. Every walk over a
 * schema (rebasing `$ref`s, request/response views, conversion) reads these tables, so a keyword is
 * added in one place. Annotations and data (`enum`, `const`, `examples`, `default`) are not schema
 * positions: a `$ref` string inside them is data.
 */
export const schemaKeywords = {
  /** The value is one schema. */
  single: new Set([
    'items',
    'additionalProperties',
    'not',
    'if',
    'then',
    'else',
    'contains',
    'propertyNames',
    'unevaluatedItems',
    'unevaluatedProperties',
    'contentSchema',
  ]),
  /** The value is a list of schemas. */
  list: new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']),
  /** The value maps names (properties, patterns) to schemas. */
  map: new Set(['properties', 'patternProperties', 'dependentSchemas']),
  /** The value maps names to reusable definitions: `$defs`, and the draft-04..07 `definitions`. */
  definitions: new Set(['$defs', 'definitions']),
  /**
   * Draft-04..07 spellings a spec (OpenAPI 3.0, Swagger 2.0) may still hold before conversion:
   * `additionalItems` (one schema) and `items` as a list (a tuple, `prefixItems` in 2020-12).
   */
  legacySingle: new Set(['additionalItems']),
} as const;
