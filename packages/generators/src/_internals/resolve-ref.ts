import { defKeyOfRef } from '@assay/json-schema';
import { AssayError, type JsonSchema } from '@assay/model';

/**
 * Follows a `#/$defs/<key>` reference into `defs`. The model guarantees that every `$ref` has this
 * shape; anything else is reported rather than guessed at.
 */
export function resolveRef(ref: string, defs: Record<string, JsonSchema>): JsonSchema {
  const key = defKeyOfRef(ref);
  if (key === undefined) {
    throw new AssayError(
      'generation',
      `Unsupported $ref "${ref}": only #/$defs/<key> references can be followed.`,
      {
        pointer: ref,
        hint: 'Load the document with @assay/spec so that every reference points into ApiModel.schemas.',
      },
    );
  }
  const target = defs[key];
  if (target === undefined) {
    throw new AssayError(
      'generation',
      `Broken $ref "${ref}": no schema "${key}" in the definitions passed in.`,
      {
        pointer: ref,
        hint: 'Pass ApiModel.schemas as options.defs.',
      },
    );
  }
  return target;
}

/** The `$defs` key a reference names, used to count recursion per definition. */
export function refKey(ref: string): string {
  return defKeyOfRef(ref) ?? ref;
}
