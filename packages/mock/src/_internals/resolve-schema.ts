import { defKeyOfRef } from '@assay/json-schema';
import type { JsonSchema, JsonSchemaObject } from '@assay/model';

/**
 * Follows `#/$defs/<key>` references (and an `allOf` wrapper with one constraining branch, which
 * OpenAPI 3.0 uses to put a description next to a `$ref`: `allOf: [{$ref}, {description}]`)
 * until it reaches a schema that says something itself.
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
    if (
      Array.isArray(current.allOf) &&
      current.properties === undefined &&
      current.type === undefined &&
      current.enum === undefined
    ) {
      const constraining = current.allOf.filter((branch) => !annotationOnly(branch));
      if (constraining.length === 1) {
        current = constraining[0];
        continue;
      }
    }
    return current;
  }
  return {};
}

// Keywords that describe a value without constraining it (JSON Schema 2020-12 §9, OpenAPI's own).
const ANNOTATIONS = new Set([
  'title',
  'description',
  'example',
  'examples',
  'default',
  'deprecated',
  '$comment',
  'externalDocs',
  'xml',
]);

function annotationOnly(schema: JsonSchema): boolean {
  return (
    typeof schema === 'object' &&
    Object.keys(schema).every((keyword) => ANNOTATIONS.has(keyword) || keyword.startsWith('x-'))
  );
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

/** The key a `#/$defs/<key>` reference names; another reference is looked up as it is (and not found). */
function decodeRefKey(ref: string): string {
  return defKeyOfRef(ref) ?? ref;
}
