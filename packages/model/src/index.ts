export type { ApiModel, SpecFormat } from './api-model.js';
export type { ApiResource } from './api-resource.js';
export type { AssayErrorCode, AssayErrorDetails, ErrorLocation } from './assay-error.js';
export { AssayError } from './assay-error.js';
export type { Check, SequenceCheck } from './check.js';
export type { Difference, DifferenceKind } from './difference.js';
export type { Exchange } from './exchange.js';
export type { HttpMethod } from './http-method.js';
export type { AuthProbe, GenerationMode, HttpRequest } from './http-request.js';
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
export type {
  ListWalk,
  ResourceAction,
  ResourceStep,
  ResourceTrace,
  StatefulCheck,
  StatefulViolation,
} from './resource-trace.js';
export type { ResponseLink } from './response-link.js';
export type { HeaderSpec, ResponseSpec } from './response-spec.js';
export type { OAuth2Flow, OAuth2Flows, SecurityRequirement, SecurityScheme } from './security-scheme.js';
export { serverBasePath } from './server-base-path.js';
export type { SpecProblem } from './spec-problem.js';
export type { Violation } from './violation.js';
export type { Walk } from './walk.js';
