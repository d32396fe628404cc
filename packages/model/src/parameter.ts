import type { JsonSchema } from './json-schema.js';

/**
 * Where a parameter travels (OpenAPI 3.1 §4.8.12.1, "Parameter Locations"). `querystring` (OpenAPI
 * 3.2) is the whole query string as one value, serialised as the parameter's `contentType`.
 */
export type ParameterLocation = 'path' | 'query' | 'querystring' | 'header' | 'cookie';

/** How a parameter value is serialised (OpenAPI 3.1 §4.8.12.4, "Style Values"). */
export type ParameterStyle =
  | 'form'
  | 'simple'
  | 'label'
  | 'matrix'
  | 'spaceDelimited'
  | 'pipeDelimited'
  | 'deepObject';

/**
 * One operation parameter, with the OpenAPI defaults already applied: `style` and `explode` are
 * always set, and `required` is always `true` for path parameters.
 */
export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  style: ParameterStyle;
  explode: boolean;
  /** Query only: reserved characters are sent unencoded. */
  allowReserved: boolean;
  /** The value's schema. For a parameter described with `content`, the schema of that media type. */
  schema: JsonSchema;
  /** Set when the parameter is described with `content` instead of `schema` (the value is serialised as this media type). */
  contentType?: string;
  deprecated: boolean;
  description?: string;
  /** Examples from the spec (`example`, `examples`), in document order. */
  examples: unknown[];
}
