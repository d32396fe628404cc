import type { JsonSchema } from '@assay/model';
import { schemaKeywords } from './schema-keywords.js';

/** The `$id` of the one root document that holds every shared definition of an API. */
export const API_ROOT_ID = 'urn:assay:api';

/**
 * Rewrites every local `$ref` (`#/...`) to point into the shared root document, so a schema taken
 * out of its document still reaches the definitions without carrying (and recompiling) them.
 * Only schema positions are visited: a `$ref` string inside `enum`, `const` or `examples` is data.
 * Returns the input itself when nothing needs rewriting.
 */
export function rebaseRefs(schema: JsonSchema): JsonSchema {
  return rebaseSchema(schema) as JsonSchema;
}

function rebaseSchema(node: unknown): unknown {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(node)) {
    let next: unknown = value;
    if ((key === '$ref' || key === '$dynamicRef') && typeof value === 'string' && value.startsWith('#')) {
      next = API_ROOT_ID + value;
    } else if (schemaKeywords.single.has(key) || schemaKeywords.legacySingle.has(key)) {
      // A list under `items` or `additionalItems` is a draft-04..07 tuple.
      next = Array.isArray(value) ? rebaseList(value) : rebaseSchema(value);
    } else if (schemaKeywords.list.has(key) && Array.isArray(value)) {
      next = rebaseList(value);
    } else if (
      (schemaKeywords.map.has(key) || schemaKeywords.definitions.has(key)) &&
      value !== null &&
      typeof value === 'object'
    ) {
      next = rebaseMap(value as Record<string, unknown>);
    }
    if (next !== value) {
      out ??= { ...(node as Record<string, unknown>) };
      out[key] = next;
    }
  }
  return out ?? node;
}

function rebaseList(list: unknown[]): unknown[] {
  let changed = false;
  const out = list.map((item) => {
    const next = rebaseSchema(item);
    if (next !== item) changed = true;
    return next;
  });
  return changed ? out : list;
}

function rebaseMap(map: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(map)) {
    const next = rebaseSchema(value);
    if (next !== value) {
      out ??= { ...map };
      out[key] = next;
    }
  }
  return out ?? map;
}
