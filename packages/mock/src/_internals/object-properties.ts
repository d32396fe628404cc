import type { JsonSchema } from '@assay/model';
import { resolveSchema } from './resolve-schema.js';

/**
 * The top-level properties an object schema declares, with those of its `allOf` parts merged in
 * (a common way to extend a base model).
 */
export function objectProperties(
  schema: JsonSchema | undefined,
  defs: Record<string, JsonSchema>,
): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  const visit = (current: JsonSchema | undefined, depth: number): void => {
    if (depth > 16) return;
    const resolved = resolveSchema(current, defs);
    for (const [name, property] of Object.entries(resolved.properties ?? {})) {
      if (!out.has(name)) out.set(name, property);
    }
    for (const part of resolved.allOf ?? []) visit(part, depth + 1);
  };
  visit(schema, 0);
  return out;
}
