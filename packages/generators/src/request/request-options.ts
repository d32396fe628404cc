import type { JsonSchema } from '@assay/model';
import type { SchemaArbitraryOptions } from '../schema/schema-arbitrary.js';
import type { SeenValues } from './seen-values.js';

/** Options of {@link requestArbitrary}, {@link coverageRequests} and {@link exampleRequests}. */
export interface RequestOptions extends Omit<SchemaArbitraryOptions, 'charset' | 'view'> {
  /** `ApiModel.schemas`: what every `$ref` points into. */
  defs: Record<string, JsonSchema>;
  /**
   * The project's validator (`createSchemaValidator(api.schemas).isValid`). Negative cases are kept
   * only when it rejects the value the server reads back; positive ones only when it accepts it.
   * Without it a built-in evaluator decides, which knows fewer keywords; pass it in real runs.
   */
  isValid?: (schema: JsonSchema, value: unknown) => boolean;
  /**
   * Values seen in earlier responses: filter, search and cursor parameters of list operations, and
   * item path parameters (`{id}`, `{stage_uuid}`), draw from it. Read when the arbitrary is built.
   */
  seen?: SeenValues;
  /** How many items the list is expected to hold, for page sizes and page numbers. Default 20. */
  listSize?: number;
  /** The request body media type to use when several are declared. Default: JSON, then forms, then the first. */
  mediaType?: string;
  /**
   * Negative mode: also make single fields of `application/x-www-form-urlencoded` bodies invalid
   * (read back like query parameters). Off by default: many servers, Assay's mock among them, take
   * form bodies without validating them, so only turn it on for a target known to validate them.
   */
  formBodyNegatives?: boolean;
}
