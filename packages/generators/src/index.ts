export type { Charset } from './_internals/schema-builder.js';
export type { SchemaArbitraryOptions } from './schema/schema-arbitrary.js';
export { schemaArbitrary } from './schema/schema-arbitrary.js';
