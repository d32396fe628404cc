import { Ajv2020 } from 'ajv/dist/2020.js';
import Ajv04Module from 'ajv-draft-04';

// ajv-draft-04 is CommonJS: its default import is `module.exports`, which carries the class as `default`.
const Ajv04 = Ajv04Module.default;

/** The JSON Schema dialect a meta-schema is written in: draft-04 (Swagger 2.0, OpenAPI 3.0) or 2020-12 (OpenAPI 3.1, 3.2). */
export type MetaSchemaDialect = 'draft-04' | '2020-12';

/** A validator of documents against a meta-schema: whether the document is valid, and every error when it is not. */
export interface MetaSchemaValidator {
  (document: unknown): boolean;
  errors?: MetaSchemaError[] | null;
}

/** One error of a {@link MetaSchemaValidator}, as ajv reports it. */
export interface MetaSchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
}

/**
 * The second ajv configuration of Assay, for the OpenAPI meta-schemas only (API schemas go through
 * {@link schemaAjv}): every error, unknown keywords ignored, formats not validated (the meta-schemas'
 * `uri-reference` and the like would refuse documents tools accept), and references not inlined nor
 * code optimised, since each meta-schema is compiled once and large.
 */
export function metaSchemaValidator(dialect: MetaSchemaDialect, metaSchema: object): MetaSchemaValidator {
  const options = {
    allErrors: true,
    strict: false,
    validateFormats: false,
    logger: false,
    inlineRefs: false,
    code: { optimize: false },
  } as const;
  const ajv = dialect === 'draft-04' ? new Ajv04(options) : new Ajv2020(options);
  return ajv.compile(metaSchema) as MetaSchemaValidator;
}
