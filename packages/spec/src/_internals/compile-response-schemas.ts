import { joinPointer, rebaseRefs, schemaAjv } from '@assay/json-schema';
import { AssayError, type JsonSchema, type Operation } from '@assay/model';

/**
 * Compiles every response body schema of every operation with the ajv configuration @assay/checks
 * validates with (`schemaAjv`, in its lean mode: same schemas compile, no error reporting), so a
 * schema that cannot compile is reported when the spec loads, naming the operation, rather than in
 * the middle of a run.
 */
export function compileResponseSchemas(operations: Operation[], defs: Record<string, JsonSchema>): void {
  const ajv = schemaAjv(defs, { errors: false });
  // Most responses share a handful of shapes (`{ $ref: '#/$defs/GenericError' }`): compile each once.
  const compiled = new Set<string>();
  for (const operation of operations) {
    for (const [status, response] of Object.entries(operation.responses)) {
      for (const [mediaType, media] of Object.entries(response.content)) {
        if (typeof media.schema === 'boolean') continue;
        const rebased = rebaseRefs(media.schema);
        const text = JSON.stringify(rebased);
        if (compiled.has(text)) continue;
        compiled.add(text);
        try {
          ajv.compile(rebased as object);
        } catch (cause) {
          const pointer = joinPointer(operation.pointer, 'responses', status, 'content', mediaType, 'schema');
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
