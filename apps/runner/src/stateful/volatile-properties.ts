import type { ApiModel, JsonSchema } from '@assay/model';
import type { ResourcePlan } from './resource-commands.js';

/**
 * The top-level properties of a resource's items the server sets on its own: those its schemas
 * mark `readOnly` (through `$ref` and `allOf`), in the list's item schema and in what a read
 * answers. Their values may change with no write (`updated_at`), so no check compares them.
 */
export function volatileProperties(api: ApiModel, plan: ResourcePlan): string[] {
  const out = new Set<string>();
  const schemas: JsonSchema[] = [];
  if (plan.list?.list !== undefined) schemas.push(plan.list.list.itemSchema);
  for (const operation of [plan.read, plan.create]) {
    for (const [status, response] of Object.entries(operation?.responses ?? {})) {
      if (!/^2/.test(status)) continue;
      for (const media of Object.values(response.content)) schemas.push(media.schema);
    }
  }
  const visit = (schema: JsonSchema | undefined, depth: number): void => {
    if (schema === undefined || typeof schema === 'boolean' || depth > 16) return;
    if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/$defs/')) {
      visit(api.schemas[schema.$ref.slice('#/$defs/'.length)], depth + 1);
      return;
    }
    for (const [name, property] of Object.entries(schema.properties ?? {}))
      if (readOnly(api, property)) out.add(name);
    for (const part of schema.allOf ?? []) visit(part, depth + 1);
  };
  for (const schema of schemas) visit(schema, 0);
  return [...out].sort();
}

function readOnly(api: ApiModel, schema: JsonSchema, depth = 0): boolean {
  if (typeof schema === 'boolean' || depth > 16) return false;
  if (schema.readOnly === true) return true;
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/$defs/')) {
    const target = api.schemas[schema.$ref.slice('#/$defs/'.length)];
    return target !== undefined && readOnly(api, target, depth + 1);
  }
  return (schema.allOf ?? []).some((part) => readOnly(api, part, depth + 1));
}
