import type { ApiResource } from './api-resource.js';
import type { JsonSchema } from './json-schema.js';
import type { Operation } from './operation.js';
import type { SecurityScheme } from './security-scheme.js';
import type { SpecProblem } from './spec-problem.js';

/** The document formats Assay reads. */
export type SpecFormat = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1' | 'openapi-3.2';

/** A loaded API: every operation in one model, whatever the source format. */
export interface ApiModel {
  title: string;
  version: string;
  format: SpecFormat;
  /** The version string as the document states it (`2.0`, `3.0.3`, `3.1.0`, `3.2.0`). */
  specVersion: string;
  /** Where it was loaded from: a path, a URL, or `<memory>`. */
  source: string;
  /** Server URLs with their variables' defaults substituted, in document order. */
  servers: string[];
  operations: Operation[];
  /** Keyed by scheme name. */
  securitySchemes: Record<string, SecurityScheme>;
  /**
   * The shared schema definitions. Every `$ref` in every schema of this model is `#/$defs/<key>`
   * into this map, so `{ ...schema, $defs: schemas }` is a standalone JSON Schema 2020-12 document.
   */
  schemas: Record<string, JsonSchema>;
  /**
   * The resources the API creates and deletes, and which operations act on each; the stateful
   * phase and the mock's writes follow them. Absent in a model built by hand.
   */
  resources?: ApiResource[];
  /** Problems the loader accepted (non-strict mode) and warnings. */
  problems: SpecProblem[];
}
