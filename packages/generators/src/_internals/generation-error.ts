import { AssayError, type JsonSchemaObject } from '@assay/model';

/** The `generation` error for a schema (its `$ref`, when it has one, is the pointer). */
export function generationError(message: string, schema?: JsonSchemaObject): AssayError {
  return new AssayError('generation', message, {
    pointer: typeof schema?.$ref === 'string' ? schema.$ref : '',
    hint: 'Check the schema for contradictory constraints, or exclude the operation.',
  });
}

/** Throws the `generation` error saying that no value can satisfy `what`. */
export function unsatisfiable(what: string): never {
  throw generationError(`No value can satisfy ${what}.`);
}
