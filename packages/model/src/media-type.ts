import type { JsonSchema } from './json-schema.js';

/** Per-property serialisation of a form or multipart body (OpenAPI 3.1 §4.8.15, "Encoding Object"). */
export interface PropertyEncoding {
  contentType?: string;
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode?: boolean;
  allowReserved?: boolean;
  headers?: Record<string, JsonSchema>;
}

/** A body of one media type: its schema, its examples and, for form bodies, its encoding. */
export interface MediaTypeSpec {
  /** Lower-case media type without parameters, as declared (may be a range such as `application/*`). */
  mediaType: string;
  schema: JsonSchema;
  /**
   * OpenAPI 3.2 `itemSchema`: the schema of each item of a sequential media type (JSON Lines,
   * JSON text sequences, server-sent events), validated item by item.
   */
  itemSchema?: JsonSchema;
  examples: unknown[];
  encoding?: Record<string, PropertyEncoding>;
}
