import { AssayError, type JsonSchema } from '@assay/model';

/**
 * Follows a `#/$defs/<key>` reference into `defs`. The model guarantees that every `$ref` has this
 * shape; anything else is reported rather than guessed at.
 */
export function resolveRef(ref: string, defs: Record<string, JsonSchema>): JsonSchema {
  const prefix = '#/$defs/';
  if (!ref.startsWith(prefix)) {
    throw new AssayError(
      'generation',
      `Unsupported $ref "${ref}": only #/$defs/<key> references can be followed.`,
      {
        pointer: ref,
        hint: 'Load the document with @assay/spec so that every reference points into ApiModel.schemas.',
      },
    );
  }
  const key = decodePointerToken(ref.slice(prefix.length));
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
  return decodePointerToken(ref.slice(ref.lastIndexOf('/') + 1));
}

function decodePointerToken(token: string): string {
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // A literal `%` in a key is legal; keep the token as it is.
  }
  return decoded.replaceAll('~1', '/').replaceAll('~0', '~');
}
