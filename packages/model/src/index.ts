export type { ApiModel, SpecFormat } from './api-model.js';
export type { AssayErrorCode, AssayErrorDetails, ErrorLocation } from './assay-error.js';
export { AssayError } from './assay-error.js';
export type { Check, SequenceCheck } from './check.js';
export type { Exchange } from './exchange.js';
export type { HttpMethod } from './http-method.js';
export type { GenerationMode, HttpRequest } from './http-request.js';
export type { HttpResponse } from './http-response.js';
export type { JsonSchema, JsonSchemaObject, JsonType } from './json-schema.js';
export type {
  BodyPath,
  ListSemantics,
  Ordering,
  OrderingSyntax,
  Pagination,
  PaginationStyle,
  QueryFilter,
} from './list-semantics.js';
export { ORDERING_SYNTAXES, PAGINATION_STYLES } from './list-semantics.js';
export type { MediaTypeSpec, PropertyEncoding } from './media-type.js';
export type { NegativeReason } from './negative-reason.js';
export type { Operation } from './operation.js';
export type { Parameter, ParameterLocation, ParameterStyle } from './parameter.js';
export type { RequestBody } from './request-body.js';
export type { HeaderSpec, ResponseSpec } from './response-spec.js';
export type { SecurityRequirement, SecurityScheme } from './security-scheme.js';
export type { SpecProblem } from './spec-problem.js';
export type { Violation } from './violation.js';
