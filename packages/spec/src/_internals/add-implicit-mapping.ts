import type { JsonSchemaObject } from '@assay/model';

/**
 * Without a mapping entry, a discriminator value is the name of the component schema it selects
 * (OAS 3.1 §4.8.25.2), so each `oneOf`/`anyOf` branch that refers to a component and is not mapped
 * explicitly is added under its name, and consumers read one complete mapping.
 */
export function addImplicitMapping(schema: JsonSchemaObject, componentKeys: Set<string>): void {
  const discriminator = schema.discriminator!;
  const mapping = { ...(discriminator.mapping ?? {}) };
  const targeted = new Set(Object.values(mapping));
  for (const branch of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    if (typeof branch !== 'object' || typeof branch.$ref !== 'string') continue;
    const key = branch.$ref.slice('#/$defs/'.length);
    if (!componentKeys.has(key) || targeted.has(branch.$ref) || Object.hasOwn(mapping, key)) continue;
    mapping[key] = branch.$ref;
  }
  if (Object.keys(mapping).length > 0) schema.discriminator = { ...discriminator, mapping };
}
