import type { BodyPath, JsonSchema } from '@assay/model';
import { objectProperties } from './object-properties.js';

/** The schema of the value at `path` inside a body of schema `schema`, when it can be told. */
export function schemaAtPath(
  schema: JsonSchema | undefined,
  path: BodyPath,
  defs: Record<string, JsonSchema>,
): JsonSchema | undefined {
  let current = schema;
  for (const key of path) {
    if (current === undefined) return undefined;
    current = objectProperties(current, defs).get(key);
  }
  return current;
}
