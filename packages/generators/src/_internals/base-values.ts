import type { JsonSchema } from '@assay/model';
import fc from 'fast-check';
import type { Validity } from './interpret-wire.js';

/**
 * One deterministic valid value for a schema: a valid spec example, else a valid default, else the
 * first valid enum member, else the first value fast-check draws from a fixed seed. Coverage and
 * example requests are built on it, so they are the same on every run.
 */
export function baseValue(
  schema: JsonSchema,
  arbitrary: fc.Arbitrary<unknown> | undefined,
  examples: readonly unknown[],
  valid: Validity,
): { value: unknown } | undefined {
  for (const example of examples) if (valid(schema, example)) return { value: example };
  if (typeof schema === 'object') {
    if (schema.default !== undefined && valid(schema, schema.default)) return { value: schema.default };
    const member = schema.enum?.find((m) => valid(schema, m));
    if (member !== undefined) return { value: member };
  }
  if (arbitrary === undefined) return undefined;
  try {
    const [value] = fc.sample(arbitrary, { numRuns: 1, seed: 0 });
    return { value };
  } catch {
    return undefined;
  }
}
