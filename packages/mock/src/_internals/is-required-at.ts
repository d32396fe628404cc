import type { BodyPath, JsonSchema } from '@assay/model';
import { resolveSchema } from './resolve-schema.js';
import { schemaAtPath } from './schema-at-path.js';

/**
 * Whether the property at `path` must be present in a body of schema `schema`: listed in the
 * `required` of its parent object (or of one of the parent's `allOf` parts). Unknown parents count
 * as requiring it, so that a caller leaves out only what it knows to be optional.
 */
export function isRequiredAt(
  schema: JsonSchema | undefined,
  path: BodyPath,
  defs: Record<string, JsonSchema>,
): boolean {
  const name = path.at(-1);
  if (name === undefined) return true;
  const parent = schemaAtPath(schema, path.slice(0, -1), defs);
  if (parent === undefined) return true;
  const visit = (current: JsonSchema | undefined, depth: number): boolean => {
    if (depth > 16) return false;
    const resolved = resolveSchema(current, defs);
    if (resolved.required?.includes(name) === true) return true;
    return (resolved.allOf ?? []).some((part) => visit(part, depth + 1));
  };
  return visit(parent, 0);
}
