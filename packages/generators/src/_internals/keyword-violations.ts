import { AssayError, type JsonSchema, type JsonSchemaObject } from '@assay/model';
import fc from 'fast-check';
import { builderFor } from '../schema/schema-arbitrary.js';
import { matchesSchema } from './matches-schema.js';
import { flatSchemaOrUndefined, RESIDUE } from './merge-schemas.js';
import type { Mutation } from './negative-cases.js';
import { compilePattern } from './patterns.js';
import { resolveRef } from './resolve-ref.js';
import { type Keywords, keywords } from './schema-keywords.js';

/** A schema whose values break one keyword, and what to do to a drawn value to finish the job. */
interface Complement {
  schema: JsonSchemaObject;
  /** Changes a drawn value where no schema can say the rest (`uniqueItems`: a duplicate item). */
  alter?: (value: unknown) => unknown;
}

/** The complement of one keyword: one schema, or candidates tried in order, or none. */
type Rewrite = (s: Keywords) => JsonSchemaObject | Complement[] | undefined;

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
  // The condition holds and `then` fails, or it does not and `else` fails.
  if: (s) => {
    const rest = without(s, 'if', 'then', 'else');
    const allOf = s.allOf ?? [];
    return [
      ...(s.then === undefined ? [] : [{ schema: { ...rest, allOf: [...allOf, s.if!, { not: s.then }] } }]),
      ...(s.else === undefined
        ? []
        : [{ schema: { ...rest, allOf: [...allOf, { not: s.if! }, { not: s.else }] } }]),
    ];
  },
  // The property is there and the schema it brings fails; the other dependencies still hold.
  dependentSchemas: (s) =>
    Object.entries(s.dependentSchemas ?? {}).map(([key, dependent]) => {
      const others = Object.fromEntries(Object.entries(s.dependentSchemas!).filter(([k]) => k !== key));
      return {
        schema: {
          ...without(s, 'dependentSchemas'),
          dependentSchemas: others,
          required: [...new Set([...(s.required ?? []), key])],
          allOf: [...(s.allOf ?? []), { not: dependent }],
        },
      };
    }),
  // Two or more items, the last a copy of the one before it.
  uniqueItems: (s) =>
    s.uniqueItems !== true
      ? undefined
      : [
          {
            schema: { ...without(s, 'uniqueItems'), minItems: Math.max(2, s.minItems ?? 0) },
            alter: (value) =>
              Array.isArray(value) && value.length >= 2
                ? [...value.slice(0, -1), structuredClone(value[value.length - 2])]
                : value,
          },
        ],
  // One item past the ones prefixItems evaluates, failing unevaluatedItems (`items` evaluates all).
  unevaluatedItems: (s) => {
    if (s.items !== undefined || s.unevaluatedItems === undefined) return undefined;
    const prefix = s.prefixItems ?? [];
    return {
      ...without(s, 'unevaluatedItems'),
      prefixItems: [...prefix, { not: s.unevaluatedItems }],
      minItems: Math.max(s.minItems ?? 0, prefix.length + 1),
    };
  },
  // One property no `properties` or `patternProperties` names, failing unevaluatedProperties.
  unevaluatedProperties: (s) => {
    if (s.additionalProperties !== undefined || s.unevaluatedProperties === undefined) return undefined;
    const name = freshName(s);
    if (name === undefined) return undefined;
    return {
      ...without(s, 'unevaluatedProperties'),
      required: [...(s.required ?? []), name],
      properties: { ...s.properties, [name]: { not: s.unevaluatedProperties } },
    };
  },
};

/** A property name the schema's `properties` and `patternProperties` leave to unevaluatedProperties. */
function freshName(s: Keywords): string | undefined {
  const patterns = Object.keys(s.patternProperties ?? {}).map(compilePattern);
  if (patterns.some((p) => p === undefined)) return undefined;
  for (let i = 0; i < 10; i++) {
    const name = i === 0 ? 'unevaluated' : `unevaluated${i}`;
    if (!Object.hasOwn(s.properties ?? {}, name) && !patterns.some((p) => p!.test(name))) return name;
  }
  return undefined;
}

/** The keywords a complement leaves out when it checks that only its own keyword broke. */
const COMPANIONS: Record<string, string[]> = {
  contains: ['minContains', 'maxContains'],
  if: ['then', 'else'],
};

/**
 * Values that break exactly one of a schema's array, object and conditional keywords (`contains`,
 * `minContains`, `maxContains`, `minItems`, `maxItems`, `uniqueItems`, `unevaluatedItems`,
 * `minProperties`, `maxProperties`, `dependentRequired`, `dependentSchemas`, `propertyNames`,
 * `unevaluatedProperties`, `if`/`then`/`else`): built from the schema with that keyword replaced
 * by its complement, and kept only when the evaluator agrees that the value fails the schema and
 * passes it without that keyword. One value per keyword, the same on every run.
 */
export function keywordViolations(schema: JsonSchema, defs: Record<string, JsonSchema>): Mutation[] {
  const flattened = flatSchemaOrUndefined(schema, defs);
  if (flattened === undefined) return [];
  const flat = asDeclared(flattened, schema, defs);
  const s = keywords(flat);
  const out: Mutation[] = [];
  const builder = builderFor({ defs });
  for (const [keyword, complement] of Object.entries(COMPLEMENTS)) {
    if (s[keyword] === undefined) continue;
    const rewritten = complement(s);
    if (rewritten === undefined) continue;
    const relaxed = matchable(without(flat, keyword, ...(COMPANIONS[keyword] ?? [])));
    for (const candidate of Array.isArray(rewritten) ? rewritten : [{ schema: rewritten }]) {
      const typed = typedFor(keyword, candidate.schema);
      if (typed === undefined) continue;
      const value = drawOne(builder, { ...candidate, schema: typed });
      if (value === NONE) continue;
      if (matchesSchema(schema, value, defs) || !matchesSchema(relaxed, value, defs)) continue;
      out.push({ value, keyword, message: `${describe(value)} breaks ${keyword}` });
      break;
    }
  }
  return out;
}

// Keywords that apply subschemas to the same value, whose annotations unevaluated* also sees.
const IN_PLACE = ['$ref', '$dynamicRef', 'allOf', 'anyOf', 'oneOf', 'if', 'dependentSchemas'];

/** Whether the schema, its top-level `$ref` or one of its `allOf` members declares the keyword. */
function declares(schema: JsonSchema, defs: Record<string, JsonSchema>, keyword: string, depth = 0): boolean {
  if (typeof schema !== 'object' || depth > 16) return false;
  if (schema[keyword] !== undefined) return true;
  if (schema.$ref !== undefined && declares(resolveRef(schema.$ref, defs), defs, keyword, depth + 1))
    return true;
  return (schema.allOf ?? []).some((member) => declares(member, defs, keyword, depth + 1));
}

/**
 * Flattening reads a local unevaluatedItems/unevaluatedProperties as items/additionalProperties
 * (the same keyword where nothing else evaluates); a value breaking it breaks the keyword the
 * schema declares, so that is the one named. A declared items/additionalProperties stays as it is.
 */
function asDeclared(
  flat: JsonSchemaObject,
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
): JsonSchemaObject {
  if (IN_PLACE.some((k) => flat[k] !== undefined)) return flat;
  let out = flat;
  const back = (local: string, unevaluated: string) => {
    if (flat[local] === undefined || flat[unevaluated] !== undefined) return;
    if (declares(schema, defs, local) || !declares(schema, defs, unevaluated)) return;
    out = { ...without(out, local), [unevaluated]: flat[local] };
  };
  if (flat.contains === undefined) back('items', 'unevaluatedItems');
  back('additionalProperties', 'unevaluatedProperties');
  return out;
}

/** What merging could not fold into one schema (RESIDUE), as allOf members the evaluator reads. */
function matchable(flat: JsonSchemaObject): JsonSchemaObject {
  const residue = flat[RESIDUE] as JsonSchema[] | undefined;
  if (residue === undefined) return flat;
  return { ...without(flat, RESIDUE), allOf: [...(flat.allOf ?? []), ...residue] };
}

const ARRAY_KEYWORDS = new Set([
  'contains',
  'minContains',
  'maxContains',
  'minItems',
  'maxItems',
  'uniqueItems',
  'unevaluatedItems',
]);
const OBJECT_KEYWORDS = new Set([
  'minProperties',
  'maxProperties',
  'dependentRequired',
  'dependentSchemas',
  'propertyNames',
  'unevaluatedProperties',
]);

/**
 * The complement held to the one type its keyword reads: a schema without `type` also has
 * numbers, and a number breaks no array keyword. Undefined when the schema allows no such type.
 */
function typedFor(keyword: string, schema: JsonSchemaObject): JsonSchemaObject | undefined {
  const type = ARRAY_KEYWORDS.has(keyword) ? 'array' : OBJECT_KEYWORDS.has(keyword) ? 'object' : undefined;
  if (type === undefined) return schema;
  const allowed = schema.type === undefined ? [type] : [schema.type].flat();
  return allowed.includes(type) ? { ...schema, type } : undefined;
}

const NONE = Symbol('no value');

/** The first value of the complement (the same on every run), or NONE when it has no values. */
function drawOne(builder: ReturnType<typeof builderFor>, candidate: Complement): unknown {
  try {
    const [value] = fc.sample(builder.build(candidate.schema), { numRuns: 1, seed: 0 });
    return candidate.alter === undefined ? value : candidate.alter(value);
  } catch (error) {
    if (AssayError.is(error) && error.code === 'generation') return NONE;
    throw error;
  }
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
