export type { Charset } from './_internals/schema-builder.js';
export { coverageRequests } from './request/coverage-requests.js';
export { exampleRequests } from './request/example-requests.js';
export { type RequestMode, requestArbitrary } from './request/request-arbitrary.js';
export type { RequestOptions } from './request/request-options.js';
export type { SeenValues } from './request/seen-values.js';
export type { SchemaArbitraryOptions } from './schema/schema-arbitrary.js';
export { schemaArbitrary } from './schema/schema-arbitrary.js';
