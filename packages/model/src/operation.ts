import type { HttpMethod } from './http-method.js';
import type { ListSemantics } from './list-semantics.js';
import type { Parameter } from './parameter.js';
import type { RequestBody } from './request-body.js';
import type { ResponseSpec } from './response-spec.js';
import type { SecurityRequirement } from './security-scheme.js';

/** One operation of an API, normalised from Swagger 2.0 or OpenAPI 3.x. */
export interface Operation {
  /** The operationId, made unique; generated from method and path when the spec has none. */
  id: string;
  method: HttpMethod;
  /** The path template as written, e.g. `/stages/identification/{stage_uuid}/`. */
  path: string;
  /** JSON pointer of the operation in the source document, e.g. `/paths/~1pets/get`. */
  pointer: string;
  summary?: string;
  tags: string[];
  deprecated: boolean;
  /** Path-level and operation-level parameters merged, operation-level winning. */
  parameters: Parameter[];
  requestBody?: RequestBody;
  /** Keyed by status as written in the spec: `200`, `4XX`, `default`. */
  responses: Record<string, ResponseSpec>;
  /** The effective requirements (operation-level, else document-level). Empty: no auth. */
  security: SecurityRequirement[];
  /** Set for operations that return a list of items. */
  list?: ListSemantics;
  /** The operation's `x-*` extensions. */
  extensions: Record<string, unknown>;
}
