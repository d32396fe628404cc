import type { JsonSchema, JsonSchemaObject } from '@assay/model';

/**
 * Follows `#/$defs/<key>` references (and a lone `allOf` wrapper, which OpenAPI 3.0 uses to put a
 * description next to a `$ref`) until it reaches a schema that says something itself.
 */
export function resolveSchema(
  schema: JsonSchema | undefined,
  defs: Record<string, JsonSchema>,
): JsonSchemaObject {
  let current: JsonSchema | undefined = schema;
  for (let hops = 0; hops < 32; hops++) {
    if (current === undefined || typeof current === 'boolean') return {};
    if (typeof current.$ref === 'string') {
      current = defs[refKey(current.$ref)];
      continue;
    }
    if (Array.isArray(current.allOf) && current.allOf.length === 1 && current.properties === undefined) {
      const [only] = current.allOf;
      if (current.type === undefined && current.enum === undefined) {
        current = only;
        continue;
      }
    }
    return current;
  }
  return {};
}

// References are decoded on every resolution; the same few hundred strings come back all the time.
const refKeys = new Map<string, string>();

function refKey(ref: string): string {
  let key = refKeys.get(ref);
  if (key === undefined) {
    key = decodeRefKey(ref);
    if (refKeys.size < 100_000) refKeys.set(ref, key);
  }
  return key;
}

function decodeRefKey(ref: string): string {
  const token = ref.startsWith('#/$defs/') ? ref.slice('#/$defs/'.length) : ref;
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // A literal `%` in a key is legal.
  }
  return decoded.replaceAll('~1', '/').replaceAll('~0', '~');
}
