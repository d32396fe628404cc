import type { JsonSchema } from './json-schema.js';
import type { MediaTypeSpec } from './media-type.js';
import type { ResponseLink } from './response-link.js';

/** A documented response header. */
export interface HeaderSpec {
  /** Lower-case header name. */
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/**
 * A documented response. Its schemas are the response view: writeOnly properties are not required.
 */
export interface ResponseSpec {
  /** As written in the spec: a code (`200`), a range (`4XX`), or `default`. */
  status: string;
  description?: string;
  /** Keyed by lower-case media type. Empty when the response has no body. */
  content: Record<string, MediaTypeSpec>;
  /** Keyed by lower-case header name. `Content-Type` is never listed (OpenAPI 3.1 §4.8.17.1). */
  headers: Record<string, HeaderSpec>;
  /** The response's Link Objects (OpenAPI 3.x), when it declares any. */
  links?: ResponseLink[];
}
