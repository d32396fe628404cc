export type { SchemaError, SchemaValidator } from './schema/create-schema-validator.js';
export { createSchemaValidator } from './schema/create-schema-validator.js';
