/**
 * JSON Schema as Assay reads it, in one place:
 * - `schemaAjv(defs)`: the one ajv configuration for API schemas (2020-12, formats, patterns through @assay/patterns);
 * - `metaSchemaValidator`: the ajv configuration for the OpenAPI meta-schemas (draft-04 or 2020-12);
 * - `createSchemaValidator(defs)`: validation with errors as data, cached per schema;
 * - `defKeyOfRef`: the `ApiModel.schemas` key a `#/$defs/<key>` reference names;
 * - `rebaseRefs`: a schema's `#/$defs/...` references pointed at the API's shared definitions;
 * - `schemaKeywords`: where subschemas sit, for every walk over a schema;
 * - JSON pointers (RFC 6901).
 */
export type { SchemaError, SchemaValidator } from './create-schema-validator.js';
export { createSchemaValidator } from './create-schema-validator.js';
export { defKeyOfRef } from './def-key-of-ref.js';
export { escapePointerToken, joinPointer, pointerTokens, readPointer } from './json-pointer.js';
export type { MetaSchemaDialect, MetaSchemaError, MetaSchemaValidator } from './meta-schema-ajv.js';
export { metaSchemaValidator } from './meta-schema-ajv.js';
export { API_ROOT_ID, rebaseRefs } from './rebase-refs.js';
export type { SchemaAjvOptions } from './schema-ajv.js';
export { schemaAjv } from './schema-ajv.js';
export { schemaKeywords } from './schema-keywords.js';
