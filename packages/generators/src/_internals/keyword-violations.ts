import { AssayError, type JsonSchema, type JsonSchemaObject } from '@assay/model';
import fc from 'fast-check';
import { builderFor } from '../schema/schema-arbitrary.js';
import { matchesSchema } from './matches-schema.js';
import { flatSchemaOrUndefined } from './merge-schemas.js';
import type { Mutation } from './negative-cases.js';
import { keywords } from './schema-keywords.js';

type Rewrite = (s: ReturnType<typeof keywords>) => JsonSchemaObject | undefined;

function without(s: JsonSchemaObject, ...names: string[]): JsonSchemaObject {
  const out = { ...s };
  for (const name of names) delete out[name];
  return out;
}

/**
 * For each keyword, the schema whose values break that keyword and keep every other one: the
 * keyword replaced by its complement, so the value is built by the same construction as valid ones.
 */
const COMPLEMENTS: Record<string, Rewrite> = {
  contains: (s) =>
    (s.minContains ?? 1) === 0
      ? undefined
      : {
          ...without(s, 'contains', 'minContains', 'maxContains'),
          items: { allOf: [s.items ?? true], not: s.contains },
        },
  minContains: (s) =>
    s.contains === undefined || (s.minContains ?? 1) <= 1
      ? undefined
      : { ...s, minContains: s.minContains! - 1, maxContains: s.minContains! - 1 },
  maxContains: (s) =>
    s.contains === undefined || s.maxContains === undefined
      ? undefined
      : { ...without(s, 'maxContains'), minContains: s.maxContains + 1 },
  minItems: (s) =>
    (s.minItems ?? 0) === 0 ? undefined : { ...without(s, 'minItems'), maxItems: s.minItems! - 1 },
  maxItems: (s) =>
    s.maxItems === undefined ? undefined : { ...without(s, 'maxItems'), minItems: s.maxItems + 1 },
  minProperties: (s) =>
    (s.minProperties ?? 0) === 0
      ? undefined
      : { ...without(s, 'minProperties'), maxProperties: s.minProperties! - 1 },
  maxProperties: (s) =>
    s.maxProperties === undefined
      ? undefined
      : { ...without(s, 'maxProperties'), minProperties: s.maxProperties + 1 },
  dependentRequired: (s) => {
    const [key, needed] = Object.entries(s.dependentRequired ?? {}).find(([, n]) => n.length > 0) ?? [];
    if (key === undefined || needed === undefined) return undefined;
    const rest = without(s, 'dependentRequired');
    // The property is there, the first one it needs is not.
    return {
      ...rest,
      required: [...new Set([...(s.required ?? []), key])],
      properties: { ...s.properties, [needed[0]!]: false },
    };
  },
  propertyNames: (s) =>
    s.propertyNames === undefined || s.additionalProperties === false
      ? undefined
      : {
          ...without(s, 'propertyNames'),
          // One more property, under a name propertyNames refuses.
          minProperties: Math.max(1, s.minProperties ?? 0),
          patternProperties: undefined,
          additionalProperties: true,
          propertyNames: { not: s.propertyNames },
        },
};

/**
 * Values that break exactly one of a schema's array and object keywords (`contains`,
 * `minContains`, `maxContains`, `minItems`, `maxItems`, `minProperties`, `maxProperties`,
 * `dependentRequired`, `propertyNames`): built from the schema with that keyword replaced by its
 * complement, and kept only when the evaluator agrees that the value fails the schema and passes
 * it without that keyword. One value per keyword, the same on every run.
 */
export function keywordViolations(schema: JsonSchema, defs: Record<string, JsonSchema>): Mutation[] {
  const flat = flatSchemaOrUndefined(schema, defs);
  if (flat === undefined) return [];
  const s = keywords(flat);
  const out: Mutation[] = [];
  const builder = builderFor({ defs });
  for (const [keyword, complement] of Object.entries(COMPLEMENTS)) {
    if (s[keyword] === undefined) continue;
    const rewritten = complement(s);
    if (rewritten === undefined) continue;
    let value: unknown;
    try {
      [value] = fc.sample(builder.build(rewritten), { numRuns: 1, seed: 0 });
    } catch (error) {
      if (AssayError.is(error) && error.code === 'generation') continue;
      throw error;
    }
    const relaxed = without(flat, keyword, ...(keyword === 'contains' ? ['minContains', 'maxContains'] : []));
    if (matchesSchema(flat, value, defs) || !matchesSchema(relaxed, value, defs)) continue;
    out.push({ value, keyword, message: `${describe(value)} breaks ${keyword}` });
  }
  return out;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
