/**
 * JSON Schema as Assay reads it, in one place:
 * - `schemaAjv(defs)`: the one ajv configuration (2020-12, formats, patterns through @assay/patterns);
 * - `createSchemaValidator(defs)`: validation with errors as data, cached per schema;
 * - `rebaseRefs`: a schema's `#/$defs/...` references pointed at the API's shared definitions;
 * - `schemaKeywords`: where subschemas sit, for every walk over a schema;
 * - JSON pointers (RFC 6901).
 */
export type { SchemaError, SchemaValidator } from './create-schema-validator.js';
export { createSchemaValidator } from './create-schema-validator.js';
export { escapePointerToken, joinPointer, pointerTokens, readPointer } from './json-pointer.js';
export { API_ROOT_ID, rebaseRefs } from './rebase-refs.js';
export type { SchemaAjvOptions } from './schema-ajv.js';
export { schemaAjv } from './schema-ajv.js';
export { schemaKeywords } from './schema-keywords.js';
