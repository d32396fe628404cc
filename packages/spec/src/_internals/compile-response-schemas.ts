import { AssayError, type JsonSchema, type Operation } from '@assay/model';
import { patternEngine } from '@assay/patterns';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { pointerJoin } from './json-pointer.js';

// ajv-formats is CommonJS: its default import is `module.exports`, which carries the plugin as `default`.
const addFormats = addFormatsModule.default;

const ROOT_ID = 'urn:assay:spec-load';

/**
 * Compiles every response body schema of every operation, the way @assay/checks will validate with
 * them (Ajv2020 + ajv-formats, non-strict, formats validated), so a schema that cannot compile is
 * reported when the spec loads, naming the operation, rather than in the middle of a run.
 *
 * All definitions live in one root document and each is registered under its own absolute key, so
 * ajv compiles a shared definition once however many responses use it.
 */
export function compileResponseSchemas(operations: Operation[], defs: Record<string, JsonSchema>): void {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: false,
    validateFormats: true,
    logger: false,
    validateSchema: false,
    // None of these changes which schemas compile or what they accept. Separate functions per
    // definition (no inlining), no code optimisation passes and no error-message code (these
    // validators never report) cut compile time on authentik by ~3x.
    inlineRefs: false,
    messages: false,
    code: { regExp: patternEngine, optimize: false },
  });
  addFormats(ajv);
  ajv.addSchema({ $id: ROOT_ID, $defs: defs });
  for (const [key, def] of Object.entries(defs)) {
    if (typeof def === 'object') ajv.addSchema(def, `${ROOT_ID}#/$defs/${key}`);
  }
  // Most responses share a handful of shapes (`{ $ref: '#/$defs/GenericError' }`): compile each once.
  const compiled = new Set<string>();
  for (const operation of operations) {
    for (const [status, response] of Object.entries(operation.responses)) {
      for (const [mediaType, media] of Object.entries(response.content)) {
        if (typeof media.schema === 'boolean') continue;
        const rebased = rebase(media.schema);
        const text = JSON.stringify(rebased);
        if (compiled.has(text)) continue;
        compiled.add(text);
        try {
          ajv.compile(rebased as object);
        } catch (cause) {
          const pointer = pointerJoin(operation.pointer, 'responses', status, 'content', mediaType, 'schema');
          throw new AssayError(
            'spec-schema',
            `Operation ${operation.id}: the ${status} response schema (${mediaType}) does not compile: ${(cause as Error).message}. Fix the schema at ${pointer}.`,
            { pointer, cause },
          );
        }
      }
    }
  }
}

/** Points the schema's `#/$defs/...` references at the shared root document. */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#') ? ROOT_ID + value : rebase(value);
  }
  return out;
}
