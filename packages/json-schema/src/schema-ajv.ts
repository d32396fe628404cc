import type { JsonSchema } from '@assay/model';
import { patternEngine } from '@assay/patterns';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { escapePointerToken } from './json-pointer.js';
import { API_ROOT_ID } from './rebase-refs.js';

// ajv-formats is CommonJS: its default import is `module.exports`, which carries the plugin as `default`.
const addFormats = addFormatsModule.default;

/** Options of {@link schemaAjv}. */
export interface SchemaAjvOptions {
  /**
   * False for validators that only say whether a schema compiles or a value matches: they stop at
   * the first error and carry no error-message code, and refs are not inlined nor code optimised,
   * which cuts compile time on authentik by ~3x. None of this changes which schemas compile or what
   * they accept. Default true: every error, with messages.
   */
  errors?: boolean;
}

/**
 * The one ajv configuration of Assay: JSON Schema 2020-12 (the loader converts every spec's schemas
 * to it), formats validated (ajv-formats), unknown keywords and formats ignored (`strict: false`:
 * what Assay cannot judge, it does not report), schemas not checked against the meta-schema (the
 * loader did), `pattern` matched by @assay/patterns' engine, and only a value's own property names
 * counted as present.
 *
 * `defs` is {@link ApiModel.schemas}: schemas refer to it as `#/$defs/<key>` and are compiled
 * after {@link rebaseRefs}. All definitions live in one root document ({@link API_ROOT_ID}), and
 * each is also registered under its own absolute key, so ajv resolves every reference to it to one
 * shared compiled function instead of compiling it again inside each referring schema.
 */
export function schemaAjv(
  defs: Readonly<Record<string, JsonSchema>>,
  options: SchemaAjvOptions = {},
): Ajv2020 {
  const errors = options.errors ?? true;
  const ajv = new Ajv2020({
    strict: false,
    allErrors: errors,
    validateFormats: true,
    validateSchema: false,
    logger: false,
    // A body `{}` has no `toString` property, whatever Object.prototype has: `required` and
    // `properties` look at the value's own names only (JSON Schema's "instance has a member").
    ownProperties: true,
    ...(errors ? {} : { inlineRefs: false, messages: false }),
    code: errors ? { regExp: patternEngine } : { regExp: patternEngine, optimize: false },
  });
  addFormats(ajv);
  ajv.addSchema({ $id: API_ROOT_ID, $defs: defs });
  for (const [key, def] of Object.entries(defs)) {
    if (typeof def === 'object') ajv.addSchema(def, `${API_ROOT_ID}#/$defs/${escapePointerToken(key)}`);
  }
  return ajv;
}
